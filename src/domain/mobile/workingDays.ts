/**
 * Working days in Russia, on Moscow's calendar (R-MOB-8 [choice]): weekends skipped, and the public
 * holidays of the Labour Code (art. 112) as data. The government's yearly moves of days off are not
 * in the table; a year's extra days off are rows in EXTRA_DAYS_OFF.
 */
import { DAY_MS } from '../rules.js';
import { moscowOffsetMs } from '../time.js';

/** Art. 112: 1–6 and 8 January, 7 January (Christmas), 23 February, 8 March, 1 May, 9 May, 12 June, 4 November. */
export const PUBLIC_HOLIDAYS: readonly string[] = [
  '01-01', '01-02', '01-03', '01-04', '01-05', '01-06', '01-07', '01-08', '02-23', '03-08', '05-01', '05-09', '06-12', '11-04',
];

/** Days off a government decree adds in a given year (YYYY-MM-DD), e.g. a holiday moved off a weekend. */
export const EXTRA_DAYS_OFF: readonly string[] = [];

/** The Moscow calendar date of an instant, as YYYY-MM-DD, and its weekday (0 Sunday … 6 Saturday). */
function moscowDate(at: number): { iso: string; weekday: number } {
  const wall = new Date(at + moscowOffsetMs(at));
  return { iso: wall.toISOString().slice(0, 10), weekday: wall.getUTCDay() };
}

export function isWorkingDay(at: number): boolean {
  const { iso, weekday } = moscowDate(at);
  return weekday !== 0 && weekday !== 6 && !PUBLIC_HOLIDAYS.includes(iso.slice(5)) && !EXTRA_DAYS_OFF.includes(iso);
}

/** The instant `days` working days after `at`, at the same time of day (the day of `at` itself does not count). */
export function addWorkingDays(at: number, days: number): number {
  let t = at;
  for (let counted = 0; counted < days; ) {
    t += DAY_MS;
    if (isWorkingDay(t)) counted++;
  }
  return t;
}
