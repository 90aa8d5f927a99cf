import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, moscowOffsetMs, parseDuration, parseInstant, parseWhen } from '../../src/domain/time.js';

describe('parseDuration', () => {
  it.each([
    ['48h', 172_800_000],
    ['90s', 90_000],
    ['1h30m', 5_400_000],
    ['500ms', 500],
    ['2d', 172_800_000],
    ['1d2h3m4s5ms', 93_784_005],
    ['1.5h', 5_400_000],
    ['0.1s', 100],
    ['0.25m', 15_000],
    ['0s', 0],
    ['15m', 900_000],
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    ['', 'empty'],
    ['h', 'no number'],
    ['10', 'no unit'],
    ['30m1h', 'units out of order'],
    ['1h1h', 'a unit twice'],
    ['1.5ms', 'less than a millisecond'],
    ['0.0000001s', 'too many decimals'],
    ['-1h', 'a sign'],
    ['1 h', 'a space'],
    ['1hx', 'trailing junk'],
    ['1H', 'an upper-case unit'],
    ['.5s', 'no whole part'],
    ['999999999999999d', 'beyond a safe integer'],
  ])('rejects %j (%s)', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe('formatDuration', () => {
  it.each([
    [172_800_000, '48h'],
    [5_400_000, '1h30m'],
    [90_000, '1m30s'],
    [500, '500ms'],
    [3_723_004, '1h2m3s4ms'],
    [0, '0s'],
    [-7_200_000, '-2h'],
  ])('writes %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('refuses a fraction of a millisecond', () => {
    expect(() => formatDuration(1.5)).toThrow(RangeError);
  });

  it('round-trips through parseDuration', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (ms) => parseDuration(formatDuration(ms)) === ms),
    );
  });
});

describe('parseInstant', () => {
  it.each([
    ['2026-11-22T10:00:00+03:00', Date.UTC(2026, 10, 22, 7)],
    ['2026-11-22T07:00:00Z', Date.UTC(2026, 10, 22, 7)],
    ['2025-01-15T10:00:00.25Z', Date.UTC(2025, 0, 15, 10, 0, 0, 250)],
    ['2026-11-22T10:00-05:30', Date.UTC(2026, 10, 22, 15, 30)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    // no offset: Moscow's wall clock (UTC+3 since 2014, UTC+4 in 2012 — from the zone database)
    ['2026-11-22T10:00', Date.UTC(2026, 10, 22, 7)],
    ['2026-11-22', Date.UTC(2026, 10, 21, 21)],
    ['2012-06-01T12:00', Date.UTC(2012, 5, 1, 8)],
  ])('reads %s', (text, ms) => {
    expect(parseInstant(text)).toBe(ms);
  });

  it.each([
    ['2026-02-30', 'no 30 February (Date.parse makes it 2 March)'],
    ['2025-02-29T10:00:00Z', 'no 29 February in 2025'],
    ['2026-13-01', 'month 13'],
    ['2026-04-31T10:00:00Z', '31 April'],
    ['2026-11-22T24:00:00Z', 'hour 24'],
    ['2026-11-22T10:60:00Z', 'minute 60'],
    ['2026-11-22T10:00:00+15:00', 'offset beyond 14 hours'],
    ['22.11.2026', 'not ISO'],
    ['2026-11-22T10:00:00', 'offset required'],
  ])('refuses %j (%s)', (text, why) => {
    expect(parseInstant(text, { requireOffset: why === 'offset required' })).toBeNull();
  });
});

describe('parseWhen', () => {
  const now = Date.UTC(2026, 10, 22, 7);
  it.each([
    ['2h', now - 7_200_000],
    ['-2h', now - 7_200_000],
    ['1h30m', now - 5_400_000],
    ['3d', now - 3 * 86_400_000],
    ['2026-11-22T09:00:00+03:00', now - 3_600_000],
  ])('reads %s', (text, ms) => {
    expect(parseWhen(text, now)).toBe(ms);
  });

  it.each(['soon', '2026-02-30', '', '--2h', '2'])('refuses %j', (text) => {
    expect(parseWhen(text, now)).toBeNull();
  });
});

describe('moscowOffsetMs', () => {
  it('is three hours today and four in summer 2011 (from the zone database, not a constant)', () => {
    expect(moscowOffsetMs(Date.UTC(2026, 0, 1))).toBe(3 * 3_600_000);
    expect(moscowOffsetMs(Date.UTC(2011, 6, 1))).toBe(4 * 3_600_000);
  });
});
