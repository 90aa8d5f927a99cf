/** R-MOB-8: a mobile payment's refund reaches the phone on the 7th working day (weekends and Russian holidays skipped). */
import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, mobileRefundDueAt } from '../../src/domain/mobile/workingDays.js';

/** Moscow time → epoch ms. */
const msk = (local: string) => Date.parse(`${local}+03:00`);
const mskText = (at: number) => new Date(at + 3 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('R-MOB-8: working days on the Moscow calendar', () => {
  it.each([
    ['2026-11-23', true], // Monday
    ['2026-11-21', false], // Saturday
    ['2026-11-22', false], // Sunday
    ['2026-11-04', false], // National Unity Day, a Wednesday
    ['2026-01-08', false], // New Year holidays
    ['2026-01-09', false], // 3 January moved here by the 2026 decree
    ['2026-01-12', true],
    ['2026-03-09', false], // 8 March is a Sunday: the day off moves to Monday (art. 112)
    ['2026-05-11', false], // 9 May is a Saturday: moves to Monday
    ['2026-12-31', false], // 4 January moved here by the 2026 decree
    ['2026-02-23', false],
    ['2026-06-12', false],
  ])('R-MOB-8: %s is a working day: %s', (date, working) => {
    expect(isWorkingDay(date)).toBe(working);
  });
});

describe('R-MOB-8: a refund of a mobile payment is credited on the 7th working day', () => {
  it('R-MOB-8: a refund on Sunday 22 Nov 2026 at 10:00 arrives on Tuesday 1 Dec at 10:00 (weekends skipped)', () => {
    expect(mskText(mobileRefundDueAt(msk('2026-11-22T10:00:00')))).toBe('2026-12-01 10:00');
  });

  it('R-MOB-8: a refund on Friday 30 Oct 2026 skips National Unity Day (Wed 4 Nov): Wednesday 11 Nov', () => {
    // Mon 2, Tue 3, (Wed 4 a holiday), Thu 5, Fri 6, Mon 9, Tue 10, Wed 11
    expect(mskText(mobileRefundDueAt(msk('2026-10-30T23:30:00')))).toBe('2026-11-11 23:30');
  });

  it('R-MOB-8: a refund on 30 Dec 2026 skips 31 Dec and the New Year holidays (the 2027 ones from the statute)', () => {
    expect(mskText(addWorkingDays(msk('2026-12-30T12:00:00'), 1))).toBe('2027-01-11 12:00');
  });

  it('R-MOB-8: a late-evening refund counts from its Moscow day, not the UTC one', () => {
    // 01:00 Moscow on Saturday is still Friday in UTC: counted from Saturday, the next working day is Monday
    expect(mskText(addWorkingDays(msk('2026-11-21T01:00:00'), 1))).toBe('2026-11-23 01:00');
  });
});
