/**
 * asciicast v2 (https://docs.asciinema.org/manual/asciicast/v2/): a JSON header line, then one
 * `[seconds, code, data]` line per event: "o" terminal output, "m" a marker (one per tape step).
 * Times are what the caller gives: `tape run` gives in-process casts a presentation timeline
 * (castTimeline.ts) and --pty casts real time; the header's `idle_time_limit` caps any pause.
 */
import type { CastEvent } from '../drivers/virtualTerminal.js';

export interface CastHeader {
  columns: number;
  rows: number;
  title: string;
  /** epoch seconds of the recording's start */
  timestamp?: number;
  /** players cut longer pauses to this (default IDLE_TIME_LIMIT_S) */
  idleTimeLimitS?: number;
}

export const IDLE_TIME_LIMIT_S = 1;

export function asciicast(header: CastHeader, events: readonly CastEvent[]): string {
  const head = {
    version: 2,
    width: header.columns,
    height: header.rows,
    ...(header.timestamp !== undefined ? { timestamp: header.timestamp } : {}),
    idle_time_limit: header.idleTimeLimitS ?? IDLE_TIME_LIMIT_S,
    title: header.title,
    env: { TERM: 'xterm-256color' },
  };
  const lines = [JSON.stringify(head)];
  let last = 0;
  for (const event of events) {
    // players expect times never to go back
    last = Math.max(last, event.at);
    lines.push(JSON.stringify([Number((last / 1000).toFixed(6)), event.kind, event.data]));
  }
  return `${lines.join('\n')}\n`;
}
