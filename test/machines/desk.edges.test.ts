/**
 * The desk's edges that desk.rules.test.ts never reaches: the buttons chosen with the arrows, Esc on
 * each screen, the QR code, the language, the store failing, what a new visit clears, and the
 * cashier's role driving the till through the desk. Found by mutation testing (README "Mutation
 * testing"): each test here kills mutants of machines/desk.ts that survived the rules' tests.
 */
import { describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { deskMachine } from '../../machines/desk.js';
import type { TillActor } from '../../machines/desk/till.js';
import { isSettled } from '../../machines/settled.js';
import { startDesk } from './deskDriver.js';
import { DEFAULT_DESK_CAP } from '../../src/domain/cash/deskPayment.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';

describe('the desk\'s buttons and Esc', () => {
  it('the arrows move the focus and Enter presses the focused button; a new screen starts on its first button', async () => {
    const desk = startDesk();
    await desk.keys('down');
    expect(desk.view().focus).toBe(1);
    await desk.keys('up');
    expect(desk.view().focus).toBe(0);
    await desk.keys('enter');
    expect(desk.view()).toMatchObject({ state: 'code', focus: 0 });
    await desk.keys('esc', 'down', 'enter');
    expect(desk.view()).toMatchObject({ state: 'cashierRole', role: 'cashier', focus: 0 });
  });

  it('Esc goes back one screen: from the code to the greeting, from the read-back to the code, from a refusal to the greeting', async () => {
    const desk = startDesk();
    await desk.keys('1', '12', 'esc');
    expect(desk.view().state).toBe('greeting');
    await desk.keys('1', '1000000001', 'enter', 'esc');
    expect(desk.view().state).toBe('code');
    await desk.keys('esc', '1', '9999999999', 'enter');
    expect(desk.view().state).toBe('refused');
    await desk.keys('esc');
    expect(desk.view().state).toBe('greeting');
  });

  it('a good note after a torn one clears the notice', async () => {
    const desk = startDesk();
    await desk.toCash('1000000002');
    await desk.keys('*');
    expect(desk.view().notice).toBe('desk.wornNote');
    await desk.keys('7');
    expect(desk.view()).toMatchObject({ handed: '2000.00', notice: null });
  });

  it('R-CASH-4: the receipt\'s QR code opens with Q and closes with Esc or Q; the next visit starts clean', async () => {
    const desk = startDesk();
    await desk.toCash('1000000002');
    await desk.keys('7', '6', 'p', 'down');
    expect(desk.view()).toMatchObject({ state: 'receipt', scroll: 1 });
    await desk.keys('q');
    expect(desk.view().state).toBe('qr');
    await desk.keys('esc');
    expect(desk.view().state).toBe('receipt');
    await desk.keys('q');
    desk.actor.send({ type: 'desk.showQr' });
    expect(desk.view().state).toBe('receipt');
    await desk.keys('enter');
    expect(desk.view()).toMatchObject({ state: 'greeting', code: '', readBack: null, handed: '0.00', refusal: null, receiptLines: [], scroll: 0 });
    expect(desk.actor.getSnapshot().context).toMatchObject({ receipt: null, returned: null, fault: null });
  });

  it('the language changes on any screen', async () => {
    const desk = startDesk();
    await desk.keys('1');
    desk.actor.send({ type: 'desk.lang', lang: 'ru' });
    expect(desk.view()).toMatchObject({ state: 'code', lang: 'ru' });
  });
});

describe('the desk when the store fails', () => {
  it('the look-up fails: refused as "unavailable", nothing read back', async () => {
    const desk = startDesk({ failing: 'lookUp' });
    await desk.keys('1', '1000000001', 'enter');
    expect(desk.view()).toMatchObject({ state: 'refused', refusal: 'unavailable', readBack: null });
  });

  it('the payment fails: refused as a fault with its reason, the notes handed go back, nothing stored', async () => {
    const desk = startDesk({ failing: 'payAtDesk' });
    await desk.toCash('1000000002');
    await desk.keys('7', '6', 'p');
    expect(desk.view()).toMatchObject({ state: 'refused', refusal: 'fault', handed: '0.00' });
    expect(desk.actor.getSnapshot().context).toMatchObject({ fault: 'the store is down', returned: '3000.00', handed: [] });
    expect(desk.store.deskReceipts()).toEqual([]);
    await desk.keys('enter');
    expect(desk.view()).toMatchObject({ state: 'greeting', refusal: null });
    expect(desk.actor.getSnapshot().context).toMatchObject({ fault: null, returned: null });
  });
});

describe('a desk run without its store actors', () => {
  it('a desk given only its place: the customer\'s role, in Russian, the default rules, the desk\'s default cap, the first ticket', () => {
    const actor = createActor(deskMachine, { input: { place: 'post' } }).start();
    expect(actor.getSnapshot().value).toBe('greeting');
    expect(actor.getSnapshot().context).toMatchObject({ place: 'post', role: 'customer', lang: 'ru', rules: DEFAULT_RULES, cap: DEFAULT_DESK_CAP, ticket: 1, code: '', handed: [], focus: 0 });
    const capped = createActor(deskMachine, { input: { place: 'post', cap: '100.00', role: 'cashier', lang: 'en' } }).start();
    expect(capped.getSnapshot()).toMatchObject({ value: 'cashierRole', context: { cap: '100.00', role: 'cashier', lang: 'en' } });
  });

  it('a look-up with no store behind it refuses the code as "unavailable"', async () => {
    const actor = createActor(deskMachine, { input: { place: 'cashier' } }).start();
    actor.send({ type: 'desk.payAli' });
    for (const text of '1000000001') actor.send({ type: 'input.text', text });
    actor.send({ type: 'desk.next' });
    await waitFor(actor, isSettled);
    expect(actor.getSnapshot().value).toBe('refused');
    expect(actor.getSnapshot().context.refusal).toBe('unavailable');
  });

  it('a payment with no store behind it is refused as a fault that names the missing actor, and the notes go back', async () => {
    const desk = startDesk({ unprovided: 'payAtDesk' });
    await desk.toCash('1000000002');
    await desk.keys('7', '6', 'p');
    expect(desk.view()).toMatchObject({ state: 'refused', refusal: 'fault', handed: '0.00' });
    expect(desk.view().refusalVars.fault).toBe('the desk\'s "payAtDesk" actor was not provided');
    expect(desk.actor.getSnapshot().context.returned).toBe('3000.00');
  });
});

describe('the cashier\'s role through the desk', () => {
  it('the till gets the till\'s events and the typed code; the desk is settled only once the till\'s I/O is', async () => {
    const desk = startDesk({ role: 'cashier' });
    const till = () => (desk.actor.getSnapshot().children as { till?: TillActor }).till!.getSnapshot();
    desk.actor.send({ type: 'till.openShift' });
    await desk.settle();
    expect(till().value).toBe('idle');
    desk.actor.send({ type: 'till.nextCustomer' });
    desk.actor.send({ type: 'input.text', text: '10000000011' });
    desk.actor.send({ type: 'input.backspace' });
    expect(till().context.code).toBe('100000000');
    desk.actor.send({ type: 'input.text', text: '1' });
    desk.actor.send({ type: 'till.next' });
    await desk.settle();
    expect(till().value).toEqual({ serving: 'readBack' });
    expect(desk.view().till).not.toBeNull();
    await desk.keys('r');
    expect(desk.view()).toMatchObject({ state: 'greeting', role: 'customer', till: null });
    expect(desk.store.tillState('cashier')!.shift.closedAt).toBeNull();
  });
});
