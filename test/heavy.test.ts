import { describe, expect, it } from 'vitest';
import { parseFactor } from './heavy.js';

describe('KIOSK_HEAVY: the size of the heavy trials', () => {
  it('unset, empty or 0 is the CI size; 1 is full; N multiplies; anything else is refused by name', () => {
    expect(parseFactor(undefined)).toBe(0);
    expect(parseFactor('')).toBe(0);
    expect(parseFactor('0')).toBe(0);
    expect(parseFactor('1')).toBe(1);
    expect(parseFactor('3')).toBe(3);
    expect(() => parseFactor('yes')).toThrow('KIOSK_HEAVY must be a whole number (0, 1, 2, …), not "yes"');
    expect(() => parseFactor('-1')).toThrow('"-1"');
  });
});
