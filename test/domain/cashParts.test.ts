/**
 * The small pure parts of the cash side, read directly (issue 22: before these tests only the machine
 * and store suites reached them): the acceptor jam, service mode's keys and PIN, the cassette count,
 * the receipt printer's paper and the till's scripted customers.
 */
import { describe, expect, it } from 'vitest';
import { heldNotesText, heldTotal, jamOf, type JammedSession } from '../../src/domain/cash/jam.js';
import {
  cassetteCapacityOf, DEFAULT_SERVICE_PIN, isServicePin, serviceKeysAfter, servicePinOf, SERVICE_SEQUENCE,
} from '../../src/domain/cash/service.js';
import { cassetteId, countCassette, DEFAULT_CASSETTE_CAPACITY, encashmentText } from '../../src/domain/cash/cassette.js';
import { afterReceipt, paperOut, receiptSms } from '../../src/domain/fiscal/paper.js';
import type { Receipt } from '../../src/domain/cash/cashSession.js';
import { scriptedCustomer, siteOrderCustomer } from '../../src/domain/cash/tillCustomers.js';

const T0 = Date.UTC(2026, 10, 22, 7, 0, 0);

describe('the bill acceptor jam (issue 14)', () => {
  const session: JammedSession = {
    id: 's-1', terminalId: 'T-1', code: '1000000001', due: '4750.00', phone: '79161234567', operator: 'mts',
    openedAt: T0, notes: [1000, 500, 50], held: [5000],
  };

  it('R-TERM-2: a jam shows what the session counted before it and the held note apart, never added to it', () => {
    expect(jamOf(session)).toEqual({ sessionId: 's-1', code: '1000000001', phone: '79161234567', held: [5000], inserted: '1550.00' });
    expect(heldTotal({ held: [100, 50] })).toBe('150.00');
    expect(heldTotal({ held: [] })).toBe('0.00');
  });

  it('the held notes are a copy: clearing the jam later does not change what the screen was given', () => {
    const jam = jamOf(session);
    jam.held.push(10);
    expect(session.held).toEqual([5000]);
  });

  it('names the held notes as the screens do, joined with " + "', () => {
    expect(heldNotesText({ held: [100, 50] }, (n) => `${n} ₽`)).toBe('100 ₽ + 50 ₽');
    expect(heldNotesText({ held: [5000] }, (n) => `${n} ₽`)).toBe('5000 ₽');
  });
});

describe('service mode', () => {
  it('[choice] a PIN is 4 to 8 digits, 0000 unless the rules set one', () => {
    expect(['0000', '12345678'].map(isServicePin)).toEqual([true, true]);
    expect(['123', '123456789', '12a4', ' 1234', '1234 ', ''].map(isServicePin)).toEqual([false, false, false, false, false, false]);
    expect(servicePinOf({})).toBe(DEFAULT_SERVICE_PIN);
    expect(DEFAULT_SERVICE_PIN).toBe('0000');
    expect(servicePinOf({ servicePin: '4321' })).toBe('4321');
  });

  it('[choice] the cassette holds 1,500 notes unless the rules set another capacity', () => {
    expect(cassetteCapacityOf({})).toBe(DEFAULT_CASSETTE_CAPACITY);
    expect(DEFAULT_CASSETTE_CAPACITY).toBe(1_500);
    expect(cassetteCapacityOf({ cassetteCapacity: 3 })).toBe(3);
  });

  it('keeps the keys typed while they still lead to the sequence; a wrong key starts again from itself', () => {
    expect(SERVICE_SEQUENCE).toBe('*#*#');
    const typed = [...SERVICE_SEQUENCE].reduce((keys, key) => serviceKeysAfter(keys, key), '');
    expect(typed).toBe(SERVICE_SEQUENCE);
    expect(serviceKeysAfter('*#', '5')).toBe('');
    // "*#*" then "*": the sequence is broken, but the last "*" may begin it again
    expect(serviceKeysAfter('*#*', '*')).toBe('*');
    expect(serviceKeysAfter('', '#')).toBe('');
  });
});

