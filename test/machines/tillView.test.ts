/**
 * What the till shows (machines/desk/tillView.ts), step by step on the real till with its store
 * actors: each line's words and tone, the title, the drawer by face, the notice. Found by mutation
 * testing (README "Mutation testing"): before this file only "the till's view is not null" was read.
 */
import { describe, expect, it } from 'vitest';
import { waitFor } from 'xstate';
import { isSettled } from '../../machines/settled.js';
import { tillViewOf } from '../../machines/desk/tillView.js';
import { DESKS } from '../../src/domain/fiscal/desks.js';
import type { Lang } from '../../src/domain/money.js';
import { HOUR_MS } from '../../src/domain/rules.js';
import { DEMO_QUEUE, scriptedCustomer } from '../../src/domain/cash/tillCustomers.js';
import { startTill } from './tillDriver.js';

type Till = ReturnType<typeof startTill>;

const view = (till: Till, lang: Lang = 'en') => tillViewOf(till.actor.getSnapshot(), lang);
const plainSpaces = (text: string) => text.replace(/\u00a0/g, ' ');
/** each line as `tone: text`, with the non-breaking spaces of amounts made plain */
const lines = (till: Till, lang: Lang = 'en') => view(till, lang).lines.map((l) => `${l.tone}: ${plainSpaces(l.text)}`);

const SAYS = 'said: "Hello, I\'d like to pay for an AliExpress order. Here is the code."';
const MENU = 'plain: Payments → AliExpress (cash)';

describe('the till\'s screen', () => {
  it('closed: the float to open with and no drawer; open: the shift, its drawer total, each face largest first, the queue waiting', async () => {
    const till = startTill({ queue: [scriptedCustomer('1000000003', { '5000.00': 4 })] });
    expect(view(till)).toMatchObject({ statePath: 'closed', title: 'Till · shift closed', drawer: [], notice: null, color: DESKS.cashier.color, lang: 'en' });
    expect(lines(till)).toEqual(['plain: Open the shift with a float of 5,000.00 ₽']);
    await till.send({ type: 'till.openShift' });
    expect(view(till)).toMatchObject({ statePath: 'idle', title: 'Till · shift 1 · drawer 5,000.00\u00a0₽' });
    expect(lines(till)).toEqual(['plain: Call the next customer (1 waiting)']);
    expect(view(till).drawer).toEqual(['5000×0', '2000×0', '1000×1', '500×4', '200×1', '100×10', '50×10', '10×20', '5×10', '2×10', '1×20', '0.50×10', '0.10×50', '0.05×0', '0.01×0']);
  });

  it('R-CASH-2: serving: the customer\'s words, the code as typed, the read-back, the cash against the due, the change due against the change given; the drawer holds the customer\'s notes and not the change taken', async () => {
    const till = startTill({ queue: [scriptedCustomer('1000000003', { '5000.00': 4 })] });
    await till.send({ type: 'till.openShift' }, { type: 'till.nextCustomer' }, till.typed('1000'));
    expect(view(till).statePath).toBe('serving.code');
    expect(lines(till)).toEqual([SAYS, MENU, 'figure: Code from the customer: 1000______']);
    expect(view(till).drawer.slice(0, 3)).toEqual(['5000×4', '2000×0', '1000×1']);
    await till.send(till.typed('000003'), { type: 'till.next' });
    const readBack = 'figure: Read it back: order 1000000003, 16,990.00 ₽ to pay, no commission';
    expect(lines(till)).toEqual([SAYS, MENU, 'figure: Code from the customer: 1000000003', readBack]);
    await till.send({ type: 'till.confirm' });
    expect(lines(till).slice(3)).toEqual([readBack, 'figure: Cash received: 0.00 ₽ (due 16,990.00 ₽)']);
    await till.send(till.typed('20000'), { type: 'till.next' }, { type: 'till.give', face: '1000.00' }, { type: 'till.give', face: '10.00' });
    expect(view(till).statePath).toBe('serving.change');
    expect(lines(till).slice(4)).toEqual(['figure: Cash received: 20,000.00 ₽ (due 16,990.00 ₽)', 'figure: Change due 3,010.00 ₽ · given 1,010.00 ₽']);
    expect(view(till).drawer).toEqual(['5000×4', '2000×0', '1000×0', '500×4', '200×1', '100×10', '50×10', '10×19', '5×10', '2×10', '1×20', '0.50×10', '0.10×50', '0.05×0', '0.01×0']);
  });

  it('the receipt step names the receipt; the drawer is the one saved, the change out of it once; "keep it" once the customer leaves', async () => {
    const till = startTill({ queue: [scriptedCustomer('1000000003', { '5000.00': 4 })] });
    await till.send({ type: 'till.openShift' });
    await till.toChange('1000000003', '20000');
    for (const face of ['1000.00', '500.00', '500.00', '500.00', '500.00', '10.00']) await till.send({ type: 'till.give', face });
    await till.send({ type: 'till.pay' });
    const number = till.ctx().receipt!.number;
    expect(view(till).statePath).toBe('serving.receipt');
    expect(lines(till).slice(4)).toEqual([
      'figure: Cash received: 20,000.00 ₽ (due 16,990.00 ₽)',
      `plain: Receipt ${number} printed: hand it over and say to keep it until the parcel arrives`,
    ]);
    expect(view(till).drawer.slice(0, 8)).toEqual(['5000×4', '2000×0', '1000×0', '500×0', '200×1', '100×10', '50×10', '10×19']);
    expect(view(till).title).toBe('Till · shift 1 · drawer 21,990.00\u00a0₽');
    await till.send({ type: 'till.handReceipt' });
    expect(view(till).notice).toBe('"Keep the receipt until the parcel arrives."');
    expect(lines(till)).toEqual(['plain: Call the next customer (0 waiting)']);
  });

  it('a notice is its words, with the code\'s length where it needs it', async () => {
    const till = startTill({ queue: [scriptedCustomer('1000000003', { '5000.00': 4 })] });
    await till.send({ type: 'till.openShift' }, { type: 'till.nextCustomer' }, till.typed('123'), { type: 'till.next' });
    expect(view(till).notice).toBe('The code has 10 digits');
  });
});

