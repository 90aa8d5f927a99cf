/**
 * The till's edges that the walk-throughs of till.test.ts never reach: the queue a tape fills, an
 * empty queue, the notices of each step and what clears them, the customer's own notes given back as
 * change, the X-report, and every store actor failing. Found by mutation testing (README "Mutation
 * testing"): each test here kills mutants of machines/desk/till.ts that survived the walk-throughs.
 */
import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock, waitFor, type PromiseActorLogic } from 'xstate';
import type { TillPaymentOutcome } from '../../src/domain/cash/till.js';
import { provideTill } from '../../src/adapters/tillActors.js';
import { asyncStore } from '../../src/domain/asyncStore.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import { seedDemo } from '../../src/domain/orders/demo.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { drawerTotal } from '../../src/domain/cash/drawer.js';
import { DEMO_QUEUE, scriptedCustomer, type TillCustomer } from '../../src/domain/cash/tillCustomers.js';
import { tillMachine, type TillPayInput } from '../../machines/desk/till.js';
import { isSettled } from '../../machines/settled.js';
import { startTill, TILL_START as START } from './tillDriver.js';

const codes = (queue: readonly TillCustomer[]) => queue.map((c) => c.code);

describe('the till\'s queue', () => {
  it('a tape\'s customers go after the other scripted ones and before the demo queue; an unscripted one joins the end', async () => {
    const till = startTill();
    const first = scriptedCustomer('1000000001', { '5000.00': 1 });
    const second = scriptedCustomer('1000000002', { '5000.00': 1 });
    const walkIn: TillCustomer = { ...DEMO_QUEUE[0]!, code: '1000000003' };
    await till.send({ type: 'till.queue', customer: first }, { type: 'till.queue', customer: second }, { type: 'till.queue', customer: walkIn });
    expect(codes(till.ctx().queue)).toEqual(['1000000001', '1000000002', ...codes(DEMO_QUEUE), '1000000003']);
  });

  it('with only scripted customers queued, the next one joins the end', async () => {
    const till = startTill({ queue: [scriptedCustomer('1000000001', { '5000.00': 1 })] });
    await till.send({ type: 'till.queue', customer: scriptedCustomer('1000000002', { '5000.00': 1 }) });
    expect(codes(till.ctx().queue)).toEqual(['1000000001', '1000000002']);
  });

  it('an empty queue calls no one: the till stays idle and says so; the next customer called clears the notice', async () => {
    const till = startTill({ queue: [] });
    await till.send({ type: 'till.openShift' }, { type: 'till.nextCustomer' });
    expect(till.state()).toBe('idle');
    expect(till.ctx()).toMatchObject({ customer: null, notice: 'till.queueEmpty' });
    await till.send({ type: 'till.queue', customer: scriptedCustomer('1000000001', { '5000.00': 1 }) }, { type: 'till.nextCustomer' });
    expect(till.state()).toEqual({ serving: 'code' });
    expect(till.ctx()).toMatchObject({ customer: { code: '1000000001' }, queue: [], notice: null });
  });
});

describe('the till\'s notices', () => {
  it('a code short of its 10 digits is not looked up; Backspace erases a digit and the notice', async () => {
    const till = startTill({ queue: [scriptedCustomer('1000000001', { '5000.00': 1 })] });
    await till.send({ type: 'till.openShift' }, { type: 'till.nextCustomer' }, till.typed('100000000'), { type: 'till.next' });
    expect(till.state()).toEqual({ serving: 'code' });
    expect(till.ctx().notice).toBe('till.codeIncomplete');
    await till.send({ type: 'input.backspace' });
    expect(till.ctx()).toMatchObject({ code: '10000000', notice: null });
    await till.send(till.typed('01'), { type: 'till.next' });
    expect(till.state()).toEqual({ serving: 'readBack' });
  });

  it('Next with no cash typed asks for the cash; Backspace on the cash clears the notice', async () => {
    const till = startTill({ queue: [scriptedCustomer('1000000001', { '5000.00': 1 })] });
    await till.send({ type: 'till.openShift' });
    await till.toChange('1000000001', '');
    expect(till.state()).toEqual({ serving: 'received' });
    expect(till.ctx().notice).toBe('till.receivedShort');
    await till.send(till.typed('5000o'));
    expect(till.ctx()).toMatchObject({ received: '5000', notice: 'hint.digitsOnly' });
    await till.send({ type: 'input.backspace' });
    expect(till.ctx()).toMatchObject({ received: '500', notice: null });
  });

  it('an X-report is refused with a customer at the desk, with its own words', async () => {
    const till = startTill({ queue: [scriptedCustomer('1000000001', { '5000.00': 1 })] });
    await till.send({ type: 'till.openShift' }, { type: 'till.nextCustomer' }, { type: 'till.report', kind: 'X' });
    expect(till.state()).toEqual({ serving: 'code' });
    expect(till.ctx()).toMatchObject({ notice: 'till.xWithCustomer', report: null });
  });

  it('an X-report keeps the shift open: the till stays idle with the report and the drawer as stored', async () => {
    const float = { '1000.00': 2, '50.00': 3 };
    const till = startTill({ queue: [], float });
    await till.send({ type: 'till.openShift' });
    expect(drawerTotal(till.ctx().till!.drawer)).toBe('2150.00');
    await till.send({ type: 'till.nextCustomer' }, { type: 'till.report', kind: 'X' });
    expect(till.state()).toBe('idle');
    expect(till.ctx()).toMatchObject({ report: { kind: 'X', payments: 0 }, notice: null, till: { shift: { closedAt: null } } });
    expect(till.ctx().till).toEqual(till.store.tillState('cashier'));
  });
});

