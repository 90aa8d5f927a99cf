/**
 * A presentation timeline for an in-process cast. The run itself takes milliseconds (a whole
 * payment in 0.03 s), so its times are useless to a viewer: like VHS's TypingSpeed, each frame
 * comes one typing beat after the one before, a new screen stays up for a pause, and a jump of the
 * simulated clock (`Advance 48h`, a long Wait) becomes a marker and one pause instead of 48 hours.
 * Pure: events in, events out.
 */
import { formatDuration } from '../../domain/time.js';
import type { CastEvent } from '../drivers/virtualTerminal.js';

export interface CastPace {
  /** between two frames of the same screen: one keystroke */
  typingMs: number;
  /** after a frame that shows a new screen, and for a clock jump */
  pauseMs: number;
}

export const DEFAULT_CAST_PACE: CastPace = { typingMs: 80, pauseMs: 1_000 };

/** Simulated time between two events beyond this is a clock jump, not typing (`Type@200ms` stays typing). */
export const CLOCK_JUMP_MS = 1_000;

const ESCAPES = /\x1b\[[0-9;?]*[ -\/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b./g;

/** The rows a frame shows, escapes removed. */
function rowsOf(frame: string): string[] {
  return frame.replace(ESCAPES, '').split(/\r?\n/).map((row) => row.trimEnd());
}

/** A new screen: fewer than half of its text rows are the previous frame's rows at the same place. */
export function isNewScreen(previous: readonly string[], next: readonly string[]): boolean {
  const text = next.map((row, i) => [row, i] as const).filter(([row]) => row.trim() !== '');
  if (text.length === 0) return false;
  const same = text.filter(([row, i]) => previous[i] === row).length;
  return same * 2 < text.length;
}

export function presentationTimeline(events: readonly CastEvent[], pace: CastPace = DEFAULT_CAST_PACE): CastEvent[] {
  const out: CastEvent[] = [];
  let at = 0;
  let sourceAt = events[0]?.at ?? 0;
  let shown: string[] = [];
  for (const event of events) {
    const jump = event.at - sourceAt;
    sourceAt = Math.max(sourceAt, event.at);
    if (jump > CLOCK_JUMP_MS) {
      out.push({ at, kind: 'm', data: `clock +${formatDuration(jump)} (simulated)` });
      at += pace.pauseMs;
    }
    // markers and resizes pass as they are; only output is paced
    if (event.kind !== 'o') {
      out.push({ at, kind: event.kind, data: event.data });
      continue;
    }
    const rows = rowsOf(event.data);
    out.push({ at, kind: 'o', data: event.data });
    at += isNewScreen(shown, rows) ? pace.pauseMs : pace.typingMs;
    shown = rows;
  }
  return out;
}
