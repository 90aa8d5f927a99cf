/** Tapes write amounts with plain spaces; the screen and the receipt print no-break ones: they match (issue 9, item 5). */
import { describe, expect, it } from 'vitest';
import { findLine } from '../../src/tape/run/assertions.js';
import { frameText } from '../../src/tape/run/snapshot.js';

const lines = ['Сумма к оплате: 4\u00a0750,00\u00a0₽', 'Due 4,750.00\u202f₽'];

describe('tape text matching and no-break spaces', () => {
  it('"4 750,00 ₽" with plain spaces finds the amount printed with U+00A0', () => {
    expect(findLine({ kind: 'text', text: '4 750,00 ₽' }, lines)).toBe(0);
  });

  it('a regex with a literal space finds it too, and U+202F counts as a space', () => {
    expect(findLine({ kind: 'regex', source: 'оплате: 4 750', flags: '' }, lines)).toBe(0);
    expect(findLine({ kind: 'regex', source: '4,750\\.00 ₽$', flags: '' }, lines)).toBe(1);
  });

  it('a text that is not there is still not found', () => {
    expect(findLine({ kind: 'text', text: '4 751,00 ₽' }, lines)).toBe(-1);
  });

  it('golden frames hold plain spaces, so frames before and after the no-break spaces compare equal', () => {
    expect(frameText(lines)).toBe('Сумма к оплате: 4 750,00 ₽\nDue 4,750.00 ₽\n');
  });
});
