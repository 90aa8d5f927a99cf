/**
 * Money: rubles and kopecks, exact. Values travel as canonical strings ("4750.00") so machine
 * context stays serialisable; all arithmetic goes through decimal.js, never binary floats.
 */
import Decimal from 'decimal.js';

export type Money = string;
export type Lang = 'ru' | 'en';

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** Parses "4750", "4750.5", "4 750,50" or a whole number of rubles; throws on anything else. */
export function money(value: string | number): Money {
  const text = typeof value === 'number' ? String(value) : value.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d{1,2})?$/.test(text)) throw new RangeError(`not an amount of money: "${value}"`);
  return new D(text).toFixed(2);
}

const dec = (m: Money) => new D(m);
export const ZERO: Money = '0.00';
export const add = (...xs: Money[]): Money => xs.reduce((s, x) => s.plus(dec(x)), new D(0)).toFixed(2);
export const sub = (a: Money, b: Money): Money => dec(a).minus(dec(b)).toFixed(2);
export const cmp = (a: Money, b: Money): number => dec(a).comparedTo(dec(b));
// Stryker disable next-line EqualityOperator: equivalent, because at cmp 0 both amounts are the same canonical string
export const min = (a: Money, b: Money): Money => (cmp(a, b) <= 0 ? a : b);
// Stryker disable next-line EqualityOperator: equivalent, because at cmp 0 both amounts are the same canonical string
export const max = (a: Money, b: Money): Money => (cmp(a, b) >= 0 ? a : b);
export const isPositive = (a: Money): boolean => dec(a).greaterThan(0);
export const isZero = (a: Money): boolean => dec(a).isZero();
/** A banknote's value as money: 5000 → "5000.00" (notes are whole rubles). */
export const noteAmount = (note: number): Money => money(note);
/** Percentage of an amount, rounded half-up to the kopeck (the README's stated [choice]). */
export const percentOf = (a: Money, percent: string): Money =>
  dec(a).times(percent).dividedBy(100).toDecimalPlaces(2, D.ROUND_HALF_UP).toFixed(2);

/** Between digit groups (ru) and before `₽`: a no-break space, so an amount never wraps across lines. */
export const NBSP = '\u00a0';

/** `4 750,00 ₽` in Russian, `4,750.00 ₽` in English; the spaces are no-break ones ({@link NBSP}). */
export function formatMoney(m: Money, lang: Lang): string {
  // Stryker disable next-line StringLiteral: equivalent, because toFixed(2) always gives both parts (the defaults satisfy the types)
  const [whole = '0', kop = '00'] = dec(m).abs().toFixed(2).split('.');
  const sep = lang === 'ru' ? NBSP : ',';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  const sign = dec(m).isNegative() ? '-' : '';
  return `${sign}${grouped}${lang === 'ru' ? ',' : '.'}${kop}${NBSP}₽`;
}
