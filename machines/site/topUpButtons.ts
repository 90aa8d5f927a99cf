/**
 * R-MOB-10: the site's "Top up a phone" page (PC and app): the phone, then the amount in whole rubles
 * typed after it; Place sends it to the store, which places it as an order (code by SMS, 1 hour) or
 * refuses it over the month's allowance. Buttons as data; the form is one context field.
 */
import { isValidPhoneDigits, PHONE_DIGITS } from '../../src/domain/mobile/phone.js';
import type { SiteTopUpDecision } from '../../src/domain/mobile/siteTopUp.js';
import type { Money } from '../../src/domain/money.js';
import type { Button } from '../buttons.js';
import { typeDigits } from '../terminal/kioskContext.js';
import type { PlacedOrder } from './siteContext.js';

export type TopUpScreen = 'topUp';
export type TopUpButtonEvent = { type: 'site.placeTopUp' } | { type: 'nav.back' } | { type: 'input.backspace' };

/** Whole rubles: four digits are more than the month's allowance (1,500 ₽). */
export const TOPUP_AMOUNT_DIGITS = 4;

export type TopUpRefusal = Extract<SiteTopUpDecision, { kind: 'overMonthlyLimit' }>;

export interface SiteTopUpForm {
  /** the phone to top up: ten digits from 9 */
  digits: string;
  /** the amount in whole rubles, typed once the phone is complete */
  amountDigits: string;
  /** the store's refusal of the last Place (R-MOB-10), until the form changes */
  refusal: TopUpRefusal | null;
}

export const noTopUp = (): SiteTopUpForm => ({ digits: '', amountDigits: '', refusal: null });

/** The amount typed, as money; null while nothing (or only zeros) is typed. */
export const topUpAmount = (form: SiteTopUpForm): Money | null => (Number(form.amountDigits) > 0 ? `${String(Number(form.amountDigits))}.00` : null);

export const topUpComplete = (form: SiteTopUpForm): boolean => isValidPhoneDigits(form.digits) && topUpAmount(form) !== null;

/** Digits fill the phone first (from 9, as everywhere), then the amount. */
export function typeTopUp(form: SiteTopUpForm, text: string): { topUp: SiteTopUpForm; notice: string | null } {
  if (form.digits.length < PHONE_DIGITS) {
    const { digits, notice } = typeDigits(form.digits, text, PHONE_DIGITS);
    if (digits.length > 0 && digits[0] !== '9') return { topUp: noTopUp(), notice: 'hint.phoneStartsWith9' };
    // what overflows the phone is the start of the amount
    const rest = (form.digits + text.replace(/\D/g, '')).slice(PHONE_DIGITS);
    const amount = typeDigits('', rest, TOPUP_AMOUNT_DIGITS);
    return { topUp: { digits, amountDigits: amount.digits, refusal: null }, notice: rest ? amount.notice : notice };
  }
  const { digits, notice } = typeDigits(form.amountDigits, text, TOPUP_AMOUNT_DIGITS);
  return { topUp: { ...form, amountDigits: digits, refusal: null }, notice };
}

/** Backspace erases the amount first, then the phone. */
export const eraseTopUp = (form: SiteTopUpForm): SiteTopUpForm =>
  form.amountDigits !== '' ? { ...form, amountDigits: form.amountDigits.slice(0, -1), refusal: null } : { ...form, digits: form.digits.slice(0, -1), refusal: null };

export function topUpButtons(form: SiteTopUpForm): Button<TopUpButtonEvent>[] {
  const place: Button<TopUpButtonEvent> = { id: 'place', label: 'site.topUp.place', event: { type: 'site.placeTopUp' }, enabled: true };
  const why = isValidPhoneDigits(form.digits) ? 'site.topUp.amountMissing' : 'notice.phoneIncomplete';
  return [
    topUpComplete(form) ? place : { ...place, enabled: false, whyDisabled: why },
    { id: 'backspace', label: 'button.backspace', event: { type: 'input.backspace' }, hotkey: 'backspace', enabled: true },
    { id: 'back', label: 'button.back', event: { type: 'nav.back' }, hotkey: 'esc', enabled: true },
  ];
}

/** What Place asks the store: top up `phone` by `amount`; the code goes to `orderPhone`. */
export interface PlaceTopUpInput {
  phone: string;
  amount: Money;
  orderPhone: string;
  channel: 'pc' | 'app';
}

export type PlaceTopUpOutput = { kind: 'placed'; placed: PlacedOrder } | { kind: 'refused'; refusal: TopUpRefusal };