describe('the till\'s refusals, the customer sent away, the reports', () => {
  it('a code\'s refusal in the words a cashier says at the desk: an unknown code, an expired one with its hours', async () => {
    const till = startTill({ queue: [scriptedCustomer('9999999999', { '5000.00': 1 }), scriptedCustomer('1000000004', { '5000.00': 1 })] });
    await till.send({ type: 'till.openShift' }, { type: 'till.nextCustomer' }, till.typed('9999999999'), { type: 'till.next' });
    expect(view(till).statePath).toBe('serving.refused');
    expect(lines(till).at(-1)).toBe('said: "There is no such code. Check the SMS: the code has 10 digits."');
    await till.send({ type: 'till.done' }, { type: 'till.nextCustomer' }, till.typed('1000000004'), { type: 'till.next' });
    expect(lines(till).at(-1)).toBe('said: "This code has expired: codes are valid for 48 hours. Place the order again on the site, you will get a new code."');
  });

  it('the store\'s own refusal in the till\'s words: a shift open over 24 hours', async () => {
    const till = startTill({ queue: [scriptedCustomer('1000000001', { '5000.00': 1 })] });
    await till.send({ type: 'till.openShift' });
    till.clock.increment(24 * HOUR_MS + 1);
    await till.toChange('1000000001', '5000');
    await till.send({ type: 'till.pay' });
    expect(lines(till).at(-1)).toBe('said: The shift has been open over 24 hours: close it with a Z-report before taking payments');
  });

  it('R-CASH-1: a customer sent for the code: what the till did and what the customer answers', async () => {
    const till = startTill({ queue: [DEMO_QUEUE.find((c) => c.story === 'siteOrderIdOnly')!] });
    await till.send({ type: 'till.openShift' }, { type: 'till.nextCustomer' }, { type: 'till.sendAway' });
    expect(view(till).statePath).toBe('serving.sentAway');
    expect(lines(till).slice(-2)).toEqual([
      'plain: You sent the customer for the payment code from the SMS: the order id is not enough',
      'said: "All right, I\'ll find the SMS with the code and come back."',
    ]);
  });

  it('an X-report shows on the open till and a Z-report on the closed one; a customer called hides it', async () => {
    const till = startTill({ queue: [DEMO_QUEUE.find((c) => c.story === 'siteOrderIdOnly')!] });
    const report = (kind: string, sentAway: number) =>
      `plain: ${kind}-report · shift 1: 0 payments, 0.00 ₽; drawer 5,000.00 ₽, expected 5,000.00 ₽, discrepancy 0.00 ₽; change mistakes 0; sent for the code ${sentAway}`;
    await till.send({ type: 'till.openShift' }, { type: 'till.report', kind: 'X' });
    expect(lines(till)).toEqual(['plain: Call the next customer (1 waiting)', report('X', 0)]);
    await till.send({ type: 'till.nextCustomer' });
    expect(lines(till)).not.toContain(report('X', 0));
    await till.send({ type: 'till.sendAway' }, { type: 'till.done' }, { type: 'till.report', kind: 'Z' });
    expect(view(till).statePath).toBe('closed');
    expect(lines(till)).toEqual(['plain: Open the shift with a float of 5,000.00 ₽', report('Z', 1)]);
    expect(view(till)).toMatchObject({ title: 'Till · shift closed', drawer: [] });
  });

  it('R-CASH-3: the Post\'s till has its own words and window; in Russian a face\'s kopecks take a comma', async () => {
    const till = startTill({ place: 'post', queue: [scriptedCustomer('1000000001', { '5000.00': 1 })] });
    expect(view(till, 'ru')).toMatchObject({ title: 'Почта · окно 3 · смена закрыта', color: DESKS.post.color });
    await till.send({ type: 'till.openShift' }, { type: 'till.nextCustomer' });
    expect(plainSpaces(view(till, 'ru').title)).toBe('Почта · окно 3 · смена 1 · в кассе 5 000,00 ₽');
    expect(view(till, 'ru').drawer.slice(-4)).toEqual(['0,50×10', '0,10×50', '0,05×0', '0,01×0']);
    expect(lines(till)[1]).toBe('plain: Accepting payments → AliExpress, cash');
  });
});

