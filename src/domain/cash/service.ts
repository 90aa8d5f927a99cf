/**
 * The terminal's service mode, for the salon's staff: a hidden key sequence on the idle screen, then
 * a PIN [choice 0000, `--service-pin`]; three wrong PINs lock the service login for 5 minutes of the
 * program's clock. Data only; the kiosk machine runs it.
 */
import { DEFAULT_CASSETTE_CAPACITY } from './cassette.js';
import type { KioskRules } from '../rules.js';

/** Typed on the idle screen (where any other key starts a customer's session), it opens the PIN screen. */
export const SERVICE_SEQUENCE = '*#*#';
export const DEFAULT_SERVICE_PIN = '0000';
export const SERVICE_ATTEMPTS = 3;
export const SERVICE_LOCKOUT_MS = 5 * 60_000;
export const SERVICE_PIN_MAX = 8;

/** A PIN the kiosk accepts: 4 to 8 digits. */
export const isServicePin = (pin: string): boolean => /^\d{4,8}$/.test(pin);

export const servicePinOf = (rules: Pick<KioskRules, 'servicePin'>): string => rules.servicePin ?? DEFAULT_SERVICE_PIN;
export const cassetteCapacityOf = (rules: Pick<KioskRules, 'cassetteCapacity'>): number => rules.cassetteCapacity ?? DEFAULT_CASSETTE_CAPACITY;

/** The keys typed so far still lead to the sequence: what is kept of them after one more key. */
export function serviceKeysAfter(typed: string, key: string): string {
  const next = typed + key;
  if (SERVICE_SEQUENCE.startsWith(next)) return next;
  return SERVICE_SEQUENCE.startsWith(key) ? key : '';
}
