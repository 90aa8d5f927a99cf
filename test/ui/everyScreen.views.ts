/**
 * The terminal screens everyScreen.test.tsx draws: the real terminal driven by keys through every
 * screen, keeping the view of each one worth drawing (and, for the few states that need a broken
 * store or a racing acceptor, the real view with one field set).
 */
import { expect } from 'vitest';
import { SimulatedClock, waitFor } from 'xstate';
import { mapKey } from '../../src/app/keymap.js';
import { startTerminal } from '../../src/app/session.js';
import { viewOf, type View } from '../../src/app/view.js';
import { seedDemo } from '../../src/domain/orders/demo.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import { OPERATORS, DEFAULT_RULES } from '../../src/domain/rules.js';
import { receiptSms } from '../../src/domain/fiscal/paper.js';
import type { Receipt } from '../../src/domain/store.js';
import type { CashNotice } from '../../machines/terminal/cash.js';
import { isSettled } from '../../machines/settled.js';
import { KEY } from './harness.js';
import { asyncStore } from '../../src/domain/asyncStore.js';

export type Case = { name: string; view: View };

const KEYS: Record<string, Partial<import('ink').Key>> = {
  [KEY.enter]: { return: true },
  [KEY.esc]: { escape: true },
  [KEY.tab]: { tab: true },
  [KEY.backspace]: { backspace: true },
};