describe('the till while the store works, and when it fails', () => {
  it('R-CASH-2: while the payment is being saved the cash against the due and the change due stay on the screen', async () => {
    const till = startTill({ queue: [scriptedCustomer('1000000003', { '5000.00': 4 })] });
    await till.send({ type: 'till.openShift' });
    await till.toChange('1000000003', '20000');
    for (const face of ['1000.00', '500.00', '500.00', '500.00', '500.00', '10.00']) await till.send({ type: 'till.give', face });
    till.actor.send({ type: 'till.pay' });
    expect(view(till).statePath).toBe('serving.paying');
    expect(lines(till).slice(4)).toEqual(['figure: Cash received: 20,000.00 ₽ (due 16,990.00 ₽)', 'figure: Change due 3,010.00 ₽ · given 3,010.00 ₽']);
    await waitFor(till.actor, isSettled);
    expect(view(till).statePath).toBe('serving.receipt');
  });

  it('a payment the store fails to save: the customer hears what failed and that nothing was taken', async () => {
    const till = startTill({ queue: [scriptedCustomer('1000000001', { '5000.00': 1 })], failing: 'payAtTill' });
    await till.send({ type: 'till.openShift' });
    await till.toChange('1000000001', '5000');
    await till.send({ type: 'till.pay' });
    expect(view(till).statePath).toBe('serving.refused');
    expect(lines(till).at(-1)).toBe('said: "The till failed: the store is down. Nothing was taken."');
  });

  it('sending a customer away when the store fails: the same words, with what failed', async () => {
    const till = startTill({ queue: [DEMO_QUEUE.find((c) => c.story === 'siteOrderIdOnly')!], failing: 'sendAway' });
    await till.send({ type: 'till.openShift' }, { type: 'till.nextCustomer' }, { type: 'till.sendAway' });
    expect(view(till).statePath).toBe('serving.refused');
    expect(lines(till).at(-1)).toBe('said: "The till failed: the store is down. Nothing was taken."');
    await till.send({ type: 'till.done' });
    expect(till.ctx()).toMatchObject({ refusal: null, fault: null });
  });
});