describe('R-CASH-2: the change the cashier gives', () => {
  it('the customer\'s own note can be given straight back, but only as many as they handed; a refused piece clears on the next one given', async () => {
    // the drawer holds no 5,000 ₽ note: only the customer's is within reach
    const till = startTill({ queue: [scriptedCustomer('1000000002', { '5000.00': 1 })] });
    await till.send({ type: 'till.openShift' });
    await till.toChange('1000000002', '5000');
    await till.send({ type: 'till.give', face: '5000.00' });
    expect(till.ctx()).toMatchObject({ given: { '5000.00': 1 }, notice: null });
    await till.send({ type: 'till.give', face: '5000.00' });
    expect(till.ctx()).toMatchObject({ given: { '5000.00': 1 }, notice: 'till.notInDrawer' });
    await till.send({ type: 'till.give', face: '1000.00' });
    expect(till.ctx()).toMatchObject({ given: { '5000.00': 1, '1000.00': 1 }, notice: null });
  });

  it('exactly the amount due is taken with no change to give: a cash-received equal to the due goes on to the change', async () => {
    const till = startTill({ queue: [scriptedCustomer('1000000001', { '2000.00': 2, '500.00': 1, '200.00': 1, '50.00': 1 })] });
    await till.send({ type: 'till.openShift' });
    await till.toChange('1000000001', '4750');
    expect(till.state()).toEqual({ serving: 'change' });
    expect(till.ctx().notice).toBeNull();
    await till.send({ type: 'till.pay' });
    expect(till.ctx().receipt).toMatchObject({ total: '4750.00', received: '4750.00', change: '0.00' });
  });

  it('the change chosen can be cleared and chosen again; what is paid is the second choice', async () => {
    const till = startTill({ queue: [scriptedCustomer('1000000001', { '5000.00': 1 })] });
    await till.send({ type: 'till.openShift' });
    await till.toChange('1000000001', '5000');
    await till.send({ type: 'till.give', face: '2000.00' });
    expect(till.ctx().notice).toBe('till.notInDrawer');
    await till.send({ type: 'till.give', face: '100.00' }, { type: 'till.clearChange' });
    expect(till.ctx()).toMatchObject({ given: {}, notice: null });
    await till.send({ type: 'till.give', face: '200.00' }, { type: 'till.give', face: '50.00' }, { type: 'till.pay' });
    expect(till.ctx().till!.payments[0]).toMatchObject({ changeGiven: '250.00', verdict: { kind: 'exact' } });
  });

  it('a refused payment leaves the till\'s drawer and payments as they were; the customer leaving clears the desk', async () => {
    const till = startTill({ queue: [scriptedCustomer('1000000001', { '5000.00': 1 })] });
    await till.send({ type: 'till.openShift' });
    const before = till.ctx().till;
    await till.toChange('1000000001', '5000');
    till.store.payAtDesk({ place: 'post', code: '1000000001', due: '4750.00', received: '4750.00', at: START + 1 });
    await till.send({ type: 'till.give', face: '200.00' }, { type: 'till.pay' });
    expect(till.state()).toEqual({ serving: 'refused' });
    expect(till.ctx().refusal).not.toBeNull();
    expect(till.ctx().receipt).toBeNull();
    expect(till.ctx().till).toEqual(before);
    await till.send({ type: 'till.done' });
    expect(till.ctx()).toMatchObject({ customer: null, code: '', readBack: null, received: '', given: {}, receipt: null, refusal: null, notice: null });
  });
});

