/**
 * Turns what a person does at the kiosk into tape lines: keys, typed text, banknotes and clock
 * jumps, with the real pauses between them as `Advance` (the recording's clock follows real time).
 */
import type { View } from '../app/view.js';
import type { DeskView } from '../../machines/desk/deskView.js';
import { noteOfKey } from '../domain/cash/banknoteKeys.js';
import { formatDuration } from '../domain/time.js';
import { keyNameOf } from '../tape/language/keys.js';

/** Pauses shorter than this are typing rhythm, not waiting; they are not written. */
export const MIN_PAUSE_MS = 1_000;

export class TapeRecorder {
  readonly lines: string[] = [];
  private typed = '';
  private lastKey: { name: string; count: number } | null = null;

  /** A pause before the next input, in real milliseconds (rounded down to 100 ms). */
  pause(ms: number): void {
    if (ms < MIN_PAUSE_MS) return;
    this.flush();
    this.lines.push(`Advance ${formatDuration(Math.floor(ms / 100) * 100)}`);
  }

  /** A clock jump the person asked for (F9–F12 while recording). */
  jump(ms: number): void {
    this.flush();
    this.lines.push(`Advance ${formatDuration(ms)}`);
  }

  /**
   * One chunk of input, read against the screen it was typed on: the terminal's, or a desk's when
   * the keys are at the cashier or the Post (its notes are handed over as `Insert` too).
   */
  input(chunk: string, view: View, desk: DeskView | null = null): void {
    const takesNotes = desk ? desk.mode === 'notes' : view.screen === 'cash';
    const note = takesNotes ? noteOfKey(chunk) : null;
    if (note) {
      this.flush();
      this.lines.push(`Insert ${note.note}${note.worn ? ' worn' : ''}`);
      return;
    }
    const name = keyNameOf(chunk);
    if (name && name !== 'Space') {
      this.flushText();
      if (this.lastKey?.name === name) this.lastKey.count++;
      else {
        this.flushKey();
        this.lastKey = { name, count: 1 };
      }
      return;
    }
    const printable = [...chunk].filter((ch) => ch >= ' ' && ch !== '\x7f').join('');
    if (printable === '') return;
    this.flushKey();
    this.typed += printable;
  }

  /** A tap on a button (issue 21), written as the tape word that taps it by its label. */
  tap(label: string): void {
    this.flush();
    this.lines.push(`Tap ${quote(label)}`);
  }

  /** A tap on no button (`kiosk tape record`): the cell, row then column, as the tape word takes it. */
  tapCell({ row, column }: { row: number; column: number }): void {
    this.flush();
    this.lines.push(`Tap ${row},${column}`);
  }

  /** The finished tape body (everything after Launch). */
  finish(): string[] {
    this.flush();
    return this.lines;
  }

  private flush(): void {
    this.flushText();
    this.flushKey();
  }

  private flushText(): void {
    if (this.typed === '') return;
    this.lines.push(`Type ${quote(this.typed)}`);
    this.typed = '';
  }

  private flushKey(): void {
    if (!this.lastKey) return;
    this.lines.push(this.lastKey.count > 1 ? `${this.lastKey.name} ${this.lastKey.count}` : this.lastKey.name);
    this.lastKey = null;
  }
}

/** A tape string: double quotes (backslash-escaped), or backticks/single quotes when those need no escaping. */
function quote(typed: string): string {
  // `$name` and `${` would read as a tape variable: `$$` writes the `$` itself
  const text = typed.replace(/\$(?=[A-Za-z_{])/g, '$$$$');
  if (!/["\\]/.test(text)) return `"${text}"`;
  if (!text.includes('`')) return `\`${text}\``;
  if (!text.includes("'")) return `'${text}'`;
  return `"${text.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`;
}
