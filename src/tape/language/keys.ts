/** What a terminal sends for each VHS key name, and the keys that type a banknote into the acceptor. */
import { keyOfNote } from '../../domain/cash/banknoteKeys.js';
import type { KeyName } from './ast.js';

export const KEY_BYTES: Readonly<Record<KeyName, string>> = {
  Enter: '\r',
  Escape: '\x1b',
  Backspace: '\x7f',
  Tab: '\t',
  Space: ' ',
  Up: '\x1b[A',
  Down: '\x1b[B',
  Right: '\x1b[C',
  Left: '\x1b[D',
  'Ctrl+C': '\x03',
  // xterm's function keys: SS3 for F1–F4, CSI n ~ for the rest
  F1: '\x1bOP',
  F2: '\x1bOQ',
  F3: '\x1bOR',
  F4: '\x1bOS',
  F5: '\x1b[15~',
  F6: '\x1b[17~',
  F7: '\x1b[18~',
  F8: '\x1b[19~',
  F9: '\x1b[20~',
  F10: '\x1b[21~',
  F11: '\x1b[23~',
  F12: '\x1b[24~',
};

/** The key `Insert 5000 [worn]` presses: the acceptor's one key→banknote map (src/domain/cash/banknoteKeys.ts). */
export const noteKey = keyOfNote;

/** Button hotkeys as the keymap names them → the bytes that press them. */
const HOTKEY_BYTES: Readonly<Record<string, string>> = { esc: '\x1b', backspace: '\x7f', tab: '\t', enter: '\r' };

export const hotkeyBytes = (hotkey: string): string => HOTKEY_BYTES[hotkey] ?? hotkey;

/** The key name a recorded byte sequence stands for (for `kiosk tape record`), or null for plain text. */
export function keyNameOf(bytes: string): KeyName | null {
  if (bytes === '\n') return 'Enter';
  if (bytes === '\b') return 'Backspace';
  for (const [name, seq] of Object.entries(KEY_BYTES)) if (seq === bytes) return name as KeyName;
  return null;
}
