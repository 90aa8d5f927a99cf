/**
 * Rules of issue 2 proven on the real terminal (machines + actors + MemoryStore) on a simulated
 * clock, each at its boundary. The screens' side of the same rules is in test/ui/ and
 * test/rules/screens.rules.test.tsx.
 */
import { describe, expect, it } from 'vitest';
import { getSimplePaths } from 'xstate/graph';
import { kioskMachine } from '../../machines/terminal/kiosk.js';
import { kioskButtons, kioskGrid } from '../../machines/terminal/kioskButtons.js';
import { newOrder } from '../../src/domain/orders/orders.js';
import { DEFAULT_RULES, HOUR_MS } from '../../src/domain/rules.js';
import { buttonText, t as tr } from '../../src/i18n/index.js';
import { EUROSET } from '../../src/domain/skins/index.js';
import { cashOf, insert, kioskOf, kioskState, lookUp, MemoryStore, send, startRig, START, toCash } from '../machines/terminalDriver.js';

const PHONE = '+79161234567';
const order = (code: string, codeAmount: string, extra: Partial<Parameters<typeof newOrder>[0]> = {}) =>
  newOrder({ code, codeAmount, phone: PHONE, issuedAt: START - HOUR_MS, ...extra });
const storeWith = (...orders: ReturnType<typeof order>[]) => {
  const store = new MemoryStore();
  for (const o of orders) store.addOrder(o);
  return store;
};

const SCREENS_WITH_BUTTONS = ['menu', 'services', 'catalogs', 'orderEntry', 'refused', 'checkData', 'phoneEntry', 'receipt'];

describe('R-TERM-1: the Euroset menu path', () => {
  it('R-TERM-1: every way from the idle screen to the order number goes main menu → Other services → Products by catalogs → Aliexpress', () => {
    const machine = kioskMachine.provide({ actions: { requestLookup: () => {}, requestCash: () => {} } });
    const paths = getSimplePaths(machine, {
      input: { lang: 'en' },
      serializeState: (s) => String(s.value),
      // Every button of every screen, and the key that wakes the idle screen.
      events: (s) => [
        { type: 'kiosk.wake' as const },
        ...(SCREENS_WITH_BUTTONS.includes(String(s.value)) ? kioskButtons(String(s.value) as never, s.context) : []).map((b) => ({ type: 'nav.press' as const, id: b.id })),
      ],
      toState: (s) => s.value === 'orderEntry',
    });
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      const screens = path.steps.map((step) => String(step.state.value));
      expect(screens.filter((s, i) => s !== screens[i - 1])).toEqual(['idle', 'menu', 'services', 'catalogs', 'orderEntry']);
    }
  });

  it.each([
    ['en', ['Other services', 'Products by catalogs', 'Aliexpress', 'Order number']],
    ['ru', ['Другие услуги', 'Товары по каталогам', 'Aliexpress', 'Номер заказа']],
  ] as const)('R-TERM-1: the buttons and screens of the path are labelled exactly as on the Euroset terminal (%s)', (lang, labels) => {
    // R-TERM-1 names a Euroset terminal's buttons: pinned to that skin in every skin's test project (R-TERM-4)
    const facts = { orderDigits: '', orderNumberLength: 10, phoneDigits: '', operator: null, skin: EUROSET };
    const label = (screen: 'menu' | 'services' | 'catalogs', id: string) => {
      const button = kioskButtons(screen, facts).find((b) => b.id === id);
      return button ? buttonText(lang, button) : '';
    };
    const title = (key: 'order.title' | 'services.title' | 'catalogs.title') => EUROSET.labels[key][lang];
    expect([label('menu', 'other'), label('services', 'catalogs'), label('catalogs', 'aliexpress'), title('order.title')]).toEqual(labels);
    expect([title('services.title'), title('catalogs.title')]).toEqual(labels.slice(0, 2));
  });

  it('R-TERM-1: Other services is the last service category, at the bottom right of the two-column grid (Euroset)', () => {
    const buttons = kioskButtons('menu', { orderDigits: '', orderNumberLength: 10, phoneDigits: '', operator: null, skin: EUROSET });
    const categories = buttons.filter((b) => b.event.type === 'menu.category' || b.event.type === 'menu.other');
    const columns = kioskGrid('menu').columns;
    const at = categories.findIndex((b) => b.id === 'other');
    expect(columns).toBe(2);
    expect(at).toBe(categories.length - 1);
    expect(at % columns).toBe(columns - 1);
    expect(Math.floor(at / columns)).toBe(Math.floor((categories.length - 1) / columns));
  });
});

