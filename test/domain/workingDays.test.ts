import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay } from '../../src/domain/mobile/workingDays.js';

const msk = (iso: string) => Date.parse(`${iso}+03:00`);

describe('working days on the Moscow calendar (R-MOB-8)', () => {
  it('R-MOB-8: weekends and public holidays are not working days', () => {
    expect(isWorkingDay('2026-11-23')).toBe(true); // Monday
    expect(isWorkingDay('2026-11-22')).toBe(false); // Sunday
    expect(isWorkingDay('2026-11-21')).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-04')).toBe(false); // Unity Day, a Wednesday
    expect(isWorkingDay('2027-01-05')).toBe(false); // New Year holidays
    // 23:30 UTC on a Friday is already Saturday in Moscow: one working day later is Monday 02:30 in Moscow
    expect(addWorkingDays(Date.parse('2026-11-20T23:30:00Z'), 1)).toBe(Date.parse('2026-11-22T23:30:00Z'));
  });

  it('R-MOB-8: 7 working days skip the weekend: Friday → the Tuesday after next', () => {
    expect(addWorkingDays(msk('2026-11-20T10:00:00'), 7)).toBe(msk('2026-12-01T10:00:00'));
    expect(addWorkingDays(msk('2026-11-20T10:00:00'), 1)).toBe(msk('2026-11-23T10:00:00'));
    expect(addWorkingDays(msk('2026-11-23T10:00:00'), 0)).toBe(msk('2026-11-23T10:00:00'));
  });

  it('R-MOB-8: and public holidays: from Wednesday 30 December, 7 working days end on Tuesday 19 January', () => {
    // 31 December is a day off by the 2026 decree, 1–8 January are holidays and 9–10 a weekend: 11–15, 18, 19 January
    expect(addWorkingDays(msk('2026-12-30T12:00:00'), 7)).toBe(msk('2027-01-19T12:00:00'));
  });

  it.each([
    ['2026-01-02', 'a Friday of the New Year holidays'],
    ['2025-01-03', 'a Friday of the New Year holidays'],
    ['2026-05-01', 'Spring and Labour Day, a Friday'],
    ['2026-02-23', 'Defender of the Fatherland Day, a Monday'],
  ])('R-MOB-8: %s is a public holiday (%s)', (date) => {
    expect(isWorkingDay(date)).toBe(false);
  });

  it('R-MOB-8: a New Year holiday on a weekend does not move to the Monday after (art. 112 moves the others)', () => {
    expect(isWorkingDay('2023-01-09')).toBe(true); // 7 January 2023 was a Saturday
    expect(isWorkingDay('2022-01-10')).toBe(true); // 8 January 2022 was a Saturday
    expect(isWorkingDay('2027-05-10')).toBe(false); // 9 May 2027 is a Sunday: Victory Day moves to Monday
  });
});
