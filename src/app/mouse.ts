/**
 * Touch as terminals report it: SGR mouse mode (xterm's 1000 + 1006). A kiosk screen is touched,
 * not clicked, so only a press of the first button counts as a tap; releases, other buttons, the
 * wheel and motion are read (so they never turn into stray keys) and ignored.
 */

/** Reports presses and releases (1000) in the SGR encoding (1006): any column, no byte limits. */
export const MOUSE_ON = '\x1b[?1000h\x1b[?1006h';
/** The reverse order of MOUSE_ON: the terminal is left as it was. */
export const MOUSE_OFF = '\x1b[?1006l\x1b[?1000l';

/** `ESC [ < button ; column ; row M|m` (M press, m release), 1-based cells. */
const SGR_MOUSE = /^\x1b\[<(\d+);(\d+);(\d+)([Mm])$/;

export interface Tap {
  /** 1-based row of the cell touched */
  row: number;
  /** 1-based column of the cell touched */
  column: number;
}

/** Any SGR mouse report (press, release, wheel, motion): none of them is a key. */
export function isMouseSequence(sequence: string): boolean {
  return SGR_MOUSE.test(sequence);
}

/** The tap a report is, or null: only a plain press of the first button (no modifier, no motion, no wheel). */
export function tapOf(sequence: string): Tap | null {
  const m = SGR_MOUSE.exec(sequence);
  if (!m || m[4] !== 'M' || Number(m[1]) !== 0) return null;
  const column = Number(m[2]);
  const row = Number(m[3]);
  return row >= 1 && column >= 1 ? { row, column } : null;
}

/** What a terminal sends for a tap on a cell: the press, then the release (a tape's `Tap` writes this). */
export function tapBytes({ row, column }: Tap): string {
  return `\x1b[<0;${column};${row}M\x1b[<0;${column};${row}m`;
}