describe('the till when the store fails', () => {
  it('opening the shift fails: the till stays closed and says so', async () => {
    const till = startTill({ failing: 'openShift' });
    await till.send({ type: 'till.openShift' });
    expect(till.state()).toBe('closed');
    expect(till.ctx()).toMatchObject({ till: null, notice: 'till.fault' });
  });

  it('the look-up fails: the customer is refused as "unavailable"', async () => {
    const till = startTill({ queue: [scriptedCustomer('1000000001', { '5000.00': 1 })], failing: 'lookUp' });
    await till.send({ type: 'till.openShift' }, { type: 'till.nextCustomer' }, till.typed('1000000001'), { type: 'till.next' });
    expect(till.state()).toEqual({ serving: 'refused' });
    expect(till.ctx()).toMatchObject({ refusal: 'unavailable', readBack: null });
  });

  it('the payment fails: refused as a fault, nothing stored', async () => {
    const till = startTill({ queue: [scriptedCustomer('1000000001', { '5000.00': 1 })], failing: 'payAtTill' });
    await till.send({ type: 'till.openShift' });
    await till.toChange('1000000001', '5000');
    await till.send({ type: 'till.pay' });
    expect(till.state()).toEqual({ serving: 'refused' });
    expect(till.ctx()).toMatchObject({ refusal: 'fault', receipt: null });
    expect(till.store.deskReceipts()).toEqual([]);
  });

  it('R-CASH-1: sending a customer away fails: refused as a fault, not counted', async () => {
    const onlyId = DEMO_QUEUE.find((c) => c.story === 'siteOrderIdOnly')!;
    const till = startTill({ queue: [onlyId], failing: 'sendAway' });
    await till.send({ type: 'till.openShift' }, { type: 'till.nextCustomer' }, { type: 'till.sendAway' });
    expect(till.state()).toEqual({ serving: 'refused' });
    expect(till.ctx()).toMatchObject({ refusal: 'fault', till: { sentAway: 0 } });
  });

  it('a report fails: the till goes back to idle with the shift open and says so', async () => {
    const till = startTill({ queue: [], failing: 'report' });
    await till.send({ type: 'till.openShift' }, { type: 'till.report', kind: 'Z' });
    expect(till.state()).toBe('idle');
    expect(till.ctx()).toMatchObject({ report: null, notice: 'till.fault' });
  });

  it('a till run without its store actors fails as a store that is down, never opening a shift', async () => {
    const actor = createActor(tillMachine, { input: { place: 'cashier' } }).start();
    actor.send({ type: 'till.openShift' });
    await waitFor(actor, isSettled);
    expect(actor.getSnapshot().value).toBe('closed');
    expect(actor.getSnapshot().context).toMatchObject({ till: null, notice: 'till.fault' });
  });
});

describe('a till whose payment actor no adapter provided', () => {
  it('the customer hears that the till failed and why: the actor that was not provided', async () => {
    const store = new MemoryStore();
    seedDemo(store, START);
    const clock = new SimulatedClock();
    clock.set(START);
    const machine = provideTill({ store: asyncStore(store), clock, rules: DEFAULT_RULES })
      .provide({ actors: { payAtTill: tillMachine.implementations.actors.payAtTill as PromiseActorLogic<TillPaymentOutcome, TillPayInput> } });
    const till = createActor(machine, { input: { place: 'cashier', queue: [scriptedCustomer('1000000001', { '5000.00': 1 })] }, clock }).start();
    for (const event of [{ type: 'till.openShift' }, { type: 'till.nextCustomer' }, { type: 'input.text', text: '1000000001' }, { type: 'till.next' },
      { type: 'till.confirm' }, { type: 'input.text', text: '5000' }, { type: 'till.next' }, { type: 'till.give', face: '200.00' },
      { type: 'till.give', face: '50.00' }, { type: 'till.pay' }] as const) {
      till.send(event);
      await waitFor(till, isSettled);
    }
    expect(till.getSnapshot().context).toMatchObject({ refusal: 'fault', fault: 'the till\'s "payAtTill" actor was not provided' });
    till.stop();
  });
});
