/** Money from banknotes, and formatted money that keeps together: its spaces are no-break ones, so no amount wraps (issue 9, item 5). */
import { describe, expect, it } from 'vitest';
import { formatMoney, noteAmount } from '../../src/domain/money.js';
import { sumNotes } from '../../src/domain/cash/settlement.js';
import { BANKNOTES } from '../../src/domain/rules.js';
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

describe('noteAmount: a banknote as money, the one place a note becomes rubles and kopecks', () => {
  it('gives every banknote with its kopecks, and the foreign note (0) as nothing', () => {
    expect(BANKNOTES.map(noteAmount)).toEqual(['10.00', '50.00', '100.00', '200.00', '500.00', '1000.00', '2000.00', '5000.00']);
    expect(noteAmount(0)).toBe('0.00');
  });

  it('sumNotes adds notes through it, exactly', () => {
    expect(sumNotes([5000, 10, 50, 100, 200, 500, 1000, 2000])).toBe('8860.00');
    expect(sumNotes([])).toBe('0.00');
  });
});
