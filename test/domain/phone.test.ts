/** Russian mobile numbers: the keypad mask, the accepted spellings, and the operator guessed from the DEF code. */
import { describe, expect, it } from 'vitest';
import { formatPhone, guessOperator, isValidPhoneDigits, maskPhone, parsePhone, PHONE_DIGITS, toE164 } from '../../src/domain/mobile/phone.js';

describe('guessOperator', () => {
  // Each DEF range at both ends: a number from it is that operator's (the phone screen preselects it).
  it.each([
    ['9101234567', 'mts'],
    ['9191234567', 'mts'],
    ['9801234567', 'mts'],
    ['9891234567', 'mts'],
    ['9201234567', 'megafon'],
    ['9391234567', 'megafon'],
    ['9031234567', 'beeline'],
    ['9061234567', 'beeline'],
    ['9091234567', 'beeline'],
    ['9601234567', 'beeline'],
    ['9691234567', 'beeline'],
    ['9001234567', 'tele2'],
    ['9021234567', 'tele2'],
    ['9501234567', 'tele2'],
    ['9531234567', 'tele2'],
    ['9581234567', 'tele2'],
    ['9771234567', 'tele2'],
    ['9911234567', 'tele2'],
    ['9991234567', 'tele2'],
  ] as const)('R-MOB-5: %s is a number of %s', (digits, operator) => {
    expect(guessOperator(digits)).toBe(operator);
  });

  it.each(['9071234567', '9081234567', '9401234567', '9491234567', '9541234567', '9571234567', '9591234567', '9701234567', '9761234567', '9781234567', '9901234567'])(
    'R-MOB-5: %s lies in no range of the four operators: no guess',
    (digits) => {
      expect(guessOperator(digits)).toBeNull();
    },
  );
});

describe('parsePhone', () => {
  it.each([
    ['+7 (916) 123-45-67', '+79161234567'],
    ['+79161234567', '+79161234567'],
    ['89161234567', '+79161234567'],
    ['79161234567', '+79161234567'],
    ['8 916 123 45 67', '+79161234567'],
    ['9161234567', '+79161234567'],
  ])('R-MOB-5: the Russian number %j is %s', (text, e164) => {
    expect(parsePhone(text)).toBe(e164);
  });

  it.each([
    ['19161234567', 'eleven digits not starting with 7 or 8'],
    ['891612345678', 'twelve digits'],
    ['8916123456', 'ten digits starting with 8'],
    ['+380501234567', 'a Ukrainian number'],
    ['+74951234567', 'a Moscow landline'],
    ['', 'nothing'],
  ])('R-MOB-5: %j is refused (%s)', (text) => {
    expect(parsePhone(text)).toBeNull();
  });
});

describe('the keypad', () => {
  it('takes ten digits after +7, the first a 9', () => {
    expect(PHONE_DIGITS).toBe(10);
    expect(isValidPhoneDigits('9161234567')).toBe(true);
    for (const digits of ['916123456', '91612345678', '19161234567', '8161234567', '916123456x', 'x916123456']) {
      expect(isValidPhoneDigits(digits), digits).toBe(false);
    }
    expect(toE164('9161234567')).toBe('+79161234567');
  });

  it('fills the mask as digits come, `_` for the ones still missing', () => {
    expect(maskPhone('')).toBe('+7 (___) ___-__-__');
    expect(maskPhone('9161')).toBe('+7 (916) 1__-__-__');
    expect(maskPhone('9161234567')).toBe('+7 (916) 123-45-67');
  });

  it('formats a stored number for people', () => {
    expect(formatPhone('+79161234567')).toBe('+7 (916) 123-45-67');
    expect(formatPhone('+79167777777')).toBe('+7 (916) 777-77-77');
  });
});
