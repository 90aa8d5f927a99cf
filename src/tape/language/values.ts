/**
 * Readers for the values tape commands take, each failing at its token with what a valid one
 * looks like. Money goes through `money()` and stays a decimal string; phones through `parsePhone`.
 * Also what every command parser gets and returns (`CommandSpec`), shared by the setup and step tables.
 */
import { cmp, isPositive, money, ZERO, type Money } from '../../domain/money.js';
import { parsePhone } from '../../domain/mobile/phone.js';
import { DEFAULT_RULES } from '../../domain/rules.js';
import { parseDuration } from '../../domain/time.js';
import type { Located } from './ast.js';
import type { LineCursor, Token } from './lineCursor.js';

export interface CommandContext {
  cur: LineCursor;
  /** the command word as written, suffix included (`Down@100ms`) */
  head: Token;
  /** `@100ms` after the command word, `@` included; only commands that allow one get it */
  suffix: Token | null;
  /** Records a name allowed once per tape (a Set key, an order number…); fails the second time. */
  once(scope: string, key: string, token: Token, expected: string): void;
  /** the screen's size at this line (`Set Size`, then each `Resize`); absent where it is not known (a templated line) */
  screen?: () => { columns: number; rows: number };
}

/** A command without its location, which the parser adds once the whole line is read. */
export type Body<T> = T extends unknown ? Omit<T, keyof Located> : never;

export interface CommandSpec<T> {
  /** what `@…` after the command word means: VHS's typing speed, Wait's timeout, or nothing */
  suffix: 'none' | 'speed' | 'timeout';
  parse(ctx: CommandContext): Body<T>;
}

export type MoneyRange = 'positive' | 'nonNegative' | 'any';
const MONEY_EXPECTED: Record<MoneyRange, string> = {
  positive: 'an amount above zero like 4750.00',
  nonNegative: 'an amount like 4750.00 (zero or more)',
  any: 'an amount like 120.00',
};

export function readMoney(cur: LineCursor, range: MoneyRange): Money {
  const expected = MONEY_EXPECTED[range];
  const token = cur.word(expected);
  let amount: Money;
  try {
    amount = money(token.raw);
  } catch {
    return cur.failAt(token, expected);
  }
  if (range === 'positive' && !isPositive(amount)) cur.failAt(token, expected);
  if (range === 'nonNegative' && cmp(amount, ZERO) < 0) cur.failAt(token, expected);
  return amount;
}

/** A value read from a token, with the token for later errors (a duplicate, say). */
export interface Read<T> {
  value: T;
  token: Token;
}

/** A Russian mobile number, bare or in double quotes ("+7 (916) 123-45-67"), as +7XXXXXXXXXX. */
export function readPhone(cur: LineCursor): Read<string> {
  const expected = 'a Russian mobile number like +79161234567';
  const token = cur.value(expected);
  return { value: parsePhone(token.value) ?? cur.failAt(token, expected), token };
}

/** The order number from the SMS: as many digits as the kiosk asks for. */
export function readOrderCode(cur: LineCursor): Read<string> {
  const digits = DEFAULT_RULES.orderNumberLength;
  const expected = `a ${digits}-digit order number`;
  const token = cur.word(expected);
  if (!new RegExp(`^\\d{${digits}}$`).test(token.raw)) cur.failAt(token, expected);
  return { value: token.raw, token };
}

export const DURATION_EXAMPLE = 'like 90s, 1h30m or 500ms';

/** Milliseconds in a duration token (or in the part of one after `@` or `-`). */
export function durationOf(cur: LineCursor, token: Token, text: string, positive: boolean): number {
  const expected = positive ? `a duration above zero ${DURATION_EXAMPLE}` : `a duration ${DURATION_EXAMPLE}`;
  const ms = parseDuration(text);
  if (ms === null || (positive && ms === 0)) return cur.failAt(token, expected);
  return ms;
}

export function readDuration(cur: LineCursor, positive: boolean): number {
  const token = cur.word(`a duration ${DURATION_EXAMPLE}`);
  return durationOf(cur, token, token.raw, positive);
}

/** VHS-style repeat count after a key: `Down 3`. Capped so a typo cannot stall a run. */
export const MAX_REPEAT = 1000;
export function readRepeat(cur: LineCursor): number {
  const token = cur.peek();
  if (!token) return 1;
  const expected = `a repeat count from 1 to ${MAX_REPEAT} or end of line`;
  if (token.kind !== 'word' || !/^\d+$/.test(token.raw)) cur.failAt(token, expected);
  const count = Number(token.raw);
  if (count < 1 || count > MAX_REPEAT) cur.failAt(token, expected);
  cur.word(expected);
  return count;
}

/**
 * Keyword options in any order, each at most once (`price 5000.00 paid region RU`); `read`
 * consumes the option's value, if it has one.
 */
export function readOptions(cur: LineCursor, names: readonly string[], read: (name: string, token: Token) => void): void {
  const seen = new Set<string>();
  while (!cur.atEnd()) {
    const next = cur.peek() as Token;
    if (next.kind === 'word' && seen.has(next.raw)) cur.failAt(next, `${next.raw} only once`);
    const remaining = names.filter((name) => !seen.has(name));
    if (next.kind !== 'word' || !remaining.includes(next.raw)) cur.failAt(next, remaining.length > 0 ? `${remaining.join(', ')} or end of line` : 'end of line');
    const token = cur.word('');
    seen.add(token.raw);
    read(token.raw, token);
  }
}
