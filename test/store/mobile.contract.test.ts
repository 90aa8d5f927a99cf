/**
 * The mobile payment contract (issue 13): every store keeps requests, replies, expiries and refusals
 * the same way, to the kopeck, with the phone's ledger and SMS.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PHONE_SETTINGS } from '../../src/domain/mobile/mobilePayment.js';
import { DEFAULT_MOBILE_RULES, mobileRules } from '../../src/domain/mobile/mobileRules.js';
import { newOrder } from '../../src/domain/orders/orders.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/store/migrations.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { NOW, useTempDirs } from './helpers.js';
import { BEELINE, expectEarliestDueLandsFirst, MIN, paidFromTwoPhones, TELE2, withOrder } from './mobileFixtures.js';
import { storeAdapters } from './adapters.js';

const tempDir = useTempDirs();
const rules = DEFAULT_MOBILE_RULES;

const ADAPTERS = storeAdapters(tempDir, { pg: true });

describe.each(ADAPTERS)('%s keeps phone settings', (_name, open) => {
  it('keeps phone settings; the defaults for a phone never set', async () => {
    const store = await open();
    expect(await store.phoneSettings(BEELINE)).toEqual(DEFAULT_PHONE_SETTINGS);
    await store.setPhoneSettings(BEELINE, { tariff: 'corporate', newSubscriber: true, outage: false });
    expect(await store.phoneSettings(BEELINE)).toEqual({ tariff: 'corporate', newSubscriber: true, outage: false });
    await store.setPhoneSettings(BEELINE, { tariff: 'corporate', newSubscriber: false, outage: true });
    expect(await store.phoneSettings(BEELINE)).toEqual({ tariff: 'corporate', newSubscriber: false, outage: true });
    await store.close();
  });
});

describe.each(ADAPTERS)('%s keeps the mobile payment contract', (_name, open) => {
  it('R-MOB-2: a request sends the SMS with the transaction number and amount; a reply confirms, debits price and commission once, the order is paid', async () => {
    const store = await withOrder(await open(), '1000000123', '2000.00');
    await store.setPhoneAccount(BEELINE, 'beeline', '2200.00');
    const { payment, sms } = await store.requestMobilePayment({ phone: BEELINE, operator: 'beeline', code: '1000000123', at: NOW }, rules);
    expect(payment).toMatchObject({ id: 'M-000001', state: 'awaiting', amount: '2000.00', commission: '78.00', total: '2078.00', expiresAt: NOW + 15 * MIN });
    expect(sms).toEqual([{ phone: BEELINE, at: NOW, sender: 'Beeline', kind: 'mobileRequest', amount: '2078.00', code: '1000000123', transaction: 'M-000001', detail: null }]);
    expect(await store.phoneAccount(BEELINE)).toMatchObject({ balance: '2200.00', ledger: [], sms });

    const answered = await store.answerMobilePayment('M-000001', '1', NOW + MIN, rules);
    expect(answered.payment).toMatchObject({ state: 'confirmed', answeredAt: NOW + MIN, settlesAt: NOW + MIN + 3_600_000 });
    expect(answered.sms).toMatchObject([{ kind: 'mobilePaid', amount: '2078.00', transaction: 'M-000001' }]);
    expect(await store.phoneAccount(BEELINE)).toMatchObject({
      balance: '122.00',
      ledger: [
        { at: NOW + MIN, amount: '-2000.00', reason: 'mobile payment M-000001 for order 1000000123' },
        { at: NOW + MIN, amount: '-78.00', reason: 'commission Beeline 3.9 % on mobile payment M-000001' },
      ],
    });
    expect(await store.findOrder('1000000123')).toMatchObject({
      status: 'paid', paid: '2000.00', credits: [{ receipt: 'M-000001', amount: '2000.00', acceptedAt: NOW + MIN, settlesAt: NOW + MIN + 3_600_000 }],
    });
    // a second reply (or a retry after a crash) debits nothing more
    expect(await store.answerMobilePayment('M-000001', 'yes', NOW + 2 * MIN, rules)).toMatchObject({ payment: { state: 'confirmed' }, sms: [] });
    expect((await store.phoneAccount(BEELINE)).balance).toBe('122.00');
    expect((await store.mobilePayments(BEELINE))[0]!.events.map((e) => e.kind)).toEqual(['requested', 'smsSent', 'confirmed', 'debited', 'commission']);
    await store.close();
  });

  it('R-MOB-2: replying 0 cancels with an SMS saying the user cancelled; nothing is debited', async () => {
    const store = await withOrder(await open(), '1000000123', '100.00');
    await store.setPhoneAccount(BEELINE, 'beeline', '500.00');
    await store.requestMobilePayment({ phone: BEELINE, operator: 'beeline', code: '1000000123', at: NOW }, rules);
    expect(await store.answerMobilePayment('M-000001', '0', NOW + MIN, rules)).toMatchObject({ payment: { state: 'cancelled' }, sms: [{ kind: 'mobileCancelled' }] });
    expect(await store.phoneAccount(BEELINE)).toMatchObject({ balance: '500.00', ledger: [] });
    expect(await store.findOrder('1000000123')).toMatchObject({ status: 'awaiting' });
    await store.close();
  });

  it('R-MOB-2: no reply within 15 minutes cancels at the deadline with an SMS; a late reply changes nothing', async () => {
    const store = await withOrder(await open(), '1000000123', '100.00');
    await store.setPhoneAccount(BEELINE, 'beeline', '500.00');
    await store.requestMobilePayment({ phone: BEELINE, operator: 'beeline', code: '1000000123', at: NOW }, rules);
    expect(await store.expireMobilePayments(NOW + 15 * MIN - 1)).toEqual([]);
    const [expired] = await store.expireMobilePayments(NOW + 40 * MIN);
    expect(expired).toMatchObject({ payment: { state: 'expired', answeredAt: NOW + 15 * MIN }, sms: [{ kind: 'mobileExpired', at: NOW + 15 * MIN }] });
    expect((await store.answerMobilePayment('M-000001', '1', NOW + 41 * MIN, rules)).sms).toEqual([]);
    expect(await store.phoneAccount(BEELINE)).toMatchObject({ balance: '500.00', ledger: [] });
    await store.close();
  });

  it('R-MOB-3, R-MOB-6: refused for the balance (kept, with an SMS), then topped up, retried and paid (Beeline keeps 50 ₽ by option)', async () => {
    // 2,100 ₽ covers 2,000 + 78.00 commission; it is refused only when Beeline's 50 ₽ minimum is on (the "Done when")
    const keep = mobileRules({ keepMinimum: true });
    const store = await withOrder(await open(), '1000000123', '2000.00');
    await store.setPhoneAccount(BEELINE, 'beeline', '2100.00');
    const first = await store.requestMobilePayment({ phone: BEELINE, operator: 'beeline', code: '1000000123', at: NOW }, keep);
    expect(first.payment).toMatchObject({ id: 'M-000001', state: 'refused', commission: '78.00', total: '2078.00' });
    expect(JSON.parse(first.payment.reason!)).toEqual({ reason: 'balance', needed: '2128.00', balance: '2100.00', minimumLeft: '50.00' });
    expect(first.sms).toMatchObject([{ kind: 'mobileRefused', sender: 'Beeline' }]);
    await store.setPhoneAccount(BEELINE, 'beeline', '2200.00');
    const retry = await store.requestMobilePayment({ phone: BEELINE, operator: 'beeline', code: '1000000123', at: NOW + MIN }, keep);
    expect(retry.payment).toMatchObject({ id: 'M-000002', state: 'awaiting' });
    await store.answerMobilePayment('M-000002', 'ok', NOW + 2 * MIN, keep);
    expect((await store.phoneAccount(BEELINE)).balance).toBe('122.00');
    expect((await store.mobilePayments(BEELINE)).map((p) => p.state)).toEqual(['refused', 'confirmed']);
    await store.close();
  });

  it('R-MOB-3: the balance must cover price + commission: 2,077.99 ₽ is refused for a 2,000 ₽ Beeline order, the reply re-checks it', async () => {
    const store = await withOrder(await open(), '1000000123', '2000.00');
    await store.setPhoneAccount(BEELINE, 'beeline', '2077.99');
    expect((await store.requestMobilePayment({ phone: BEELINE, operator: 'beeline', code: '1000000123', at: NOW }, rules)).payment.state).toBe('refused');
    await store.setPhoneAccount(BEELINE, 'beeline', '2078.00');
    expect((await store.requestMobilePayment({ phone: BEELINE, operator: 'beeline', code: '1000000123', at: NOW }, rules)).payment.state).toBe('awaiting');
    // spent meanwhile: the reply is refused, nothing is debited
    await store.setPhoneAccount(BEELINE, 'beeline', '1000.00');
    expect(await store.answerMobilePayment('M-000002', '1', NOW + MIN, rules)).toMatchObject({ payment: { state: 'refused' }, sms: [{ kind: 'mobileRefused' }] });
    expect(await store.phoneAccount(BEELINE)).toMatchObject({ balance: '1000.00', ledger: [] });
    await store.close();
  });

  it('R-MOB-6: another operator or an outage sends no SMS at all, but the attempt is kept', async () => {
    const store = await withOrder(await open(), '1000000123', '100.00');
    await store.setPhoneAccount(BEELINE, 'beeline', '500.00');
    expect(await store.requestMobilePayment({ phone: BEELINE, operator: 'mts', code: '1000000123', at: NOW }, rules)).toMatchObject({
      payment: { state: 'refused' }, sms: [],
    });
    await store.setPhoneSettings(BEELINE, { ...DEFAULT_PHONE_SETTINGS, outage: true });
    expect((await store.requestMobilePayment({ phone: BEELINE, operator: 'beeline', code: '1000000123', at: NOW }, rules)).sms).toEqual([]);
    expect((await store.phoneAccount(BEELINE)).sms).toEqual([]);
    expect((await store.mobilePayments()).map((p) => JSON.parse(p.reason!).reason)).toEqual(['operatorMismatch', 'outage']);
    await store.close();
  });

  it('R-MOB-4: Tele2 refuses 1,000.01 ₽ a purchase and takes 1,000.00 ₽', async () => {
    const store = await withOrder(await withOrder(await open(), '1000000001', '1000.01', TELE2), '1000000002', '1000.00', TELE2);
    await store.setPhoneAccount(TELE2, 'tele2', '5000.00');
    expect(await store.requestMobilePayment({ phone: TELE2, operator: 'tele2', code: '1000000001', at: NOW }, rules)).toMatchObject({
      payment: { state: 'refused' }, sms: [{ kind: 'mobileRefused' }],
    });
    expect((await store.requestMobilePayment({ phone: TELE2, operator: 'tele2', code: '1000000002', at: NOW }, rules)).payment).toMatchObject({
      state: 'awaiting', commission: '24.50', total: '1024.50',
    });
    await store.close();
  });

  it('R-MOB-4: confirmed payments count toward the daily count (MTS: the 6th purchase of the day is refused)', async () => {
    const MTS = '+79161234567';
    const store = await open();
    await store.setPhoneAccount(MTS, 'mts', '1000.00');
    for (let i = 1; i <= 6; i++) await withOrder(store, `100000000${i}`, '10.00', MTS);
    for (let i = 1; i <= 5; i++) {
      const { payment } = await store.requestMobilePayment({ phone: MTS, operator: 'mts', code: `100000000${i}`, at: NOW + i * MIN }, rules);
      await store.answerMobilePayment(payment.id, '1', NOW + i * MIN + 1, rules);
    }
    expect((await store.requestMobilePayment({ phone: MTS, operator: 'mts', code: '1000000006', at: NOW + 10 * MIN }, rules)).payment.state).toBe('refused');
    await store.close();
  });

  it('a request for an order already paid is refused; an unknown order is an error', async () => {
    const store = await withOrder(await open(), '1000000123', '100.00');
    await store.setPhoneAccount(BEELINE, 'beeline', '500.00');
    await store.requestMobilePayment({ phone: BEELINE, operator: 'beeline', code: '1000000123', at: NOW }, rules);
    await store.answerMobilePayment('M-000001', '1', NOW + 1, rules);
    expect(JSON.parse((await store.requestMobilePayment({ phone: BEELINE, operator: 'beeline', code: '1000000123', at: NOW + 2 }, rules)).payment.reason!)).toEqual({ reason: 'orderNotPayable' });
    await expect(store.requestMobilePayment({ phone: BEELINE, operator: 'beeline', code: '9999999999', at: NOW }, rules)).rejects.toThrow('no order 9999999999');
    await store.close();
  });
  it('a phone balance never goes below zero, whoever writes it', async () => {
    const store = await open();
    await expect(store.setPhoneAccount(BEELINE, 'beeline', '-0.01')).rejects.toThrow('never goes below zero');
    await store.setPhoneAccount(BEELINE, 'beeline', '0.00');
    await expect(store.setPhoneAccount(BEELINE, 'beeline', '-5.00')).rejects.toThrow('never goes below zero');
    expect((await store.phoneAccount(BEELINE)).balance).toBe('0.00');
    await store.close();
  });
});

describe('SqliteStore: mobile payments are durable and atomic', () => {
  it('a crash between "confirmed" and "debited" writes neither; the retried reply debits once', () => {
    const path = join(tempDir(), 'kiosk.db');
    let crash = true;
    const store = SqliteStore.open(path, { checkpoint: (point) => { if (crash && point === 'mobile:during') throw new Error('power cut'); } });
    store.addOrder(newOrder({ code: '1000000123', codeAmount: '2000.00', phone: BEELINE, issuedAt: NOW - MIN }));
    store.setPhoneAccount(BEELINE, 'beeline', '2200.00');
    store.requestMobilePayment({ phone: BEELINE, operator: 'beeline', code: '1000000123', at: NOW }, rules);
    expect(() => store.answerMobilePayment('M-000001', '1', NOW + MIN, rules)).toThrow('power cut');
    expect(store.mobilePayments()[0]).toMatchObject({ state: 'awaiting' });
    expect(store.phoneAccount(BEELINE)).toMatchObject({ balance: '2200.00', ledger: [] });
    expect(store.findOrder('1000000123')).toMatchObject({ status: 'awaiting', credits: [] });
    crash = false;
    store.close();
    const reopened = SqliteStore.open(path);
    reopened.answerMobilePayment('M-000001', '1', NOW + 2 * MIN, rules);
    reopened.answerMobilePayment('M-000001', '1', NOW + 3 * MIN, rules);
    expect(reopened.phoneAccount(BEELINE)).toMatchObject({ balance: '122.00', ledger: [{ amount: '-2000.00' }, { amount: '-78.00' }] });
    expect(reopened.findOrder('1000000123')).toMatchObject({ status: 'paid', paid: '2000.00' });
    reopened.close();
  });

  it('upgrades a version-4 database: SMS and terminal credits kept, mobile payments then work', () => {
    const path = join(tempDir(), 'kiosk.db');
    const raw = new Database(path);
    for (const migration of MIGRATIONS.slice(0, 4)) raw.exec(migration.sql);
    raw.pragma('user_version = 4');
    raw.exec(`INSERT INTO orders (code, code_amount, price, phone, issued_at, region, channel, status, paid, owed)
      VALUES ('1000000001', '100.00', '100.00', '${BEELINE}', ${NOW}, 'RU', 'pc', 'awaiting', '0.00', '100.00')`);
    raw.exec(`INSERT INTO phone_accounts VALUES ('${BEELINE}', 'beeline', '500.00')`);
    raw.exec(`INSERT INTO sms (phone, at, sender, kind, amount, code) VALUES ('${BEELINE}', ${NOW}, 'AliExpress', 'code', '100.00', '1000000001')`);
    raw.close();
    const store = SqliteStore.open(path);
    expect(store.phoneAccount(BEELINE).sms).toEqual([{ phone: BEELINE, at: NOW, sender: 'AliExpress', kind: 'code', amount: '100.00', code: '1000000001' }]);
    store.requestMobilePayment({ phone: BEELINE, operator: 'beeline', code: '1000000001', at: NOW + 1 }, rules);
    store.answerMobilePayment('M-000001', '1', NOW + 2, rules);
    expect(store.findOrder('1000000001')).toMatchObject({ status: 'paid', credits: [{ receipt: 'M-000001' }] });
    store.close();
    const reopened = new Database(path, { readonly: true });
    expect(reopened.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    reopened.close();
  });
});

describe.each(ADAPTERS)('%s: a number the store knows no operator of', (_name, open) => {
  it('R-MOB-6: is on the operator its DEF code names: picking that one gets an SMS, another none', async () => {
    const store = await withOrder(await open(), '1000000123', '100.00', '+79161234567');
    expect((await store.requestMobilePayment({ phone: '+79161234567', operator: 'beeline', code: '1000000123', at: NOW }, rules)).sms).toEqual([]);
    // MTS (916): refused for the balance (no account: 0.00), with an SMS
    expect(await store.requestMobilePayment({ phone: '+79161234567', operator: 'mts', code: '1000000123', at: NOW }, rules)).toMatchObject({
      payment: { state: 'refused' }, sms: [{ kind: 'mobileRefused', sender: 'MTS' }],
    });
    await store.close();
  });
});

describe.each(ADAPTERS)('%s: refunds of a mobile payment (R-MOB-8)', (_name, open) => {
  it('R-MOB-8: go back to the balance that paid, 7 working days later, weekends skipped', async () => {
    // Friday 2026-11-20 12:00 Moscow: 7 working days on is Tuesday 2026-12-01 12:00
    const friday = Date.parse('2026-11-20T12:00:00+03:00');
    const store = await withOrder(await open(), '1000000123', '2000.00', '+79161234567'); // the order's phone is not the paying one
    await store.setPhoneAccount(BEELINE, 'beeline', '2200.00');
    await store.requestMobilePayment({ phone: BEELINE, operator: 'beeline', code: '1000000123', at: friday - 2 * MIN }, rules);
    await store.answerMobilePayment('M-000001', '1', friday - MIN, rules);
    await store.changeOrder('1000000123', { kind: 'cancel', reason: 'out of stock' }, friday);
    expect(await store.findOrder('1000000123')).toMatchObject({ stage: 'cancelled', refunded: '2000.00' });
    expect((await store.phoneAccount(BEELINE)).balance).toBe('122.00');
    expect((await store.phoneAccount('+79161234567')).balance).toBe('0.00');
    const due = Date.parse('2026-12-01T12:00:00+03:00');
    expect(await store.landMobileRefunds(due - 1)).toEqual([]);
    const [landed] = await store.landMobileRefunds(due + 5 * 86_400_000);
    expect(landed!.sms).toMatchObject([{ kind: 'mobileRefund', sender: 'Beeline', amount: '2000.00', at: due, transaction: 'M-000001' }]);
    expect(await store.phoneAccount(BEELINE)).toMatchObject({ balance: '2122.00' });
    expect((await store.phoneAccount(BEELINE)).ledger.at(-1)).toEqual({ at: due, amount: '2000.00', reason: 'refund of mobile payment M-000001: refund for order 1000000123 (cancelled by the seller: out of stock)' });
    expect((await store.mobilePayments(BEELINE))[0]!.events.slice(-2).map((e) => e.kind)).toEqual(['refundDue', 'refunded']);
    // landed once
    expect(await store.landMobileRefunds(due + 10 * 86_400_000)).toEqual([]);
    expect((await store.phoneAccount(BEELINE)).balance).toBe('2122.00');
    await store.close();
  });

  it('R-MOB-8: each refund goes to the payment and phone that paid its order, and lands at the very moment it is due', async () => {
    const friday = Date.parse('2026-11-20T12:00:00+03:00');
    const due = Date.parse('2026-12-01T12:00:00+03:00');
    const store = await paidFromTwoPhones(await open(), friday);
    await store.changeOrder('1000000124', { kind: 'cancel', reason: 'out of stock' }, friday);
    // each phone sees its own payments only
    expect((await store.mobilePayments(BEELINE)).map((p) => p.id)).toEqual(['M-000001']);
    expect((await store.mobilePayments(TELE2)).map((p) => p.id)).toEqual(['M-000002']);
    expect((await store.mobilePayments()).map((p) => p.id)).toEqual(['M-000001', 'M-000002']);
    expect((await store.mobilePayments(BEELINE))[0]!.events.map((e) => e.kind)).not.toContain('refundDue');
    expect((await store.mobilePayments(TELE2))[0]!.events.at(-1)).toEqual({
      at: friday, kind: 'refundDue', amount: '500.00', why: 'refund for order 1000000124 (cancelled by the seller: out of stock); due 2026-12-01T09:00:00.000Z',
    });
    const [landed, ...others] = await store.landMobileRefunds(due);
    expect(others).toEqual([]);
    expect(landed!.payment.id).toBe('M-000002');
    expect(landed!.sms).toMatchObject([{ kind: 'mobileRefund', phone: TELE2, amount: '500.00', at: due, transaction: 'M-000002' }]);
    expect((await store.mobilePayments(BEELINE))[0]!.events.map((e) => e.kind)).not.toContain('refunded');
    await store.close();
  });

  it('R-MOB-8: refunds landing together land the earliest due first, whichever was decided first (two machines\' clocks apart)', async () => {
    const store = await open();
    await expectEarliestDueLandsFirst(store);
    await store.close();
  });

  it('a reply to a mobile payment that does not exist is an error', async () => {
    const store = await open();
    await expect(store.answerMobilePayment('M-000009', '1', NOW, rules)).rejects.toThrow(/^no mobile payment M-000009$/);
    await store.close();
  });
});
