/**
 * Russian mobile numbers: the `+7 (9XX) XXX-XX-XX` mask, validation, and the operator guessed
 * from the number's DEF code. The ranges are a small, well-known subset (numbers are portable,
 * so the guess is only a default the customer can change).
 */
import type { OperatorId } from '../rules.js';

/** Ten digits after +7, the first being 9. */
export const PHONE_DIGITS = 10;

export const isValidPhoneDigits = (digits: string): boolean => /^9\d{9}$/.test(digits);

/** "+79161234567" from the ten digits entered on the keypad. */
export const toE164 = (digits: string): string => `+7${digits}`;

/** Normalises "+7 (916) 123-45-67", "89161234567" or "+79161234567" to "+79161234567"; null if not a Russian mobile. */
export function parsePhone(text: string): string | null {
  const digits = text.replace(/[^\d]/g, '');
  // Stryker disable next-line ConditionalExpression: equivalent, because a number of any other length starting with 7 or 8 is invalid cut or not
  const ten = digits.length === 11 && /^[78]/.test(digits) ? digits.slice(1) : digits;
  return isValidPhoneDigits(ten) ? toE164(ten) : null;
}

/** Renders typed digits into the mask, `_` for the ones still missing. */
export function maskPhone(digits: string): string {
  const d = digits.padEnd(PHONE_DIGITS, '_');
  return `+7 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8, 10)}`;
}

/** Formats a stored "+79161234567" for people. */
// Stryker disable next-line Regex: equivalent, because a stored number has +7 only at its start
export const formatPhone = (e164: string): string => maskPhone(e164.replace(/^\+7/, ''));

const DEF_RANGES: ReadonlyArray<[number, number, OperatorId]> = [
  [910, 919, 'mts'],
  [980, 989, 'mts'],
  [920, 939, 'megafon'],
  [903, 906, 'beeline'],
  [909, 909, 'beeline'],
  [960, 969, 'beeline'],
  [900, 902, 'tele2'],
  [950, 953, 'tele2'],
  [958, 958, 'tele2'],
  [977, 977, 'tele2'],
  [991, 999, 'tele2'],
];

/** The operator a number most likely belongs to, from its first three digits; null when unknown. */
export function guessOperator(digits: string): OperatorId | null {
  const def = Number(digits.slice(0, 3));
  const hit = DEF_RANGES.find(([lo, hi]) => def >= lo && def <= hi);
  return hit ? hit[2] : null;
}
