/**
 * The store contract: every `KioskStore` (in memory, SQLite) answers the same calls the same way, to
 * the kopeck and to the receipt number. Adapter-specific behaviour (files, locks, durability) is
 * tested beside each adapter.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PHONE, demoOrders, seedDemoInto } from '../../src/domain/orders/demo.js';
import { newOrder } from '../../src/domain/orders/orders.js';
import type { KioskStore } from '../../src/domain/store.js';
import { insertNotes, NOW, openCashSession, useTempDirs } from './helpers.js';
import { storeAdapters } from './adapters.js';

const tempDir = useTempDirs();

const ADAPTERS = storeAdapters(tempDir, { pg: true });

describe.each(ADAPTERS)('%s keeps the store contract', (_name, open) => {
  async function seeded(): Promise<KioskStore> {
    const store = await open();
    await seedDemoInto(store, NOW);
    return store;
  }

  it('adds, finds and lists orders in insertion order; a code is never added twice', async () => {
    const store = await seeded();
    expect((await store.listOrders()).map((o) => o.code)).toEqual(demoOrders(NOW).map((o) => o.code));
    expect(await store.findOrder('1000000006')).toEqual(demoOrders(NOW)[5]);
    expect(await store.findOrder('9999999999')).toBeUndefined();
    await expect(store.addOrder(demoOrders(NOW)[0]!)).rejects.toThrow('order 1000000001 exists already');
    await store.close();
  });

  it('R-CODE-5: repricing an unpaid order changes what is owed; a paid order stays paid', async () => {
    const store = await seeded();
    expect(await store.repriceOrder('1000000002', '3500.00')).toMatchObject({ price: '3500.00', owed: '3500.00', status: 'awaiting' });
    expect(await store.findOrder('1000000002')).toMatchObject({ codeAmount: '3000.00', price: '3500.00', owed: '3500.00' });
    expect(await store.repriceOrder('1000000005', '1200.00')).toMatchObject({ price: '1200.00', owed: '0.00', status: 'paid' });
    await expect(store.repriceOrder('9999999999', '1.00')).rejects.toThrow('no order 9999999999');
    await store.close();
  });

  it('R-CODE-5: repricing a partially paid order owes the new price less what was paid, and a lower price pays it', async () => {
    const store = await seeded();
    await openCashSession(store, 's1', '1000000006', '2000.00');
    await insertNotes(store, 's1', [2000]);
    await store.completePayment('s1', 'pay', NOW);
    expect(await store.findOrder('1000000006')).toMatchObject({ status: 'partially_paid', paid: '2000.00', owed: '300.00' });

    expect(await store.repriceOrder('1000000006', '2500.00')).toMatchObject({ status: 'partially_paid', owed: '500.00' });
    expect(await store.findOrder('1000000006')).toMatchObject({ status: 'partially_paid', paid: '2000.00', owed: '500.00' });
    expect(await store.repriceOrder('1000000006', '1900.00')).toMatchObject({ status: 'paid', owed: '0.00' });
    expect(await store.findOrder('1000000006')).toMatchObject({ status: 'paid', paid: '2000.00', owed: '0.00', price: '1900.00' });
    await store.close();
  });

  it('keeps phone accounts: unknown numbers read as empty, set keeps operator and balance', async () => {
    const store = await seeded();
    expect(await store.phoneAccount('+79990000000')).toEqual({ phone: '+79990000000', operator: null, balance: '0.00', ledger: [], sms: [] });
    await store.setPhoneAccount('+79990000000', 'beeline', '42.50');
    expect(await store.phoneAccount('+79990000000')).toMatchObject({ operator: 'beeline', balance: '42.50', ledger: [] });
    await store.close();
  });

  it('R-CODE-1: a code SMS lands in the phone\'s inbox after what was there, balance and operator untouched', async () => {
    const store = await seeded();
    await store.setPhoneAccount(DEMO_PHONE, 'mts', '10.00');
    const first = { phone: DEMO_PHONE, at: NOW, sender: 'AliExpress', kind: 'code' as const, amount: '4750.00', code: '3000000001' };
    const second = { ...first, at: NOW + 1000, code: '3000000002' };
    await store.sendSms(first);
    await store.sendSms(second);
    expect(await store.phoneAccount(DEMO_PHONE)).toEqual({ phone: DEMO_PHONE, operator: 'mts', balance: '10.00', ledger: [], sms: [first, second] });
    // a number with no account yet still gets its code
    const stranger = { ...first, phone: '+79990000000' };
    await store.sendSms(stranger);
    expect(await store.phoneAccount('+79990000000')).toEqual({ phone: '+79990000000', operator: null, balance: '0.00', ledger: [], sms: [stranger] });
    await store.close();
  });

  it('R-CODE-1: placing an order writes it and its code SMS together; a code that exists changes nothing', async () => {
    const store = await seeded();
    const order = newOrder({ code: '3000000001', codeAmount: '4750.00', phone: '+79990000000', issuedAt: NOW });
    const sms = { phone: '+79990000000', at: NOW, sender: 'AliExpress', kind: 'code' as const, amount: '4750.00', code: '3000000001' };
    await store.placeOrder(order, sms);
    expect(await store.findOrder('3000000001')).toEqual(order);
    expect((await store.phoneAccount('+79990000000')).sms).toEqual([sms]);
    const before = { orders: await store.listOrders(), phone: await store.phoneAccount(DEMO_PHONE) };
    const taken = newOrder({ code: '1000000001', codeAmount: '1.00', phone: DEMO_PHONE, issuedAt: NOW });
    await expect(store.placeOrder(taken, { ...sms, phone: DEMO_PHONE, code: '1000000001', amount: '1.00' })).rejects.toThrow('order 1000000001 exists already');
    expect({ orders: await store.listOrders(), phone: await store.phoneAccount(DEMO_PHONE) }).toEqual(before);
    await store.close();
  });

  it('lists open sessions that hold cash, notes in insertion order, filtered by terminal', async () => {
    const store = await seeded();
    await openCashSession(store, 's1', '1000000001', '4750.00');
    await openCashSession(store, 's2', '1000000002', '3000.00', { terminalId: 'T2', openedAt: NOW + 5 });
    await openCashSession(store, 's3', '1000000006', '2000.00'); // no cash yet: not unfinished
    await insertNotes(store, 's1', [1000, 5000, 50]);
    await insertNotes(store, 's2', [100]);

    expect((await store.unfinishedSessions()).map((s) => [s.id, s.notes])).toEqual([
      ['s1', [1000, 5000, 50]],
      ['s2', [100]],
    ]);
    expect((await store.unfinishedSessions())[1]).toMatchObject({
      id: 's2', terminalId: 'T2', code: '1000000002', due: '3000.00', phone: DEMO_PHONE, operator: 'mts', openedAt: NOW + 5,
    });
    expect((await store.unfinishedSessions('T2')).map((s) => s.id)).toEqual(['s2']);
    expect(await store.unfinishedSessions('T9')).toEqual([]);
    await store.close();
  });

  it('never replaces a session and takes no cash for unknown, paid or abandoned sessions', async () => {
    const store = await seeded();
    await openCashSession(store, 's1', '1000000001', '4750.00');
    await insertNotes(store, 's1', [5000]);
    await expect(openCashSession(store, 's1', '1000000002', '3000.00')).rejects.toThrow('cash session s1 exists already');
    await expect(store.journalNote('nope', 100, NOW)).rejects.toThrow('no cash session nope');
    await expect(store.abandonSession('s1')).rejects.toThrow('cash session s1 holds cash and cannot be abandoned');

    await openCashSession(store, 's2', '1000000002', '3000.00');
    await store.abandonSession('s2');
    await expect(store.journalNote('s2', 100, NOW)).rejects.toThrow(/s2/);
    await store.completePayment('s1', 'pay', NOW);
    await expect(store.journalNote('s1', 100, NOW)).rejects.toThrow(/s1 is paid/);
    expect(await store.unfinishedSessions()).toEqual([]);
    await store.close();
  });

  it('R-TERM-2: cash above the amount due goes to the phone balance with a receipt, ledger line and SMS; paying again credits nothing', async () => {
    const store = await seeded();
    await store.setPhoneAccount(DEMO_PHONE, 'megafon', '100.00');
    await openCashSession(store, 's1', '1000000001', '4750.00');
    await insertNotes(store, 's1', [5000]);

    const outcome = await store.completePayment('s1', 'pay', NOW + 9000);
    const receipt = {
      number: 'T1-000001', terminalId: 'T1', at: NOW + 9000, code: '1000000001', due: '4750.00', accepted: '5000.00',
      toOrder: '4750.00', toPhone: '250.00', phone: DEMO_PHONE, operator: 'mts', orderStatus: 'paid', owed: '0.00', recovered: false,
    };
    const unpaid = demoOrders(NOW)[0]!;
    const paidOrder = {
      ...unpaid, status: 'paid', paid: '4750.00', owed: '0.00',
      history: [...unpaid.history, { at: NOW + 9000, kind: 'paid', why: '', amount: '4750.00', ref: 'T1-000001' }],
      credits: [{ receipt: 'T1-000001', amount: '4750.00', acceptedAt: NOW + 9000, settlesAt: NOW + 9000 + 2 * 86_400_000 }],
    };
    const sms = { phone: DEMO_PHONE, at: NOW + 9000, sender: 'MegaFon', kind: 'topup', amount: '250.00', receipt: 'T1-000001' };
    expect(outcome).toEqual({ receipt, order: paidOrder, sms: [sms] });
    expect(await store.receipt('T1-000001')).toEqual(receipt);
    expect(await store.receipt('T1-000099')).toBeUndefined();
    expect(await store.phoneAccount(DEMO_PHONE)).toEqual({
      phone: DEMO_PHONE,
      operator: 'megafon', // the account's own operator wins over the one picked on screen
      balance: '350.00',
      ledger: [{ at: NOW + 9000, amount: '250.00', reason: 'change from receipt T1-000001 (pay)' }],
      sms: [sms],
    });
    expect(await store.completePayment('s1', 'timeout', NOW + 60_000, true)).toEqual({ receipt, order: paidOrder, sms: [sms], alreadyPaid: true });
    expect(await store.phoneAccount(DEMO_PHONE)).toMatchObject({ balance: '350.00', ledger: [expect.anything()] });
    await store.close();
  });

  it('R-CODE-5: cash for the code amount leaves a risen price partially paid, and the rest can be paid later', async () => {
    const store = await seeded();
    await openCashSession(store, 's1', '1000000006', '2000.00');
    await insertNotes(store, 's1', [1000, 1000]);
    const first = await store.completePayment('s1', 'timeout', NOW);
    expect(first.receipt).toMatchObject({ toOrder: '2000.00', toPhone: '0.00', orderStatus: 'partially_paid', owed: '300.00' });
    expect(first.sms).toEqual([]);
    expect(await store.phoneAccount(DEMO_PHONE)).toMatchObject({ operator: null, balance: '0.00', ledger: [] });

    await openCashSession(store, 's2', '1000000006', '300.00');
    await insertNotes(store, 's2', [500]);
    const second = await store.completePayment('s2', 'pay', NOW);
    expect(second.receipt).toMatchObject({ number: 'T1-000002', toOrder: '300.00', toPhone: '200.00', orderStatus: 'paid', owed: '0.00' });
    expect(await store.findOrder('1000000006')).toMatchObject({ status: 'paid', paid: '2300.00' });
    expect(await store.phoneAccount(DEMO_PHONE)).toMatchObject({ operator: 'mts', balance: '200.00' });
    await store.close();
  });

  it('numbers receipts per terminal: each terminal counts its own from 1', async () => {
    const store = await seeded();
    const pay = async (id: string, terminalId: string, code: string, due: string, notes: number[]) => {
      await openCashSession(store, id, code, due, { terminalId });
      await insertNotes(store, id, notes);
      return (await store.completePayment(id, 'pay', NOW)).receipt.number;
    };
    expect(await pay('a', 'T1', '1000000001', '4750.00', [5000])).toBe('T1-000001');
    expect(await pay('b', 'T2', '1000000002', '3000.00', [1000, 2000])).toBe('T2-000001');
    await store.addOrder(newOrder({ code: '2000000001', codeAmount: '100.00', phone: DEMO_PHONE, issuedAt: NOW }));
    expect(await pay('c', 'T1', '2000000001', '100.00', [100])).toBe('T1-000002');
    await store.close();
  });
});