/** Drives the real terminal through every screen, keeping the view of each one worth drawing. */
export async function collectViews(): Promise<Case[]> {
  const clock = new SimulatedClock();
  clock.set(Date.UTC(2026, 10, 22, 7, 0, 0));
  const store = new MemoryStore();
  seedDemo(store, clock.now());
  const actor = startTerminal({ store: asyncStore(store), clock, lang: 'ru', terminalId: 'T-1' });
  const view = () => viewOf(actor.getSnapshot());
  const settle = async () => {
    await waitFor(actor, isSettled);
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
  const press = async (keys: string, { wait = true } = {}) => {
    for (const input of keys in KEYS ? [keys] : keys.split('')) {
      const action = mapKey(view(), KEYS[input] ? '' : input, KEYS[input] ?? {});
      if (action.kind === 'send') actor.send(action.event);
      if (wait) await settle();
    }
  };
  const button = async (label: string) => {
    const b = view().buttons.find((x) => x.label === label);
    if (!b) throw new Error(`no button ${label} on ${view().screen}: ${view().buttons.map((x) => x.label).join(', ')}`);
    actor.send({ type: 'nav.press', id: b.id });
    await settle();
  };
  const cases: Case[] = [];
  const keep = (name: string, v: View = view()) => cases.push({ name, view: v });

  await settle();
  keep('idle');
  // a kiosk taking 6-digit order numbers: no demo order fits, the idle screen says how to add one
  const sixDigits = startTerminal({ store: asyncStore(store), clock, lang: 'ru', terminalId: 'T-1', rules: { ...DEFAULT_RULES, orderNumberLength: 6 } });
  keep('idle, order length 6', viewOf(sixDigits.getSnapshot()));
  sixDigits.stop();
  await press(' ');
  keep('menu');
  await press('7');
  keep('menu, a service not served here');
  await press('8');
  keep('other services');
  await press('2');
  keep('other services, traffic fines');
  await press('1');
  keep('catalogs');
  await press('2');
  keep('catalogs, avon');
  await press('1');
  keep('order entry');
  await press('x');
  keep('order entry, digits only');
  await press('123456789012');
  keep('order entry, field full');
  for (const [code, reason] of [['1234567890', 'unknown'], ['1000000003', 'overCap'], ['1000000004', 'expired'], ['1000000005', 'alreadyPaid']]) {
    await press('*');
    await press(code!);
    await press(KEY.enter, { wait: false });
    if (code === '1234567890') keep('looking up');
    await settle();
    keep(`refused: ${reason}`);
    const refused = view();
    if (reason === 'unknown') {
      for (const other of ['region', 'unavailable'] as const) {
        keep(`refused: ${other}`, { ...refused, kiosk: { ...refused.kiosk, refusal: { code: code!, reason: other } } });
      }
    }
    await button('button.otherNumber');
  }
  await press('*');
  await press('1000000006');
  await press(KEY.enter);
  keep('check data, the price-rise order');
  await press(KEY.esc);
  await press('*');
  await press('1000000001');
  await press(KEY.enter);
  keep('check data');
  const noPaper = (v: View): View => ({ ...v, kiosk: { ...v.kiosk, paperOut: true } });
  keep('check data, no paper', noPaper(view()));
  await press(KEY.enter);
  keep('phone entry');
  await press('8');
  keep('phone entry, starts with 9');
  await press('9261234567');
  keep('phone entry, full number');
  keep('phone entry, full number, no paper', noPaper(view()));
  await press(KEY.enter);
  keep('cash, empty');
  const empty = view();
  const notices: CashNotice[] = [
    { kind: 'rejected', note: 5000, reason: 'worn' },
    { kind: 'rejected', note: 0, reason: 'unknown' },
    { kind: 'rejected', note: 5000, reason: 'limit' },
    { kind: 'rejected', note: 5000, reason: 'fault' },
    { kind: 'busy' },
  ];
  for (const notice of notices) keep(`cash, empty, ${JSON.stringify(notice)}`, { ...empty, cash: { ...empty.cash!, notice } });
  await press('6');
  keep('cash, holding, accepted');
  const holding = view();
  for (const notice of notices) keep(`cash, holding, ${JSON.stringify(notice)}`, { ...holding, cash: { ...holding.cash!, notice } });
  clock.increment(DEFAULT_RULES.timeouts.cashWithNoteMs);
  await settle();
  keep('more time, with cash');
  await press('y');
  await press('8');
  keep('cash, covered');
  await press('p');
  const receipt = view();
  // the store here answers at once, so the wait for it is drawn from the receipt's view
  keep('processing', { ...receipt, screen: 'processing', mode: 'busy', buttons: [] });
  const paid = receipt.kiosk.receipt!;
  const withReceipt = (r: Receipt, v: View = receipt): View => ({ ...v, kiosk: { ...v.kiosk, receipt: r } });
  for (const operator of OPERATORS) keep(`receipt, ${operator}`, withReceipt({ ...paid, operator }));
  const big = { ...paid, operator: 'megafon' as const, due: '14990.00', accepted: '15000.00', toOrder: '14990.00', toPhone: '10.00' };
  keep('receipt, price rose', withReceipt({ ...big, orderStatus: 'partially_paid', owed: '1250.00' }));
  keep('receipt, short payment', withReceipt({ ...big, accepted: '2000.00', toOrder: '2000.00', toPhone: '0.00', orderStatus: 'partially_paid', owed: '12990.00' }));
  keep('receipt, already paid elsewhere, recovered', withReceipt({ ...big, toOrder: '0.00', toPhone: '15000.00', orderStatus: 'paid', recovered: true }));
  const sms = [0, 1, 2].map((i) => ({ phone: '+79261234567', at: paid.at + i, sender: 'MTS', kind: 'topup' as const, amount: '14990.00', receipt: `T-1-00000${i + 1}` }));
  keep('receipt, three SMS on the phone', { ...receipt, sms });
  // no paper: the receipt went by SMS to the change phone, with its number and amounts
  const bySms = { ...receipt, kiosk: { ...receipt.kiosk, paperOut: true, receiptBySms: true } };
  keep('receipt, no paper, sent by SMS', { ...bySms, sms: [...sms, receiptSms(paid, 'Euroset')] });
  keep('recovered', { ...receipt, screen: 'recovered', mode: 'acknowledge', buttons: [], recovered: [{ ...big, operator: 'beeline', recovered: true }] });
  keep('fault', { ...receipt, screen: 'fault', mode: 'halted', buttons: [], fault: 'SQLITE_FULL: database or disk is full' });
  await press(KEY.enter);
  await press(' ');
  await press('8');
  await press('1');
  await press('1');
  await press('1000000002');
  await press(KEY.enter);
  await press(KEY.enter);
  await press('9161234567');
  await press(KEY.enter);
  clock.increment(DEFAULT_RULES.timeouts.cashNoNoteMs);
  await settle();
  keep('more time, no cash');
  await press('n');
  // the Mobile category: a phone top-up (issue 13)
  await press(' ');
  await press('1');
  expect(view().screen).toBe('topupPhone');
  keep('top-up number');
  await press('9051234567');
  keep('top-up number, full');
  keep('top-up number, full, no paper', noPaper(view()));
  await press(KEY.enter);
  keep('top-up cash, empty');
  await press('3');
  expect(view().topUp && view().cash?.inserted).toBe('100.00');
  keep('top-up cash, holding');
  await press('p');
  const topUp = view();
  keep('top-up receipt');
  keep('top-up recovered', { ...topUp, screen: 'recovered', mode: 'acknowledge', buttons: [], recovered: [{ ...topUp.kiosk.receipt!, operator: 'megafon', recovered: true }] });
  // the bill acceptor jams on the second note (issue 14): out of service, holding it
  await press(KEY.enter);
  await press(' ');
  await press('1');
  await press('9051234567');
  await press(KEY.enter);
  await press('3');
  actor.send({ type: 'fault.inject', fault: 'jam' });
  await press('8');
  expect(view().screen).toBe('outOfService');
  keep('out of service, jam');
  // the registry out of reach (issue 20): the reason as the driver says it, a long one
  const reason = 'connect ETIMEDOUT 10.20.30.40:5432 after a very long wait for the registry server to answer the terminal';
  const jammed = view();
  keep('out of service, registry', { ...jammed, kiosk: { ...jammed.kiosk, jam: null, registryDown: reason } });
  actor.stop();
  return cases;
}
