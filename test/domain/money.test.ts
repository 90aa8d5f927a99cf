/** Formatted money keeps together: its spaces are no-break ones, so no amount wraps across lines (issue 9, item 5). */
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/domain/money.js';
import { formatNote } from '../../src/i18n/format.js';

describe('formatMoney', () => {
  it.each([
    ['ru', '4750.00', '4\u00a0750,00\u00a0₽'],
    ['ru', '1000000.50', '1\u00a0000\u00a0000,50\u00a0₽'],
    ['ru', '250.00', '250,00\u00a0₽'],
    ['en', '4750.00', '4,750.00\u00a0₽'],
    ['en', '-15000.00', '-15,000.00\u00a0₽'],
  ] as const)('%s %s → %j: no breaking space inside', (lang, amount, shown) => {
    expect(formatMoney(amount, lang)).toBe(shown);
    expect(formatMoney(amount, lang)).not.toContain(' ');
  });

  it('a banknote drops the kopecks and keeps the no-break space before ₽', () => {
    expect(formatNote(5000, 'ru')).toBe('5\u00a0000\u00a0₽');
    expect(formatNote(10, 'en')).toBe('10\u00a0₽');
  });
});
