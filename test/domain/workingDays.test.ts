import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay } from '../../src/domain/mobile/workingDays.js';

const msk = (iso: string) => Date.parse(`${iso}+03:00`);

describe('working days on the Moscow calendar (R-MOB-8)', () => {
  it('R-MOB-8: weekends and public holidays are not working days', () => {
    expect(isWorkingDay(msk('2026-11-23T10:00:00'))).toBe(true); // Monday
    expect(isWorkingDay(msk('2026-11-22T10:00:00'))).toBe(false); // Sunday
    expect(isWorkingDay(msk('2026-11-21T10:00:00'))).toBe(false); // Saturday
    expect(isWorkingDay(msk('2026-11-04T10:00:00'))).toBe(false); // Unity Day, a Wednesday
    expect(isWorkingDay(msk('2027-01-05T10:00:00'))).toBe(false); // New Year holidays
    // 23:30 UTC on a Friday is already Saturday in Moscow
    expect(isWorkingDay(Date.parse('2026-11-20T23:30:00Z'))).toBe(false);
  });

  it('R-MOB-8: 7 working days skip the weekend: Friday → the Tuesday after next', () => {
    expect(addWorkingDays(msk('2026-11-20T10:00:00'), 7)).toBe(msk('2026-12-01T10:00:00'));
    expect(addWorkingDays(msk('2026-11-20T10:00:00'), 1)).toBe(msk('2026-11-23T10:00:00'));
    expect(addWorkingDays(msk('2026-11-23T10:00:00'), 0)).toBe(msk('2026-11-23T10:00:00'));
  });

  it('R-MOB-8: and public holidays: from Wednesday 30 December, 7 working days end on Monday 18 January', () => {
    // 31 December (Thursday), then 1–8 January are holidays and 9–10 a weekend: 11, 12, 13, 14, 15, 18 January
    expect(addWorkingDays(msk('2026-12-30T12:00:00'), 7)).toBe(msk('2027-01-18T12:00:00'));
  });
});