describe('the cassette', () => {
  it('is named after its terminal and the encashments before it, from 1', () => {
    expect(cassetteId('T-1', 0)).toBe('T-1-C1');
    expect(cassetteId('T-1', 2)).toBe('T-1-C3');
  });

  it('counts the journaled notes by denomination, every denomination listed, with their exact total', () => {
    const count = countCassette('T-1', 'T-1-C2', T0, [5000, 100, 100, 50]);
    expect(count).toEqual({
      terminalId: 'T-1', cassetteId: 'T-1-C2', since: T0, count: 4, total: '5250.00',
      notes: { 10: 0, 50: 1, 100: 2, 200: 0, 500: 0, 1000: 0, 2000: 0, 5000: 1 },
    });
    expect(countCassette('T-1', 'T-1-C1', null, [])).toMatchObject({ since: null, count: 0, total: '0.00' });
  });

  it('the encashment receipt lists only the denominations it holds, then the count and the total', () => {
    const e = { ...countCassette('T-1', 'T-1-C1', null, [5000, 100, 100]), number: 1, at: T0 };
    const lines = { title: 'Encashment', cassette: 'Cassette', at: '22.11.2026 10:00', count: 'Notes:', total: 'Total:', note: (n: number) => `${n} RUB` };
    expect(encashmentText(e, 'HEADER', lines)).toEqual([
      'HEADER', 'Encashment T-1-E1', 'Cassette T-1-C1', '22.11.2026 10:00', '100 RUB × 2', '5000 RUB × 1', 'Notes: 3', 'Total: 5200.00',
    ]);
  });
});

describe('the receipt printer\'s paper (issue 14)', () => {
  it('R-CASH-4: prints while paper is left, then sends the receipt by SMS; a printer without a count never runs out', () => {
    expect(afterReceipt(null)).toEqual({ printed: true, left: null });
    expect(afterReceipt(2)).toEqual({ printed: true, left: 1 });
    expect(afterReceipt(1)).toEqual({ printed: true, left: 0 });
    expect(afterReceipt(0)).toEqual({ printed: false, left: 0 });
    expect([null, 1, 0, -1].map(paperOut)).toEqual([false, false, true, true]);
  });

  it('R-CASH-4: the receipt by SMS carries its number, code and amounts to the change phone', () => {
    const receipt: Receipt = {
      number: 'T-1-000007', terminalId: 'T-1', at: T0, code: '1000000001', due: '4750.00', accepted: '5000.00',
      toOrder: '4750.00', toPhone: '250.00', phone: '79161234567', operator: 'mts', orderStatus: 'paid', owed: '0.00', recovered: false,
    };
    expect(receiptSms(receipt, 'Euroset')).toEqual({
      phone: '79161234567', at: T0, sender: 'Euroset', kind: 'receipt', receipt: 'T-1-000007', code: '1000000001',
      amount: '5000.00', toOrder: '4750.00', toPhone: '250.00',
    });
  });
});

describe('the till\'s scripted customers', () => {
  it('R-CASH-1: a tape\'s customer shows a code and says the plain words unless the tape gives its own', () => {
    expect(scriptedCustomer('1000000123', { '5000.00': 1 })).toEqual({
      story: 'plain', code: '1000000123', brings: { '5000.00': 1 }, says: 'till.says.plain', scripted: true,
    });
    expect(scriptedCustomer('1000000123', {}, 'Hello').says).toBe('Hello');
  });

  it('R-CASH-1: a customer with only the site\'s order id has no code and is queued as scripted', () => {
    expect(siteOrderCustomer('8123456789012345', { '5000.00': 1 })).toEqual({
      story: 'siteOrderIdOnly', code: null, siteOrderId: '8123456789012345', brings: { '5000.00': 1 }, says: 'till.says.siteOrderIdOnly', scripted: true,
    });
    expect(siteOrderCustomer('8123456789012345', {}, 'Here').says).toBe('Here');
  });
});
