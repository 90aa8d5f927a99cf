/**
 * The phone's own rules: which SMS still waits for a reply (R-MOB-2), which balance code an operator
 * answers (R-MOB-9), and what marks a terminal top-up (no order code).
 */
import { describe, expect, it } from 'vitest';
import { awaitingReply, mobileRulesOf } from '../../src/domain/mobile/inbox.js';
import { answerUssd, balanceCodeOf } from '../../src/domain/mobile/ussd.js';
import { isTopUp, topUpReason } from '../../src/domain/mobile/topup.js';
import { DEFAULT_MOBILE_RULES, mobileRules } from '../../src/domain/mobile/mobileRules.js';
import type { MobileSms, PhoneMessage } from '../../src/domain/store.js';

const PHONE = '+79161234567';
const sms = (kind: MobileSms['kind'], transaction: string, at: number): MobileSms => ({
  phone: PHONE, at, sender: 'MTS', kind, amount: '100.95', code: 'C-1', transaction, detail: null,
});
const code = (at: number): PhoneMessage => ({ phone: PHONE, at, sender: 'AliExpress', kind: 'code', amount: '100.00', code: 'C-1' });

describe('R-MOB-2: the request that still waits for a reply', () => {
  it('R-MOB-2: the newest unanswered request, whatever order the inbox holds them in', () => {
    const inbox = [sms('mobileRequest', 'M-3', 300), code(400), sms('mobileRequest', 'M-1', 100), sms('mobileRequest', 'M-2', 200)];
    expect(awaitingReply(inbox)?.transaction).toBe('M-3');
  });

  it.each(['mobilePaid', 'mobileCancelled', 'mobileExpired', 'mobileRefused'] as const)(
    'R-MOB-2: a request answered by %s waits no more; the one before it still does',
    (answer) => {
      const inbox = [sms('mobileRequest', 'M-1', 100), sms('mobileRequest', 'M-2', 200), sms(answer, 'M-2', 250)];
      expect(awaitingReply(inbox)?.transaction).toBe('M-1');
      expect(awaitingReply([sms('mobileRequest', 'M-2', 200), sms(answer, 'M-2', 250)])).toBeNull();
    },
  );

  it('R-MOB-2: an inbox with no mobile request, or only other SMS, waits for nothing', () => {
    expect(awaitingReply([])).toBeNull();
    expect(awaitingReply([code(100)])).toBeNull();
  });

  it('the program follows the mobile rules it was given, else the default ones', () => {
    const tele2At235 = mobileRules({ tele2Commission235: true });
    expect(mobileRulesOf({ mobile: tele2At235 })).toBe(tele2At235);
    expect(mobileRulesOf({})).toBe(DEFAULT_MOBILE_RULES);
  });
});

describe('R-MOB-9: balance codes', () => {
  it.each([
    ['*100#', 'mts', 'balance'],
    ['*100#', 'megafon', 'balance'],
    ['*102#', 'beeline', 'balance'],
    ['*105#', 'tele2', 'balance'],
    [' *102# ', 'beeline', 'balance'],
    ['*102#', 'mts', 'otherOperator'],
    ['*100#', 'tele2', 'otherOperator'],
    ['*105#', 'megafon', 'otherOperator'],
    ['*111#', 'mts', 'unknown'],
    ['*100#', null, 'unknown'],
  ] as const)('R-MOB-9: %s dialled on %s → %s', (dialled, operator, kind) => {
    expect(answerUssd(dialled, operator)).toEqual({ kind });
  });

  it.each([
    ['mts', '*100#'],
    ['megafon', '*100#'],
    ['beeline', '*102#'],
    ['tele2', '*105#'],
  ] as const)('R-MOB-9: the hint for %s is %s', (operator, dialled) => {
    expect(balanceCodeOf(operator)).toBe(dialled);
  });
});

describe('a top-up at the terminal', () => {
  it('R-TERM-2: a session or receipt with no order code is a top-up; one with a code pays an order', () => {
    expect(isTopUp({ code: '' })).toBe(true);
    expect(isTopUp({ code: 'C-1' })).toBe(false);
  });

  it('its ledger line names the receipt and what ended the session', () => {
    expect(topUpReason('R-000042', 'pay')).toBe('top-up at the terminal, receipt R-000042 (pay)');
    expect(topUpReason('R-000043', 'timeout')).toBe('top-up at the terminal, receipt R-000043 (timeout)');
  });
});
