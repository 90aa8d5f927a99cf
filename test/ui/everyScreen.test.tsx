/**
 * Every terminal screen the View can be in, with every notice and hint it can show, drawn in the
 * world's layout (place bar, phone beside it) at 80×24 in both languages (issue 9, items 5–9,
 * 11–16; issue 11): the checks of everyScreen.check.tsx. The views come from the real machines
 * driven by keys; the few states that need a broken store or a racing acceptor are the real views
 * with one field set. The site's pages and the phone's screens have their own case tables
 * (everyScreen.site.test.tsx, everyScreen.phone.test.tsx).
 */
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import { banknoteKeyLegend } from '../../src/domain/cash/banknoteKeys.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import { OPERATORS } from '../../src/domain/rules.js';
import { receiptFooter, receiptLines } from '../../src/domain/fiscal/receiptText.js';
import type { Lang } from '../../src/domain/money.js';
import type { Receipt } from '../../src/domain/store.js';
import { t } from '../../src/i18n/index.js';
import { formatHours, formatMoney, formatNote, formatPhone, operatorName } from '../../src/i18n/format.js';
import { idleHints } from '../../screens/terminal/IdleScreen.js';
import { screenHelp, screenNotice, screenTitle } from '../../screens/terminal/ScreenBody.js';
import { failuresOf, flat, inLang, regionsOf, renderScene, startScene, type Case as SceneCase, type Expected, type Scene } from './everyScreen.check.js';
import { collectViews, type Case } from './everyScreen.views.js';

/** What a terminal screen must show in full: `lines` on one screen row each, `paragraphs` wrapped only between words. */
function expectedTexts(scene: Scene, lang: Lang): Expected {
  const { view } = scene;
  const money = (m: string) => formatMoney(m, lang);
  const lines = [screenTitle(view), ...view.buttons.filter((b) => b.id !== 'operator').map((b) => t(lang, b.label))];
  const paragraphs = [screenHelp(view), screenNotice(view) ?? ''];
  const receiptTexts = (r: Receipt) => {
    for (const line of receiptLines(r, lang)) lines.push(line.label, line.value);
    paragraphs.push(...receiptFooter(r, lang));
  };
  const { kiosk, cash, split } = view;
  switch (view.screen) {
    case 'idle':
      lines.push(t(lang, 'idle.press'), ...idleHints({ ...view, lang }));
      break;
    case 'orderEntry':
      paragraphs.push(t(lang, 'order.prompt', { length: view.rules.orderNumberLength }));
      break;
    case 'phoneEntry':
    case 'topupPhone':
      paragraphs.push(t(lang, view.screen === 'topupPhone' ? 'topup.prompt' : 'phone.prompt'));
      lines.push(`${t(lang, 'phone.operator')}: ${kiosk.operator ? operatorName(kiosk.operator, lang) : t(lang, 'phone.operatorUnknown')}`);
      lines.push(`${t(lang, 'button.operator')}: ${operatorName(kiosk.operator, lang)}`);
      if (kiosk.paperOut) paragraphs.push(t(lang, 'paper.outPhone'));
      break;
    case 'lookingUp':
      lines.push(t(lang, 'lookup.busy'));
      break;
    case 'processing':
      lines.push(t(lang, 'processing'));
      break;
    case 'refused': {
      const r = kiosk.refusal!;
      const cap = money(view.rules.terminalCap);
      paragraphs.push(t(lang, `refused.${r.reason}`, { code: r.code, due: r.due ? money(r.due) : '', cap, hours: formatHours(view.rules.codeValidityMs / 3_600_000, lang) }));
      if (r.due) lines.push(money(r.due), cap);
      break;
    }
    case 'checkData':
      lines.push(`${t(lang, 'check.order')}: ${kiosk.payable!.code}`, `${t(lang, 'check.due')}: ${money(kiosk.payable!.due)}`);
      paragraphs.push(t(lang, 'check.noChange'), t(lang, 'check.advice'), t(lang, 'check.priceMayChange'));
      if (kiosk.paperOut) paragraphs.push(t(lang, 'paper.out'));
      break;
    case 'cash': {
      if (view.topUp) {
        lines.push(t(lang, 'topup.cash.phone', { phone: formatPhone(`+7${kiosk.phoneDigits}`), operator: operatorName(kiosk.operator, lang) }));
        lines.push(t(lang, 'cash.inserted'), t(lang, 'topup.cash.credit'), money(cash!.inserted), money(split!.toPhone));
        paragraphs.push(t(lang, 'cash.keys', { keys: banknoteKeyLegend() }), t(lang, cash!.notes.length > 0 ? 'topup.cash.ready' : 'topup.cash.insert'));
        break;
      }
      lines.push(t(lang, 'cash.due'), t(lang, 'cash.inserted'), t(lang, 'cash.toOrder'), t(lang, 'cash.toPhone', { phone: formatPhone(`+7${kiosk.phoneDigits}`) }));
      lines.push(money(cash!.due), money(cash!.inserted), money(split!.toOrder), money(split!.toPhone));
      paragraphs.push(t(lang, 'cash.keys', { keys: banknoteKeyLegend() }), split!.covered ? t(lang, 'cash.payReady') : t(lang, 'cash.payWhenCovered', { needed: money(split!.stillNeeded) }));
      const n = cash!.notice;
      if (n?.kind === 'accepted') paragraphs.push(t(lang, 'cash.accepted', { note: formatNote(n.note, lang) }));
      if (n?.kind === 'rejected') paragraphs.push(t(lang, `cash.rejected.${n.reason}`, { note: formatNote(n.note, lang), cap: money(cash!.cap) }));
      if (n?.kind === 'busy') paragraphs.push(t(lang, 'cash.busy'));
      break;
    }
    case 'moreTime':
      lines.push(t(lang, 'moreTime.title'));
      break;
    case 'receipt':
      receiptTexts(kiosk.receipt!);
      if (kiosk.receiptBySms) paragraphs.push(t(lang, 'paper.bySms', { phone: formatPhone(kiosk.receipt!.phone) }));
      break;
    case 'recovered':
      for (const r of view.recovered) {
        paragraphs.push(r.code === '' ? t(lang, 'topup.recovered.line', { amount: money(r.accepted) }) : t(lang, 'recovered.line', { amount: money(r.accepted), code: r.code }));
      }
      receiptTexts(view.recovered[view.recovered.length - 1]!);
      break;
    case 'fault':
      paragraphs.push(t(lang, 'fault.body', { reason: view.fault ?? '?' }));
      break;
    case 'outOfService':
      if (!kiosk.jam) {
        const reason = kiosk.registryDown!;
        paragraphs.push(t(lang, 'registry.body'), t(lang, 'registry.reason', { reason: reason.length > 140 ? `${reason.slice(0, 139)}…` : reason }), t(lang, 'registry.safe'));
        paragraphs.push(t(lang, 'registry.ask'));
        break;
      }
      paragraphs.push(t(lang, 'jam.body', { held: kiosk.jam!.held.map((n) => formatNote(n, lang)).join(' + ') }), t(lang, 'jam.safe'));
      lines.push(t(lang, 'jam.counted', { inserted: money(kiosk.jam!.inserted) }), t(lang, 'jam.ask'));
      break;
    default:
      break;
  }
  return { top: [t(lang, 'brand', { terminal: 'T-1' }), screenTitle(view)], lines: lines.filter(Boolean), paragraphs: paragraphs.filter(Boolean), checkIndent: true };
}

