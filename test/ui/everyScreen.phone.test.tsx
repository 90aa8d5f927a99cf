/**
 * The phone in the world's layout at 80×24 in both languages: every screen of the phone place (F2)
 * beside the terminal and beside the site — loading, the inbox, each kind of SMS read whole, the
 * dialer and each answer (R-MOB-9) — and the small phone beside a place when it has more SMS than
 * fit (the checks of everyScreen.check.tsx). Views come from the real world and phone machines.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import type { Lang } from '../../src/domain/money.js';
import { ALIEXPRESS_SENDER } from '../../src/domain/orders/orderLife.js';
import type { PhoneMessage } from '../../src/domain/store.js';
import { t } from '../../src/i18n/index.js';
import { smsText } from '../../src/domain/mobile/smsText.js';
import { screenTitle } from '../../screens/terminal/ScreenBody.js';
import { idleHints } from '../../screens/terminal/IdleScreen.js';
import { siteTitle } from '../../screens/site/SiteFrame.js';
import { START } from '../machines/siteDriver.js';
import { failuresOf, flat, inLang, regionsOf, renderScene, sceneOf, startScene, type Case, type Expected, type Scene } from './everyScreen.check.js';

const PHONE = '+79161234567';
const MINUTE = 60_000;

/** A phone with one SMS of each kind the store sends, a minute apart. */
function storeWithInbox(): MemoryStore {
  const store = new MemoryStore();
  store.setPhoneAccount(PHONE, 'mts', '1234.50');
  const sms = (kind: 'code' | 'refund' | 'cancellation', minutes: number, amount: string, code: string) =>
    store.sendSms({ phone: PHONE, at: START - minutes * MINUTE, sender: ALIEXPRESS_SENDER, kind, amount, code });
  sms('code', 50, '14990.00', '1000000001');
  sms('refund', 40, '300.00', '1000000001');
  sms('cancellation', 30, '14990.00', '1000000002');
  sms('cancellation', 20, '0.00', '1000000003');
  sms('code', 10, '2000.00', '1000000004');
  return store;
}

/** The operator's SMS about change, as the terminal's payment sends it. */
const TOPUP: PhoneMessage = { phone: PHONE, at: START - 5 * MINUTE, sender: 'MTS', kind: 'topup', amount: '250.00', receipt: 'T-1-000001' };

async function collectScenes(): Promise<Case[]> {
  const cases: Case[] = [];
  const clock = new SimulatedClock();
  clock.set(START);
  const { world, scene: start } = await startScene(storeWithInbox(), clock);
  const phone = () => world.getSnapshot().context.phone;
  const keep = async (name: string, change: (s: Scene) => Scene = (s) => s) => cases.push({ name, scene: change(await sceneOf(world)) });
  await keep('terminal, the phone beside it with more SMS than fit');
  world.send({ type: 'place.go', place: 'site' });
  await keep('site, the phone beside it with more SMS than fit');
  world.send({ type: 'place.go', place: 'phone' });
  await keep('phone beside the site, loading', (s) => ({ ...s, phone: { ...s.phone, screen: 'loading' } }));
  await keep('phone beside the site, inbox');
  world.send({ type: 'place.back' });
  world.send({ type: 'place.go', place: 'terminal' });
  world.send({ type: 'place.go', place: 'phone' });
  await keep('phone beside the terminal, inbox');
  for (let i = 0; i < 5; i++) {
    phone().send({ type: 'phone.open' });
    await keep(`phone, reading message ${i + 1}`);
    phone().send({ type: 'phone.back' });
    phone().send({ type: 'phone.move', dir: 'down' });
  }
  await keep('phone, inbox, the last one chosen');
  // more SMS than the phone's screen has rows (found by the mixed race): its number, operator and keys stay whole
  await keep('phone, an inbox longer than its screen', (s) => ({
    ...s, phone: { ...s.phone, screen: 'home', selected: 0, inbox: Array.from({ length: 40 }, (_, i) => ({ ...TOPUP, at: TOPUP.at - i * MINUTE })) },
  }));
  await keep('phone, reading the change SMS', (s) => ({ ...s, phone: { ...s.phone, screen: 'reading', inbox: [TOPUP, ...s.phone.inbox], selected: 0 } }));
  for (const [code, name] of [['*100#', 'balance'], ['*102#', 'another operator\'s code'], ['*123#', 'unknown request']] as const) {
    phone().send({ type: 'phone.back' });
    for (const key of code) phone().send({ type: 'phone.dial', key });
    await keep(`phone, dialing ${code}`);
    phone().send({ type: 'phone.call' });
    await keep(`phone, ${name}`);
  }
  world.stop();
  const empty = await startScene(new MemoryStore(), clock);
  empty.world.send({ type: 'place.go', place: 'phone' });
  await new Promise<void>((resolve) => setImmediate(resolve));
  cases.push({ name: 'phone with no SMS', scene: await sceneOf(empty.world) });
  empty.world.stop();
  expect(start.phone.phone).toBe(PHONE);
  return cases;
}

/** The place behind the phone keeps its top rows; the phone's own texts are checked by the checker. */
function expectedTexts(scene: Scene, lang: Lang): Expected {
  if (scene.world.shown === 'site') return { top: [t(lang, 'site.brand'), siteTitle(scene.site)], lines: [], paragraphs: [] };
  // the terminal behind is on its idle screen: its demo-order hint has an ellipsis of its own
  return { top: [t(lang, 'brand', { terminal: 'T-1' }), screenTitle(scene.view)], lines: idleHints(scene.view), paragraphs: [] };
}

let cases: Case[] = [];
beforeAll(async () => {
  cases = await collectScenes();
});

describe.each(['ru', 'en'] as const)('the phone at 80×24 in the world\'s layout (%s)', (lang) => {
  it('every phone screen, and the phone beside a place, shows every text whole: nothing cut, too wide or out of line', () => {
    expect(new Set(cases.map((c) => c.scene.phone.screen))).toEqual(new Set(['loading', 'home', 'reading', 'dialing', 'answered']));
    expect(failuresOf(cases, lang, expectedTexts)).toBe('');
  });

  it('beside a place, the newest SMS is shown whole first and the older ones are counted', () => {
    const { scene } = cases.find((c) => c.name === 'terminal, the phone beside it with more SMS than fit')!;
    const panel = flat(regionsOf(renderScene(inLang(scene, lang))).panel);
    const [newest] = scene.phone.inbox;
    expect(panel).toContain(smsText(newest!, lang).replace(/\s+/g, ' '));
    expect(panel).toMatch(new RegExp(t(lang, 'panel.more', { count: 999 }).replace('999', '\\d+').replace(/[·()]/g, '.')));
  });

  it('each kind of SMS reads whole on the phone: the code, the refund, the cancellation with and without money back, the change', () => {
    const read = cases.filter((c) => c.scene.phone.screen === 'reading').map((c) => c.scene.phone.inbox[c.scene.phone.selected]!.kind);
    expect(new Set(read)).toEqual(new Set(['code', 'refund', 'cancellation', 'topup']));
  });
});
