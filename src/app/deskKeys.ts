/**
 * Keys → desk events, as src/app/keymap.ts does for the terminal: arrows, Enter and hotkeys on the
 * buttons, Esc back; digits type the code; on the cash screen the terminal's note keys hand notes
 * over (src/domain/cash/banknoteKeys.ts: 1–8 good, Shift+1–8 worn, 0 foreign); ↑/↓ scroll a receipt.
 * Pure; the world's key routing calls it while a desk has the keys.
 */
import type { Key } from 'ink';
import type { DeskEvent } from '../../machines/desk/deskContext.js';
import type { DeskView } from '../../machines/desk/deskView.js';
import { FOREIGN_NOTE_KEY, noteOfKey } from '../domain/cash/banknoteKeys.js';
import { hotkeyOf } from './keymap.js';

const DIRECTIONS = [['upArrow', 'up'], ['downArrow', 'down'], ['leftArrow', 'left'], ['rightArrow', 'right']] as const;

/** Lines a receipt moves per ↑/↓ (PgUp/PgDn move a screenful). */
const SCROLL_STEP = 1;
const PAGE = 10;

function note(input: string): DeskEvent | null {
  // Ink hands Esc, Tab, F-keys… over as '': never a note
  if (input.length !== 1) return null;
  if (input === FOREIGN_NOTE_KEY) return { type: 'desk.note', note: 0, worn: false };
  const keyed = noteOfKey(input);
  return keyed ? { type: 'desk.note', note: keyed.note, worn: keyed.worn } : null;
}

/** The desk event a key press sends on this screen, or null when it means nothing here. */
export function mapDeskKey(view: DeskView, input: string, key: Partial<Key>): DeskEvent | null {
  if (view.mode === 'busy') return null;
  if (view.mode === 'receipt') {
    if (key.upArrow) return { type: 'desk.scroll', lines: -SCROLL_STEP };
    if (key.downArrow) return { type: 'desk.scroll', lines: SCROLL_STEP };
    if (key.pageUp) return { type: 'desk.scroll', lines: -PAGE };
    if (key.pageDown) return { type: 'desk.scroll', lines: PAGE };
  }
  const dir = DIRECTIONS.find(([name]) => key[name])?.[1];
  if (dir) return { type: 'nav.move', dir };
  if (view.mode === 'notes') {
    const handed = note(input);
    if (handed) return handed;
  }
  const hotkey = hotkeyOf(input, key);
  const button = view.buttons.find((b) => b.hotkey === hotkey);
  if (button) return { type: 'nav.press', id: button.id };
  if (hotkey === 'enter') return { type: 'nav.activate' };
  if (hotkey === 'esc') return { type: 'nav.back' };
  if (view.mode === 'digits' && input && !key.ctrl && !key.meta) return { type: 'input.text', text: input };
  return null;
}