let cases: Case[] = [];
/** each terminal view in the world: the terminal has the keys, the site and the phone as they start */
let scenes: SceneCase[] = [];
beforeAll(async () => {
  cases = await collectViews();
  const clock = new SimulatedClock();
  clock.set(Date.UTC(2026, 10, 22, 7, 0, 0));
  const { world, scene } = await startScene(new MemoryStore(), clock);
  world.stop();
  scenes = cases.map(({ name, view }) => ({ name, scene: { ...scene, view } }));
});

const render = (name: string, lang: Lang): string => {
  const found = scenes.find((c) => c.name === name);
  if (!found) throw new Error(`no view "${name}"`);
  return flat(regionsOf(renderScene(inLang(found.scene, lang))).screen);
};

const WORDS = {
  en: {
    finesNotice: 'Not available on this terminal: choose Products by catalogs.',
    avonNotice: 'Not available on this terminal: choose Aliexpress.',
    priceMayChange: 'The price may have changed since the code was sent',
    phoneHelp: ['Enter next', 'Esc back', 'Tab operator'],
    operators: { mts: '(MTS)', megafon: '(MegaFon)', beeline: '(Beeline)', tele2: '(Tele2)' },
  },
  ru: {
    finesNotice: 'Недоступно на этом терминале: выберите «Товары по каталогам».',
    avonNotice: 'Недоступно на этом терминале: выберите Aliexpress.',
    priceMayChange: 'Цена могла измениться после отправки кода',
    phoneHelp: ['Enter далее', 'Esc назад', 'Tab оператор'],
    operators: { mts: '(МТС)', megafon: '(МегаФон)', beeline: '(Билайн)', tele2: '(Теле2)' },
  },
} as const;

describe.each(['ru', 'en'] as const)('the words on the screens (%s)', (lang) => {
  const words = WORDS[lang];
  it('"not available" names the next step: Products by catalogs on Other services, Aliexpress on the catalogs', () => {
    expect(render('other services, traffic fines', lang)).toContain(words.finesNotice);
    expect(render('catalogs, avon', lang)).toContain(words.avonNotice);
  });

  it('R-CODE-5: the check-data screen says the price may have changed since the code was sent, for every order', () => {
    for (const name of ['check data', 'check data, the price-rise order']) expect(render(name, lang)).toContain(words.priceMayChange);
  });

  it('the phone screen\'s help line has Enter with its verb, Esc back and Tab', () => {
    const text = render('phone entry', lang);
    for (const item of words.phoneHelp) expect(text).toContain(item);
  });

  it('every help line pairs each key with what it does', () => {
    for (const { name, view } of cases) {
      if (view.mode === 'busy') continue; // "Please wait…": no key does anything
      for (const item of screenHelp({ ...view, lang }).split(' · ')) {
        expect(item.split(' ').length, `${name}: "${item}"`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('the receipt names each operator in the kiosk\'s language, on a row of its own width', () => {
    for (const id of OPERATORS) expect(render(`receipt, ${id}`, lang)).toContain(words.operators[id]);
  });
});

describe.each(['ru', 'en'] as const)('every terminal screen at 80×24 in the world\'s layout (%s)', (lang) => {
  it('shows every text whole, the place bar and the phone beside it: nothing cut, wrapped inside a word or an amount, wider than the terminal, or repeated', () => {
    expect(scenes.length).toBeGreaterThan(40);
    const failures = failuresOf(scenes, lang, expectedTexts);
    if (process.env['LAYOUT_DUMP']) writeFileSync(`${process.env['LAYOUT_DUMP']}.${lang}`, failures);
    expect(failures).toBe('');
  });
});
