/**
 * asciicast v2 (https://docs.asciinema.org/manual/asciicast/v2/): a JSON header line, then one
 * `[seconds, code, data]` line per event: "o" terminal output, "m" a marker (one per tape step).
 * Times are the tape's simulated time, so `Advance 48h` would be a 48-hour pause; the header's
 * `idle_time_limit` makes players cut every pause to a second.
 */
import type { CastEvent } from './virtualTerminal.js';

export interface CastHeader {
  columns: number;
  rows: number;
  title: string;
  /** epoch seconds of the recording's start */
  timestamp?: number;
}

export const IDLE_TIME_LIMIT_S = 1;

export function asciicast(header: CastHeader, events: readonly CastEvent[]): string {
  const head = {
    version: 2,
    width: header.columns,
    height: header.rows,
    ...(header.timestamp !== undefined ? { timestamp: header.timestamp } : {}),
    idle_time_limit: IDLE_TIME_LIMIT_S,
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
