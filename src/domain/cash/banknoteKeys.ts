/**
 * The emulated bill acceptor's keys, as data: 1–8 insert a good note of 10…5000 ₽, Shift+1…8 (on a
 * US layout `!@#$%^&*`) a worn one, 0 a foreign note. The keymap, the cash screen's legend, the tape
 * recorder (a key on the cash screen → `Insert 5000`) and tapes (`Insert 5000` → a key) all read it.
 */
import type { Banknote } from '../rules.js';

export interface BanknoteKeys {
  note: Banknote;
  /** inserts the note in good condition */
  good: string;
  /** inserts it worn: Shift + the good key on a US layout */
  worn: string;
}

export const BANKNOTE_KEYS: readonly BanknoteKeys[] = [
  { note: 10, good: '1', worn: '!' },
  { note: 50, good: '2', worn: '@' },
  { note: 100, good: '3', worn: '#' },
  { note: 200, good: '4', worn: '$' },
  { note: 500, good: '5', worn: '%' },
  { note: 1000, good: '6', worn: '^' },
  { note: 2000, good: '7', worn: '&' },
  { note: 5000, good: '8', worn: '*' },
];

/** A note the acceptor does not know (foreign money): always handed back. */
export const FOREIGN_NOTE_KEY = '0';

/** The banknote a key inserts on the cash screen, or null for any other key (the foreign-note key included). */
export function noteOfKey(key: string): { note: Banknote; worn: boolean } | null {
  for (const k of BANKNOTE_KEYS) {
    if (key === k.good) return { note: k.note, worn: false };
    if (key === k.worn) return { note: k.note, worn: true };
  }
  return null;
}

/** The key that inserts this banknote, good or worn. */
export function keyOfNote(note: Banknote, worn: boolean): string {
  const keys = BANKNOTE_KEYS.find((k) => k.note === note);
  if (!keys) throw new RangeError(`no key inserts a ${note} ₽ note`);
  return worn ? keys.worn : keys.good;
}

/** `1=10 2=50 … 8=5000`: the legend of good-note keys. */
export const banknoteKeyLegend = (): string => BANKNOTE_KEYS.map((k) => `${k.good}=${k.note}`).join(' ');
