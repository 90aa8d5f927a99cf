import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../src/tape/duration.js';

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
