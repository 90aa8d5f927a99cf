/**
 * "My orders" shows the order's life, driven by keys on the real site machine with its store actors:
 * each order's page names its stage and history, and offers what fits it (R-CODE-5, R-CODE-6,
 * R-CODE-7, R-PROT-1, R-PROT-2).
 */
import { describe, expect, it } from 'vitest';
import { newOrder } from '../../src/domain/orders/orders.js';
import { DAY_MS, DEFAULT_RULES, HOUR_MS } from '../../src/domain/rules.js';
import type { SyncKioskStore } from '../../src/domain/store.js';
import { orderButtonId } from '../../machines/site/siteButtons.js';
import { startSite, START } from './siteDriver.js';

const PHONE = '+79161234567';
const CODE = '1000000123';

/** Pays `amount` for CODE at a terminal at `at`, as the kiosk does (one session, one 5,000 ₽ note). */
function payAtTerminal(store: SyncKioskStore, at: number, due = '4750.00'): void {
  store.openSession({ id: `s-${at}`, terminalId: 'T1', code: CODE, due, phone: PHONE, operator: 'mts', openedAt: at });
  store.journalNote(`s-${at}`, 5000, at);
  store.completePayment(`s-${at}`, 'pay', at);
}

/** A site for PHONE with CODE (4,750 ₽) issued at START, paid at START + 1 h. */
function siteWithPaidOrder() {
  const site = startSite({ phone: PHONE });
  site.store.addOrder(newOrder({ code: CODE, codeAmount: '4750.00', phone: PHONE, issuedAt: START }));
  payAtTerminal(site.store, START + HOUR_MS);
  return site;
}

async function openOrder(site: ReturnType<typeof startSite>) {
  await site.press('o');
  await site.pressButton(orderButtonId(CODE));
  expect(site.view().page).toBe('order');
}

const later = async (site: ReturnType<typeof startSite>, ms: number) => {
  site.clock.increment(ms);
  await site.settle();
};