describe('R-TERM-3: at most 15,000 ₽', () => {
  it.each([
    ['15000.00', 'checkData', null],
    ['15000.01', 'refused', { code: '3000000001', reason: 'overCap', due: '15000.01' }],
  ])('R-TERM-3: an order of %s ₽ → %s', async (amount, screen, refusal) => {
    const { t } = await startRig(storeWith(order('3000000001', amount)));
    expect(await lookUp(t, '3000000001')).toBe(screen);
    expect(kioskOf(t).context.refusal).toEqual(refusal);
    t.stop();
  });

  it.each([
    ['en', 'Order 3000000001 is 16,990.00 ₽: this terminal takes at most 15,000.00 ₽. Pay at a cashier or at Russian Post.'],
    ['ru', 'Сумма заказа 3000000001 — 16 990,00 ₽: терминал принимает не более 15 000,00 ₽. Оплатите на кассе или на Почте России.'],
  ] as const)('R-TERM-3: the refusal advises a cashier or Russian Post (%s)', (lang, text) => {
    expect(tr(lang, 'refused.overCap', { code: '3000000001', due: lang === 'en' ? '16,990.00 ₽' : '16 990,00 ₽', cap: lang === 'en' ? '15,000.00 ₽' : '15 000,00 ₽' })).toBe(text);
  });

  it('R-TERM-3: notes up to exactly 15,000 ₽ are taken; the next one is returned with "limit exceeded" and never journaled or paid', async () => {
    const store = storeWith(order('3000000003', '100.00'));
    const { t, payments } = await startRig(store);
    await toCash(t, '3000000003');
    await insert(t, 5000, 5000, 2000, 2000, 1000);
    expect(cashOf(t)?.context.inserted).toBe('15000.00');
    await insert(t, 10);
    expect(cashOf(t)?.context).toMatchObject({ inserted: '15000.00', notice: { kind: 'rejected', note: 10, reason: 'limit' } });
    expect(tr('en', 'cash.rejected.limit', { note: '10 ₽', cap: '15,000.00 ₽' })).toContain('limit exceeded');
    await send(t, { type: 'nav.press', id: 'pay' });
    expect(payments.map((p) => [p.receipt.accepted, p.receipt.toOrder, p.receipt.toPhone])).toEqual([['15000.00', '100.00', '14900.00']]);
    expect(store.unfinishedSessions()).toEqual([]);
    t.stop();
  });
});

describe('R-CODE-2: a code is valid for 48 hours from issue', () => {
  // "Valid for 48 hours from issue": at 48:00:00 the 48 hours are over (orders.ts: now - issuedAt >= 48 h is expired).
  it.each([
    ['47:59:59 after issue: still valid', 48 * HOUR_MS - 1_000, 'checkData'],
    ['47:59:59.999 after issue: still valid', 48 * HOUR_MS - 1, 'checkData'],
    ['48:00:00 after issue: refused as expired', 48 * HOUR_MS, 'refused'],
  ])('R-CODE-2: %s', async (_name, age, screen) => {
    const { t } = await startRig(storeWith(order('2000000001', '500.00', { issuedAt: START - age })));
    expect(await lookUp(t, '2000000001')).toBe(screen);
    if (screen === 'refused') expect(kioskOf(t).context.refusal).toEqual({ code: '2000000001', reason: 'expired' });
    t.stop();
  });

  it('R-CODE-2: the order placed again gets a new code, valid 48 hours again, and is paid with it', async () => {
    const store = storeWith(order('2000000002', '500.00', { issuedAt: START - 48 * HOUR_MS }), order('2000000003', '500.00', { issuedAt: START }));
    const { t, payments, wait } = await startRig(store);
    expect(await lookUp(t, '2000000002')).toBe('refused');
    await wait(DEFAULT_RULES.timeouts.menuMs);
    expect(kioskState(t)).toBe('idle');
    await toCash(t, '2000000003');
    await insert(t, 500);
    await send(t, { type: 'nav.press', id: 'pay' });
    expect(payments.map((p) => [p.receipt.code, p.order?.status])).toEqual([['2000000003', 'paid']]);
    expect(DEFAULT_RULES.codeValidityMs).toBe(48 * HOUR_MS);
    t.stop();
  });
});
