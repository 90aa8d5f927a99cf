/**
 * A phone top-up at the terminal (issue 13): a cash session with no order. Every store credits all the
 * inserted cash to the phone, with a ledger line, an SMS and a receipt, once (idempotent), and a
 * top-up left unfinished by a crash is recovered like any payment.
 */
import { describe, expect, it } from 'vitest';
import { TOPUP_CODE } from '../../src/domain/mobile/topup.js';
import { insertNotes, NOW, openCashSession, useTempDirs } from './helpers.js';
import { storeAdapters } from './adapters.js';

const tempDir = useTempDirs();
const PHONE = '+79051234567';

const ADAPTERS = storeAdapters(tempDir, { pg: true });

describe.each(ADAPTERS)('%s tops up a phone at the terminal', (_name, open) => {
  it('credits every inserted kopeck to the phone, with no commission, a receipt, a ledger line and an SMS', async () => {
    const store = await open();
    await store.setPhoneAccount(PHONE, 'beeline', '2100.00');
    await openCashSession(store, 'top1', TOPUP_CODE, '0.00', { phone: PHONE, operator: 'beeline' });
    await insertNotes(store, 'top1', [50, 50]);
    const outcome = await store.completePayment('top1', 'pay', NOW + 5000);

    expect(outcome.order).toBeNull();
    expect(outcome.receipt).toMatchObject({ code: TOPUP_CODE, due: '0.00', accepted: '100.00', toOrder: '0.00', toPhone: '100.00', phone: PHONE, operator: 'beeline' });
    expect(await store.receipt(outcome.receipt.number)).toEqual(outcome.receipt);
    const account = await store.phoneAccount(PHONE);
    expect(account.balance).toBe('2200.00');
    expect(account.ledger.at(-1)).toEqual({ at: NOW + 5000, amount: '100.00', reason: `top-up at the terminal, receipt ${outcome.receipt.number} (pay)` });
    expect(outcome.sms).toEqual([{ phone: PHONE, at: NOW + 5000, sender: 'Beeline', kind: 'topup', amount: '100.00', receipt: outcome.receipt.number }]);
    expect(account.sms.at(-1)).toEqual(outcome.sms[0]);
    await store.close();
  });

  it('paying the same top-up twice credits it once', async () => {
    const store = await open();
    await openCashSession(store, 'top1', TOPUP_CODE, '0.00', { phone: PHONE, operator: 'mts' });
    await insertNotes(store, 'top1', [500]);
    const first = await store.completePayment('top1', 'pay', NOW);
    const again = await store.completePayment('top1', 'timeout', NOW + 1000, true);
    expect(again).toEqual({ ...first, alreadyPaid: true });
    expect((await store.phoneAccount(PHONE)).balance).toBe('500.00');
    await store.close();
  });

  it('a top-up left unfinished (the kiosk died after the notes were journaled) is among the unfinished sessions and pays the phone on recovery', async () => {
    const store = await open();
    await openCashSession(store, 'top1', TOPUP_CODE, '0.00', { phone: PHONE, operator: 'tele2' });
    await insertNotes(store, 'top1', [100, 200]);
    expect((await store.unfinishedSessions()).map((s) => [s.id, s.code, s.notes])).toEqual([['top1', TOPUP_CODE, [100, 200]]]);
    const outcome = await store.completePayment('top1', 'timeout', NOW + 60_000, true);
    expect(outcome.receipt).toMatchObject({ toPhone: '300.00', recovered: true });
    expect((await store.phoneAccount(PHONE)).balance).toBe('300.00');
    expect(await store.unfinishedSessions()).toEqual([]);
    await store.close();
  });
});
