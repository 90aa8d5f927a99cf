/**
 * Keys → terminal events, per input mode. Pure, so the same mapping serves Ink's `useInput`, the
 * tape runner and tests. Anything unmapped is ignored, so no key can crash the app.
 */
import type { Key } from 'ink';
import { FOREIGN_NOTE_KEY, noteOfKey } from '../domain/cash/banknoteKeys.js';
import type { TerminalEvent } from '../../machines/terminal.js';
import type { View } from './view.js';
import { latinOf } from '../i18n/keyboardLayout.js';

export type KeyAction = { kind: 'send'; event: TerminalEvent } | { kind: 'quit' } | { kind: 'none' };

const send = (event: TerminalEvent): KeyAction => ({ kind: 'send', event });
const NONE: KeyAction = { kind: 'none' };

/** The hotkey name of a key press, as buttons spell them; a Russian-layout letter names its key's Latin letter. */
export function hotkeyOf(input: string, key: Partial<Key>): string | null {
  if (key.escape) return 'esc';
  if (key.backspace || key.delete) return 'backspace';
  if (key.tab) return 'tab';
  if (key.return) return 'enter';
  if (input.length === 1 && !key.ctrl && !key.meta) {
    const lower = input.toLowerCase();
    return latinOf(lower);
  }
  return null;
}

function arrow(key: Partial<Key>): KeyAction | null {
  const dir = key.upArrow ? 'up' : key.downArrow ? 'down' : key.leftArrow ? 'left' : key.rightArrow ? 'right' : null;
  return dir ? send({ type: 'nav.move', dir }) : null;
}

function buttonFor(view: View, hotkey: string | null): KeyAction | null {
  if (!hotkey) return null;
  const button = view.buttons.find((b) => b.hotkey === hotkey);
  return button ? send({ type: 'nav.press', id: button.id }) : null;
}

function cashNote(input: string): KeyAction | null {
  // Ink hands Esc, Tab, Backspace, PgUp, F-keys… over as '' — and ''.indexOf would find it at 0 (a 10 ₽ note).
  if (input.length !== 1) return null;
  if (input === FOREIGN_NOTE_KEY) return send({ type: 'cash.inserted', note: 0 });
  const keyed = noteOfKey(input);
  return keyed ? send({ type: 'cash.inserted', note: keyed.note, condition: keyed.worn ? 'worn' : 'good' }) : null;
}

/** Ctrl+C anywhere (and q on the idle and fault screens) asks the terminal to quit: it decides when (machines/terminal.ts). */
export function mapKey(view: View, input: string, key: Partial<Key>): KeyAction {
  if (key.ctrl && input === 'c') return { kind: 'quit' };
  const hotkey = hotkeyOf(input, key);
  switch (view.mode) {
    case 'closed':
      return NONE;
    case 'halted':
      return hotkey === 'q' ? { kind: 'quit' } : NONE;
    case 'busy':
      return NONE;
    case 'wake':
      // H opens Help even here; * and # are the staff's hidden service sequence; any other key wakes the terminal
      if (input === '*' || input === '#') return send({ type: 'service.key', key: input });
      return hotkey === 'q' ? { kind: 'quit' } : (buttonFor(view, hotkey) ?? send({ type: 'kiosk.wake' }));
    case 'acknowledge':
      return send({ type: 'recovered.ok' });
    case 'digits':
      if (hotkey === 'backspace') return send({ type: 'input.backspace' });
      if (hotkey === 'enter') return send({ type: 'nav.activate' });
      return arrow(key) ?? buttonFor(view, hotkey) ?? (input && !key.ctrl && !key.meta ? send({ type: 'input.text', text: input }) : NONE);
    case 'cash':
      return (key.return ? send({ type: 'nav.activate' }) : null) ?? arrow(key) ?? buttonFor(view, hotkey) ?? cashNote(input) ?? NONE;
    case 'dialog':
      // the cash dialogs: a note key still inserts a note (the acceptor stays open), never a silent drop
      return (key.return ? send({ type: 'nav.activate' }) : null) ?? arrow(key) ?? buttonFor(view, hotkey) ?? cashNote(input) ?? NONE;
    case 'buttons':
      // Esc on a screen with no Back button still means back (the receipt: finish); the screen decides
      return (key.return ? send({ type: 'nav.activate' }) : null) ?? arrow(key) ?? buttonFor(view, hotkey) ??
        (hotkey === 'esc' ? send({ type: 'nav.back' }) : NONE);
  }
}

const CONTROL_CHARS: Record<string, Partial<Key>> = { '\r': { return: true }, '\n': { return: true }, '\t': { tab: true }, '\x7f': { delete: true }, '\b': { backspace: true } };
const ESCAPES: Record<string, Partial<Key>> = {
  '\x1b': { escape: true }, '\x1b[A': { upArrow: true }, '\x1b[B': { downArrow: true }, '\x1b[C': { rightArrow: true }, '\x1b[D': { leftArrow: true },
  '\x1bOA': { upArrow: true }, '\x1bOB': { downArrow: true }, '\x1bOC': { rightArrow: true }, '\x1bOD': { leftArrow: true },
  '\x1b[5~': { pageUp: true }, '\x1b[6~': { pageDown: true }, '\x1b[3~': { delete: true },
};
/** One key: a CSI or SS3 escape sequence, a lone Esc, or one character. */
export const KEY_TOKENS = /\x1b\[[0-9;]*[~A-Za-z]|\x1bO.|\x1b|[\s\S]/gu;

/** One key of a chunk as Ink would have handed it over alone: Ctrl+letter is the letter with ctrl. */
export function keyOf(token: string): [string, Partial<Key>] {
  if (token.startsWith('\x1b')) return ['', ESCAPES[token] ?? {}];
  const control = CONTROL_CHARS[token];
  if (control) return [token, control];
  const code = token.charCodeAt(0);
  if (token.length === 1 && code >= 1 && code <= 26) return [String.fromCharCode(code + 96), { ctrl: true }];
  return [token, {}];
}

/**
 * Fast typing, tmux and pastes deliver several keys in one chunk (Ctrl+C and arrows included); they
 * are replayed one at a time so each lands on the screen it was meant for (a paste into a field is
 * then cut to its length).
 */
export function splitKeys(input: string, key: Partial<Key>): Array<[string, Partial<Key>]> {
  // Ink reads "\x1b\x1b" as one meta+Esc with input "\x1b": that is two presses of Esc
  if (key.escape && key.meta && input === '\x1b') return [['', { escape: true }], ['', { escape: true }]];
  if (input.length <= 1 || key.ctrl || key.meta) return [[input, key]];
  const tokens = input.match(KEY_TOKENS) ?? [];
  // a chunk Ink recognised as one escape sequence (an arrow, a function key) stays whole
  if (tokens.length === 1) return [[input, key]];
  return tokens.map(keyOf);
}
