/** The rules' own checks (src/domain/rules.ts, src/domain/mobile/mobileRules.ts): the limits a configured delay must keep. */
import { describe, expect, it } from 'vitest';
import {
  BANKNOTES, checkProcessingDelay, DAY_MS, DEFAULT_PROTECTION_PERIOD_MS, DEFAULT_TIMEOUTS, HOUR_MS, isBanknote, MAX_PROCESSING_DELAY_MS,
  OPERATOR_NAMES, OPERATORS,
} from '../../src/domain/rules.js';
import { DEFAULT_MOBILE_RULES, MAX_MOBILE_PROCESSING_MS, mobileRules } from '../../src/domain/mobile/mobileRules.js';

describe('the processing delay of cash (R-CODE-6)', () => {
  it('R-CODE-6: takes 0 and 7 days, the two ends, as given', () => {
    expect(MAX_PROCESSING_DELAY_MS).toBe(7 * DAY_MS);
    expect(checkProcessingDelay(0)).toBe(0);
    expect(checkProcessingDelay(2 * DAY_MS)).toBe(2 * DAY_MS);
    expect(checkProcessingDelay(7 * DAY_MS)).toBe(7 * DAY_MS);
  });

  it.each([-1, 7 * DAY_MS + 1, 1.5, Number.NaN])('R-CODE-6: refuses %d ms, naming the limit and the value', (ms) => {
    expect(() => checkProcessingDelay(ms)).toThrow(RangeError);
    expect(() => checkProcessingDelay(ms)).toThrow(`the processing delay must be from 0 to 7 days (R-CODE-6), got ${ms} ms`);
  });
});

describe('the defaults', () => {
  it('R-PROT-1: buyer protection ends 15 days after delivery by default', () => {
    expect(DEFAULT_PROTECTION_PERIOD_MS).toBe(15 * 24 * 3_600_000);
  });

  it('the inactivity timeouts of real terminals: menus 30 s, entry 70 s, cash 60 s without a note and 120 s with one, "Need more time?" 15 s', () => {
    expect(DEFAULT_TIMEOUTS).toEqual({ menuMs: 30_000, entryMs: 70_000, cashNoNoteMs: 60_000, cashWithNoteMs: 120_000, moreTimeMs: 15_000 });
  });

  it('R-MOB-3: the four operators, each under its own name', () => {
    expect(OPERATORS).toEqual(['mts', 'megafon', 'beeline', 'tele2']);
    expect(OPERATOR_NAMES).toEqual({ mts: 'MTS', megafon: 'MegaFon', beeline: 'Beeline', tele2: 'Tele2' });
  });
});

describe('banknotes', () => {
  it('takes the eight notes of a Euroset acceptor and nothing else', () => {
    for (const note of BANKNOTES) expect(isBanknote(note)).toBe(true);
    for (const n of [0, 5, 20, 150, 1500, 10000]) expect(isBanknote(n)).toBe(false);
  });
});

describe('the mobile rules (R-MOB-7)', () => {
  it('R-MOB-7: a processing delay from 0 to 24 hours is taken, the defaults when none is given', () => {
    expect(MAX_MOBILE_PROCESSING_MS).toBe(24 * HOUR_MS);
    expect(mobileRules({ processingDelayMs: 0 }).processingDelayMs).toBe(0);
    expect(mobileRules({ processingDelayMs: 24 * HOUR_MS }).processingDelayMs).toBe(24 * HOUR_MS);
    expect(mobileRules()).toEqual(DEFAULT_MOBILE_RULES);
  });

  it.each([-1, 24 * HOUR_MS + 1, 0.5])('R-MOB-7: refuses a processing delay of %d ms, naming it', (ms) => {
    expect(() => mobileRules({ processingDelayMs: ms })).toThrow(`the mobile processing delay must be from 0 to 24 hours (R-MOB-7), got ${ms} ms`);
  });

  it('the reply timeout must be a positive whole number of ms', () => {
    expect(mobileRules({ replyTimeoutMs: 1 }).replyTimeoutMs).toBe(1);
    for (const ms of [0, -1, 2.5]) expect(() => mobileRules({ replyTimeoutMs: ms })).toThrow(`the reply timeout must be positive, got ${ms} ms`);
  });

  it('options: the minimum left (Beeline 50 ₽, Tele2 10 ₽, others none), one open request, Tele2 at 2.35 %', () => {
    const keep = mobileRules({ keepMinimum: true, oneOpenRequest: true, tele2Commission235: true });
    expect(Object.fromEntries(Object.entries(keep.operators).map(([id, op]) => [id, op.minimumLeft]))).toEqual({ mts: '0.00', megafon: '0.00', beeline: '50.00', tele2: '10.00' });
    expect(Object.fromEntries(Object.entries(keep.operators).map(([id, op]) => [id, op.commissionPercent]))).toEqual({ mts: '0.95', megafon: '1.95', beeline: '3.9', tele2: '2.35' });
    expect(keep.oneOpenRequest).toBe(true);
    expect(keep.operators.mts.limits).toBe(DEFAULT_MOBILE_RULES.operators.mts.limits);
    expect(keep.refundWorkingDays).toBe(DEFAULT_MOBILE_RULES.refundWorkingDays);
  });
});
