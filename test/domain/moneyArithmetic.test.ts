/** Money as exact rubles and kopecks: parsing, arithmetic, commissions and the printed form. */
import { describe, expect, it } from 'vitest';
import { add, cmp, formatMoney, isPositive, isZero, max, min, money, percentOf, sub, ZERO } from '../../src/domain/money.js';

describe('money', () => {
  it.each([
    ['4750', '4750.00'],
    ['4750.5', '4750.50'],
    ['4 750,50', '4750.50'],
    ['4\u00a0750,05', '4750.05'],
    ['-250', '-250.00'],
    [4750, '4750.00'],
    [0, '0.00'],
  ] as const)('reads %j as %s', (value, amount) => {
    expect(money(value)).toBe(amount);
  });

  it.each(['', 'abc', '4750.555', '1.2.3', '47a0', 'x4750', '4750x', '.50', '4750.', '--5'])('refuses %j', (value) => {
    expect(() => money(value)).toThrow(`not an amount of money: "${value}"`);
  });

  it('refuses a number with fractions of a kopeck', () => {
    expect(() => money(0.125)).toThrow(RangeError);
  });
});

describe('arithmetic, exact to the kopeck', () => {
  it('adds any number of amounts without binary-float error', () => {
    expect(add('0.10', '0.20')).toBe('0.30');
    expect(add('4750.00', '250.00', '0.01')).toBe('5000.01');
    expect(add()).toBe(ZERO);
    expect(sub('5000.00', '4750.00')).toBe('250.00');
    expect(sub('100.00', '100.01')).toBe('-0.01');
  });

  it('stays exact beyond twenty significant digits (decimal.js would round at its default 20)', () => {
    expect(add('123456789012345678901.23', '0.01')).toBe('123456789012345678901.24');
    expect(sub('123456789012345678901.23', '0.01')).toBe('123456789012345678901.22');
  });

  it('compares, and picks the smaller or larger amount', () => {
    expect(cmp('100.00', '99.99')).toBe(1);
    expect(cmp('99.99', '100.00')).toBe(-1);
    expect(cmp('100.00', '100.00')).toBe(0);
    expect(min('4750.00', '15000.00')).toBe('4750.00');
    expect(min('15000.00', '4750.00')).toBe('4750.00');
    expect(max('4750.00', '15000.00')).toBe('15000.00');
    expect(max('15000.00', '4750.00')).toBe('15000.00');
  });

  it('tells positive and zero amounts apart', () => {
    expect(isPositive('0.01')).toBe(true);
    expect(isPositive('0.00')).toBe(false);
    expect(isPositive('-0.01')).toBe(false);
    expect(isZero('0.00')).toBe(true);
    expect(isZero('0.01')).toBe(false);
    expect(isZero('-0.01')).toBe(false);
  });
});

describe('percentOf', () => {
  it.each([
    ['4750.00', '0.95', '45.13'], // MTS: 45.125 rounds half up
    ['4750.00', '1.95', '92.63'], // MegaFon: 92.625
    ['4750.00', '3.9', '185.25'], // Beeline
    ['990.00', '2.45', '24.26'], // Tele2: 24.255
    ['1000.00', '2.35', '23.50'],
    ['0.00', '3.9', '0.00'],
    ['100.00', '0.004', '0.00'], // 0.004 kopeck rounds down
  ])('R-MOB-3: the commission on %s at %s %% is %s, half-up to the kopeck', (amount, percent, commission) => {
    expect(percentOf(amount, percent)).toBe(commission);
  });
});

describe('formatMoney', () => {
  it('groups millions and more by threes', () => {
    expect(formatMoney('1234567.89', 'en')).toBe('1,234,567.89\u00a0₽');
    expect(formatMoney('1234567890.00', 'ru')).toBe('1\u00a0234\u00a0567\u00a0890,00\u00a0₽');
    expect(formatMoney('100000.00', 'en')).toBe('100,000.00\u00a0₽');
    expect(formatMoney('999.99', 'en')).toBe('999.99\u00a0₽');
  });

  it('puts the minus sign of a negative amount before it, in both languages; zero has none', () => {
    expect(formatMoney('-1234567.00', 'ru')).toBe('-1\u00a0234\u00a0567,00\u00a0₽');
    expect(formatMoney('-0.50', 'en')).toBe('-0.50\u00a0₽');
    expect(formatMoney('0.00', 'ru')).toBe('0,00\u00a0₽');
  });
});
