/** The acceptor's one key→banknote map (issue 10, item 4): the keymap, the recorder and tapes read it. */
import { describe, expect, it } from 'vitest';
import { BANKNOTE_KEYS, FOREIGN_NOTE_KEY, banknoteKeyLegend, keyOfNote, noteOfKey } from '../../src/domain/cash/banknoteKeys.js';
import { BANKNOTES } from '../../src/domain/rules.js';

describe('the key→banknote map', () => {
  it('gives every banknote, in order, a digit key 1–8 and its US-layout Shift key for a worn one', () => {
    expect(BANKNOTE_KEYS.map((k) => k.note)).toEqual([...BANKNOTES]);
    expect(BANKNOTE_KEYS.map((k) => k.good).join('')).toBe('12345678');
    expect(BANKNOTE_KEYS.map((k) => k.worn).join('')).toBe('!@#$%^&*');
  });

  it('reads both ways: each key inserts its note, each note is inserted by its key', () => {
    for (const { note, good, worn } of BANKNOTE_KEYS) {
      expect(noteOfKey(good)).toEqual({ note, worn: false });
      expect(noteOfKey(worn)).toEqual({ note, worn: true });
      expect(keyOfNote(note, false)).toBe(good);
      expect(keyOfNote(note, true)).toBe(worn);
    }
  });

  it('no other key inserts a banknote (the foreign-note key, 9, letters, several keys at once)', () => {
    for (const key of [FOREIGN_NOTE_KEY, '9', 'p', '', '12', '\x1b']) expect(noteOfKey(key)).toBeNull();
  });

  it('a note no key inserts is a bug of the caller, named in the error', () => {
    expect(() => keyOfNote(3 as (typeof BANKNOTES)[number], false)).toThrow('no key inserts a 3 ₽ note');
  });

  it('names the good-note keys for the cash screen', () => {
    expect(banknoteKeyLegend()).toBe('1=10 2=50 3=100 4=200 5=500 6=1000 7=2000 8=5000');
  });
});