describe("the order's life on My orders", () => {
  it('R-CODE-6: cash paid at a terminal shows as processing, with when it will be credited; once it settles, paid, with the credit in the history', async () => {
    const site = siteWithPaidOrder();
    await openOrder(site);
    const processing = site.view().order!;
    expect(processing.row).toMatchObject({ status: 'processing', settlesAt: START + HOUR_MS + 2 * DAY_MS });
    expect(processing.history.map((e) => [e.kind, e.at])).toEqual([['issued', START], ['paid', START + HOUR_MS]]);
    expect(site.view().buttons.map((b) => b.id)).toEqual(['back']);
    await later(site, HOUR_MS + 2 * DAY_MS + 60_000);
    const paid = site.view().order!;
    expect(paid.row).toMatchObject({ status: 'paid', settlesAt: null });
    expect(paid.history.map((e) => [e.kind, e.at, e.amount])).toEqual([
      ['issued', START, '4750.00'], ['paid', START + HOUR_MS, '4750.00'], ['credited', START + HOUR_MS + 2 * DAY_MS, '4750.00'],
    ]);
  });

  it('R-CODE-5: an order whose price rose before the cash arrived is partially paid, owing the rest', async () => {
    const site = startSite({ phone: PHONE });
    site.store.addOrder(newOrder({ code: CODE, codeAmount: '4750.00', phone: PHONE, issuedAt: START }));
    site.store.repriceOrder(CODE, '5200.00');
    payAtTerminal(site.store, START + HOUR_MS, '4750.00');
    await openOrder(site);
    expect(site.view().order!.row).toMatchObject({ status: 'partially_paid', owed: '450.00' });
  });

  it('R-PROT-1: a delivered order offers Confirm receipt, which releases the money to the seller, with its history entry', async () => {
    const site = siteWithPaidOrder();
    await later(site, HOUR_MS + 2 * DAY_MS + 60_000);
    site.store.changeOrder(CODE, { kind: 'ship' }, site.clock.now());
    await openOrder(site);
    expect(site.view().order!.row.status).toBe('shipped');
    expect(site.view().buttons.map((b) => b.id)).toEqual(['dispute', 'back']);
    site.store.changeOrder(CODE, { kind: 'deliver' }, site.clock.now());
    await site.press('esc');
    await site.pressButton(orderButtonId(CODE));
    expect(site.view().order!.row.status).toBe('delivered');
    expect(site.view().buttons.map((b) => b.id)).toEqual(['confirm', 'dispute', 'back']);
    await site.press('c');
    const view = site.view();
    expect(view.page).toBe('order');
    expect(view.order!.row.status).toBe('released');
    expect(view.order!.history.at(-1)).toMatchObject({ kind: 'released', amount: '4750.00', at: site.clock.now() });
    expect(site.store.findOrder(CODE)).toMatchObject({ stage: 'released', refunded: '0.00' });
    expect(view.buttons.map((b) => b.id)).toEqual(['back']);
  });

  it('R-PROT-2: a dispute on a delivered order ends in a partial refund of the amount typed, to the order\'s phone; more than was paid is not offered', async () => {
    const site = siteWithPaidOrder();
    await later(site, HOUR_MS + 2 * DAY_MS + 60_000);
    site.store.changeOrder(CODE, { kind: 'ship' }, site.clock.now());
    site.store.changeOrder(CODE, { kind: 'deliver' }, site.clock.now());
    const balance = site.store.phoneAccount(PHONE).balance;
    await openOrder(site);
    await site.press('d');
    expect(site.view()).toMatchObject({ page: 'dispute', mode: 'digits', order: { refundable: '4750.00', refundTyped: null } });
    await site.press('p');
    expect(site.view()).toMatchObject({ page: 'dispute', notice: 'site.notice.partialAmount' });
    await site.press('4751');
    expect(site.view().buttons.find((b) => b.id === 'partial')?.enabled).toBe(false);
    await site.press('backspace', 'backspace');
    expect(site.view().order!.refundTyped).toBe('47.00');
    await site.press('p');
    const view = site.view();
    expect(view.page).toBe('order');
    expect(view.order!.row).toMatchObject({ status: 'released', refunded: '47.00' });
    expect(view.order!.history.slice(-3).map((e) => [e.kind, e.amount])).toEqual([['disputed', null], ['released', '4703.00'], ['refunded', '47.00']]);
    expect(site.store.phoneAccount(PHONE).balance).toBe((Number(balance) + 47).toFixed(2));
    expect(site.store.phoneAccount(PHONE).sms.at(-1)).toMatchObject({ kind: 'refund', amount: '47.00', code: CODE });
  });

  it.each([
    ['f', 'refunded', '4750.00'],
    ['r', 'placed', '0.00'],
  ] as const)('R-PROT-2: a dispute on a shipped order ends in a full refund or a reshipment (key %s → %s)', async (key, stage, refunded) => {
    const site = siteWithPaidOrder();
    await later(site, HOUR_MS + 2 * DAY_MS + 60_000);
    site.store.changeOrder(CODE, { kind: 'ship' }, site.clock.now());
    await openOrder(site);
    await site.press('d', key);
    expect(site.view().page).toBe('order');
    expect(site.store.findOrder(CODE)).toMatchObject({ stage, refunded });
    expect(site.view().order!.row.refunded).toBe(refunded);
  });

  it('R-CODE-7: an order cancelled by the seller says so, and its history shows the refund to the phone and why', async () => {
    const site = siteWithPaidOrder();
    site.store.changeOrder(CODE, { kind: 'cancel', refund: '500.00', reason: 'out of stock' }, START + 2 * HOUR_MS);
    await openOrder(site);
    const view = site.view();
    expect(view.order!.row).toMatchObject({ status: 'cancelled', refunded: '500.00' });
    expect(view.order!.history.slice(-2)).toEqual([
      { at: START + 2 * HOUR_MS, kind: 'cancelled', why: 'out of stock', amount: '500.00', ref: null },
      { at: START + 2 * HOUR_MS, kind: 'refunded', why: 'out of stock', amount: '500.00', ref: null },
    ]);
    expect(view.buttons.map((b) => b.id)).toEqual(['back']);
  });

  it('R-PROT-1: a delivered order nobody confirms is released to the seller when its protection period ends, with nothing left to confirm or dispute', async () => {
    const site = siteWithPaidOrder();
    await later(site, HOUR_MS + 2 * DAY_MS + 60_000);
    site.store.changeOrder(CODE, { kind: 'ship' }, site.clock.now());
    site.store.changeOrder(CODE, { kind: 'deliver' }, site.clock.now());
    const deliveredAt = site.clock.now();
    await openOrder(site);
    await later(site, DEFAULT_RULES.protectionPeriodMs - 1_000);
    expect(site.view().order!.row.status).toBe('delivered');
    expect(site.view().buttons.map((b) => b.id)).toEqual(['confirm', 'dispute', 'back']);
    // the site reads the clock each second
    await later(site, 1_000);
    const view = site.view();
    expect(view.order!.row.status).toBe('released');
    expect(view.order!.history.at(-1)).toMatchObject({ kind: 'released', at: deliveredAt + DEFAULT_RULES.protectionPeriodMs, amount: '4750.00' });
    expect(view.buttons.map((b) => b.id)).toEqual(['back']);
  });

  it('a refused action (the order changed behind the page) changes nothing and says why', async () => {
    const site = siteWithPaidOrder();
    await later(site, HOUR_MS + 2 * DAY_MS + 60_000);
    site.store.changeOrder(CODE, { kind: 'ship' }, site.clock.now());
    site.store.changeOrder(CODE, { kind: 'deliver' }, site.clock.now());
    await openOrder(site);
    site.store.changeOrder(CODE, { kind: 'confirm' }, site.clock.now());
    const before = site.store.findOrder(CODE);
    await site.press('c');
    expect(site.view().page).toBe('failed');
    expect(site.view().fault).toMatch(/is released: it cannot be confirmed now/);
    expect(site.store.findOrder(CODE)).toEqual(before);
  });
});
