/**
 * Keys → till events, for when the trainee plays the cashier: pure, like src/app/deskKeys.ts,
 * called first by src/app/keyFeed.ts while a desk runs the till. Digits type the code and the
 * cash received; on the change step the terminal's note keys (1–8: 10…5,000 ₽) take a note from
 * the drawer and the coin keys below take a coin; Enter moves the step on; `c` clears the change;
 * `o` opens the shift, `n` calls the next customer, `x` / `z` print the reports; on the code step
 * `s` sends a customer with only the site's order id back for the code (R-CASH-1).
 */
import type { Key } from 'ink';
import type { TillEvent } from '../../machines/desk/till.js';
import { noteOfKey } from '../domain/cash/banknoteKeys.js';
import { money } from '../domain/money.js';
import { hotkeyOf } from './keymap.js';

/** [choice] Coins on the change step: the row under the digits, largest first (q = 10 ₽ … i = 1 kop.). */
export const COIN_KEYS: Readonly<Record<string, string>> = {
  q: '10.00', w: '5.00', e: '2.00', r: '1.00', t: '0.50', y: '0.10', u: '0.05', i: '0.01',
};

/** What Enter does on each step. */
const ENTER: Readonly<Record<string, TillEvent>> = {
  'serving.code': { type: 'till.next' },
  'serving.readBack': { type: 'till.confirm' },
  'serving.received': { type: 'till.next' },
  'serving.change': { type: 'till.pay' },
  'serving.receipt': { type: 'till.handReceipt' },
  'serving.refused': { type: 'till.done' },
  'serving.sentAway': { type: 'till.done' },
};

const TYPES_DIGITS = new Set(['serving.code', 'serving.received']);

/** The till event a key press sends at this step (the till view's `statePath`), or null. */
export function mapTillKey(statePath: string, input: string, key: Partial<Key>): TillEvent | null {
  const hotkey = hotkeyOf(input, key);
  if (hotkey === 'enter') return ENTER[statePath] ?? null;
  // a hotkey, not a digit: it goes before the code step's typing, which would refuse the letter
  if (hotkey === 's' && statePath === 'serving.code') return { type: 'till.sendAway' };
  if (TYPES_DIGITS.has(statePath)) {
    if (hotkey === 'backspace') return { type: 'input.backspace' };
    // letters where amounts go reach the machine, which refuses them with a hint
    if (input && !key.ctrl && !key.meta && !key.escape) return { type: 'input.text', text: input };
    return null;
  }
  if (statePath === 'serving.change' && hotkey) {
    const note = noteOfKey(input);
    if (note && !note.worn) return { type: 'till.give', face: money(note.note) };
    const coin = COIN_KEYS[hotkey];
    if (coin) return { type: 'till.give', face: coin };
    if (hotkey === 'c') return { type: 'till.clearChange' };
  }
  if (hotkey === 'o' && statePath === 'closed') return { type: 'till.openShift' };
  if (hotkey === 'n' && statePath === 'idle') return { type: 'till.nextCustomer' };
  if (hotkey === 'x' || hotkey === 'z') return { type: 'till.report', kind: hotkey === 'x' ? 'X' : 'Z' };
  return null;
}
