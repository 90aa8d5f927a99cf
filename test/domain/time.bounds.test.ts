/**
 * The edges of time.ts's parsers, found by a mutation run (issue 22): each field's largest and
 * smallest legal value, the six-digit fraction, text around a value, the day Moscow's offset changed.
 */
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration, parseInstant, parseWhen } from '../../src/domain/time.js';

describe('parseDuration at its edges', () => {
  it('takes a fraction of six digits and refuses a seventh', () => {
    expect(parseDuration('1.500000h')).toBe(5_400_000);
    expect(parseDuration('1.5000000h')).toBeNull();
  });

  it('refuses a fraction that is not a whole number of milliseconds', () => {
    expect(parseDuration('0.0001s')).toBeNull();
    expect(parseDuration('1.0005s')).toBeNull();
    // 52,125,000 days is past 2^52 ms, where a sum with 86.4 ms would round to a whole number
    expect(parseDuration('52125000.000001d')).toBeNull();
  });
});

describe('formatDuration at its edges', () => {
  it('names the value it cannot write', () => {
    expect(() => formatDuration(1.5)).toThrow('not a whole number of milliseconds: 1.5');
  });
});

describe('parseInstant at its edges', () => {
  it.each([
    ['2026-12-31T23:59:59Z', Date.UTC(2026, 11, 31, 23, 59, 59)],
    ['2026-01-01T00:00:00Z', Date.UTC(2026, 0, 1)],
    ['2026-11-22T10:00+14:00', Date.UTC(2026, 10, 21, 20)],
    ['2026-11-22T10:00+03:59', Date.UTC(2026, 10, 22, 6, 1)],
  ])('reads the last or first legal value of each field: %s', (text, ms) => {
    expect(parseInstant(text)).toBe(ms);
  });

  it.each([
    ['2026-00-10', 'month 0'],
    ['2026-11-00', 'day 0'],
    ['2026-11-22T10:00:60Z', 'second 60'],
    ['2026-11-22T10:00+03:60', 'offset minute 60'],
    ['x2026-11-22', 'text before the date'],
    ['2026-11-22T10:00Zx', 'text after the time'],
  ])('refuses %j (%s)', (text) => {
    expect(parseInstant(text)).toBeNull();
  });

  it('reads a date with spaces around it', () => {
    expect(parseInstant(' 2026-11-22T07:00:00Z ')).toBe(Date.UTC(2026, 10, 22, 7));
  });

  it('takes an instant with its offset when the offset is required', () => {
    expect(parseInstant('2026-11-22T07:00:00Z', { requireOffset: true })).toBe(Date.UTC(2026, 10, 22, 7));
  });

  it("reads Moscow's wall clock by the offset of that moment, around the change of 26 October 2014", () => {
    // the clocks went back from UTC+4 to UTC+3 at 02:00 local (22:00 UTC the day before):
    // 00:30 local was still UTC+4, although 00:30 UTC is already UTC+3
    expect(parseInstant('2014-10-26T00:30')).toBe(Date.UTC(2014, 9, 25, 20, 30));
    expect(parseInstant('2014-10-26T05:00')).toBe(Date.UTC(2014, 9, 26, 2));
  });
});

describe('parseWhen at its edges', () => {
  it('reads a duration with spaces around it', () => {
    const now = Date.UTC(2026, 10, 22, 12);
    expect(parseWhen(' 2h ', now)).toBe(now - 7_200_000);
  });
});
