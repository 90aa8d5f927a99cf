/**
 * Durations as tapes write them: "48h", "90s", "1h30m", "500ms", "2d", "1.5h". Parsed to whole
 * milliseconds with integer arithmetic, so "0.1s" is exactly 100 and never 100.00000000000001.
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
    const start = PART.lastIndex;
    const m = PART.exec(text);
    if (!m || m.index !== start) return null;
    const [, whole = '', fraction = '', unit = ''] = m;
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
  const fractionMs = (Number(fraction || '0') * factor) / scale;
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
