/**
 * Time as people write it, for the command line and tapes alike (one parser per kind of value):
 * - durations: "48h", "90s", "1h30m", "500ms", "2d", "1.5h", parsed to whole milliseconds with
 *   integer arithmetic, so "0.1s" is exactly 100 and never 100.00000000000001;
 * - instants: ISO 8601 dates and times, range-checked (no 30 February rolled into March); a time
 *   without an offset is Moscow time, the kiosk's own;
 * - "when": a duration ago ("2h", "-2h") or an instant.
 * Pure: no clock is read here; callers pass `now`.
 */

const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as const;
type Unit = keyof typeof UNIT_MS;
/** Largest unit first; a duration must list its parts in this order, each at most once. */
const UNIT_ORDER: readonly Unit[] = ['d', 'h', 'm', 's', 'ms'];
/** `ms` before `m`, or "500ms" would read as 500 minutes and a stray "s". */
const PART = /(\d+)(?:\.(\d+))?(ms|d|h|m|s)/y;
const MAX_FRACTION_DIGITS = 6;

/** Whole milliseconds in a duration such as "1h30m", or null if the text is not one. */
export function parseDuration(text: string): number | null {
  if (text === '') return null;
  let total = 0;
  let lastRank = -1;
  PART.lastIndex = 0;
  while (PART.lastIndex < text.length) {
    // sticky (`y`): it matches at lastIndex or not at all, so nothing between parts is skipped
    const m = PART.exec(text);
    if (!m) return null;
    const whole = m[1]!;
    const fraction = m[2] ?? '';
    const unit = m[3]!;
    const rank = UNIT_ORDER.indexOf(unit as Unit);
    if (rank <= lastRank) return null;
    lastRank = rank;
    const part = partMs(whole, fraction, UNIT_MS[unit as Unit]);
    if (part === null) return null;
    total += part;
  }
  return Number.isSafeInteger(total) ? total : null;
}

function partMs(whole: string, fraction: string, factor: number): number | null {
  if (fraction.length > MAX_FRACTION_DIGITS) return null;
  const scale = 10 ** fraction.length;
  // Small enough to stay exact: at most 10^6 × 86,400,000 < 2^53.
  const fractionMs = (Number(fraction) * factor) / scale; // Number('') is 0
  // checked apart: beyond 2^52 ms a sum rounds to whole numbers, so its part below a millisecond would be lost
  if (!Number.isInteger(fractionMs)) return null;
  const ms = Number(whole) * factor + fractionMs;
  return Number.isSafeInteger(ms) ? ms : null;
}

/**
 * The shortest tape spelling of a whole number of milliseconds: 5_400_000 → "1h30m". Stops at
 * hours rather than days because the domain speaks of "48 hours" (the code's validity).
 */
export function formatDuration(ms: number): string {
  if (!Number.isSafeInteger(ms)) throw new RangeError(`not a whole number of milliseconds: ${ms}`);
  if (ms === 0) return '0s';
  // Stryker disable next-line EqualityOperator: equivalent, because 0 has returned on the line above
  if (ms < 0) return `-${formatDuration(-ms)}`;
  let rest = ms;
  let out = '';
  for (const unit of ['h', 'm', 's', 'ms'] as const) {
    const count = Math.floor(rest / UNIT_MS[unit]);
    rest -= count * UNIT_MS[unit];
    if (count > 0) out += `${count}${unit}`;
  }
  return out;
}

export const MOSCOW_TIME_ZONE = 'Europe/Moscow';

let moscowParts: Intl.DateTimeFormat | undefined;
/**
 * Made on first use: building it loads ICU's time-zone and date-pattern data, tens of milliseconds
 * that the kiosk's first screen does not need (its clock line is formatted without Intl; issue 16).
 */
const moscowFormat = (): Intl.DateTimeFormat =>
  (moscowParts ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: MOSCOW_TIME_ZONE, hourCycle: 'h23',
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }));

/** How far Moscow's wall clock is ahead of UTC at that instant (from the time-zone database, not a fixed +3 h). */
export function moscowOffsetMs(epochMs: number): number {
  const f = Object.fromEntries(moscowFormat().formatToParts(new Date(epochMs)).map((p) => [p.type, Number(p.value)]));
  const wall = Date.UTC(f.year!, f.month! - 1, f.day!, f.hour!, f.minute!, f.second!);
  return wall - Math.floor(epochMs / 1000) * 1000;
}

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|([+-])(\d{2}):(\d{2}))?)?$/;

export interface InstantOptions {
  /** tapes: the offset is required, so a tape means the same wherever it is read */
  requireOffset?: boolean;
}

/**
 * The instant an ISO 8601 date or date-time names, or null: "2026-11-22", "2026-11-22T10:00",
 * "2026-11-22T10:00:00+03:00", "2025-01-15T10:00:00.250Z". Every field is range-checked, because
 * `Date.parse` quietly rolls 30 February into March. Without an offset the time is Moscow's.
 */
export function parseInstant(text: string, options: InstantOptions = {}): number | null {
  const m = ISO_INSTANT.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((f) => Number(f ?? 0)) as number[];
  const millis = Number((m[7] ?? '').padEnd(3, '0'));
  // Stryker disable next-line StringLiteral: equivalent, because Number('') is 0 as Number('0') is
  const [zone, sign, offsetHours = '0', offsetMinutes = '0'] = m.slice(8);
  if (zone === undefined && options.requireOffset) return null;
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  const valid =
    month! >= 1 && month! <= 12 && day! >= 1 && day! <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59 &&
    Number(offsetHours) <= 14 && Number(offsetMinutes) <= 59;
  if (!valid) return null;
  const wall = Date.UTC(year!, month! - 1, day!, hour, minute, second, millis);
  if (zone === undefined) return wall - moscowOffsetMs(wall - moscowOffsetMs(wall));
  const offset = (sign === '-' ? -1 : 1) * (Number(offsetHours) * 3_600_000 + Number(offsetMinutes) * 60_000);
  return wall - offset;
}

/**
 * "When" on the command line: a duration ago ("2h", "-2h", "1h30m", "3d") or an ISO instant
 * (see parseInstant) → epoch ms; null if the text is neither.
 */
export function parseWhen(text: string, now: number): number | null {
  const trimmed = text.trim();
  const ago = parseDuration(trimmed.startsWith('-') ? trimmed.slice(1) : trimmed);
  if (ago !== null) return now - ago;
  return parseInstant(trimmed);
}
