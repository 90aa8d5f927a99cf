/**
 * The keys of the world, not of a place: F1 Site, F2 Phone, F3 Terminal, F4 Cashier, F5 Post, F6 Training give a place the keys,
 * F9 +1 hour and F10 +1 day move the program's clock. Other function keys do nothing but say so.
 * Ink hands every function key over as '' with no name, so they are read from the raw sequence.
 */
import type { WorldEvent } from '../../machines/world.js';

/** xterm's (and the Linux console's) sequences for F1–F12. */
const FUNCTION_KEYS: Readonly<Record<string, string>> = {
  '\x1bOP': 'F1', '\x1bOQ': 'F2', '\x1bOR': 'F3', '\x1bOS': 'F4',
  '\x1b[11~': 'F1', '\x1b[12~': 'F2', '\x1b[13~': 'F3', '\x1b[14~': 'F4',
  '\x1b[[A': 'F1', '\x1b[[B': 'F2', '\x1b[[C': 'F3', '\x1b[[D': 'F4', '\x1b[[E': 'F5',
  '\x1b[15~': 'F5', '\x1b[17~': 'F6', '\x1b[18~': 'F7', '\x1b[19~': 'F8',
  '\x1b[20~': 'F9', '\x1b[21~': 'F10', '\x1b[23~': 'F11', '\x1b[24~': 'F12',
};

export const HOUR_JUMP_MS = 3_600_000;
export const DAY_JUMP_MS = 24 * HOUR_JUMP_MS;

/** One sequence of each function key, to hand a key on to another world (a running exercise's). */
export const FUNCTION_KEY_SEQUENCES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(FUNCTION_KEYS)
    .reverse()
    .map(([sequence, name]) => [name, sequence]),
);

/** The function key a sequence stands for (`F1`…`F12`), or null. */
export const functionKeyOf = (sequence: string): string | null => FUNCTION_KEYS[sequence] ?? null;

/** What a function key asks of the world. */
export function worldEventOf(fkey: string): WorldEvent {
  switch (fkey) {
    case 'F1':
      return { type: 'place.go', place: 'site' };
    case 'F2':
      return { type: 'place.go', place: 'phone' };
    case 'F3':
      return { type: 'place.go', place: 'terminal' };
    case 'F4':
      return { type: 'place.go', place: 'cashier' };
    case 'F5':
      return { type: 'place.go', place: 'post' };
    case 'F6':
      return { type: 'place.go', place: 'training' };
    case 'F9':
      return { type: 'clock.advance', ms: HOUR_JUMP_MS };
    case 'F10':
      return { type: 'clock.advance', ms: DAY_JUMP_MS };
    default:
      return { type: 'key.unknown', key: fkey };
  }
}
