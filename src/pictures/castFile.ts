/**
 * Reads an asciicast v2 file (https://docs.asciinema.org/manual/asciicast/v2/): a JSON header with
 * version 2, width and height, then one `[seconds, code, data]` line per event. Anything else is
 * refused with the file and line, so `kiosk tape gif` never draws a half-understood recording.
 */
import type { CastEvent } from '../tape/drivers/virtualTerminal.js';

export interface CastRecording {
  columns: number;
  rows: number;
  /** the header's idle_time_limit in ms: longer pauses are cut to it, as players do */
  idleLimitMs: number | null;
  /** output and markers, `at` in ms; input and resize events are left out */
  events: CastEvent[];
}

export class CastFormatError extends Error {
  constructor(file: string, line: number, reason: string) {
    super(`${file}:${line}: not an asciicast v2 recording: ${reason}`);
    this.name = 'CastFormatError';
  }
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0;

export function parseAsciicast(text: string, file: string): CastRecording {
  const lines = text.split('\n');
  let header: unknown;
  try {
    header = JSON.parse(lines[0] ?? '');
  } catch {
    throw new CastFormatError(file, 1, 'the first line is not a JSON header');
  }
  const head = header as { version?: unknown; width?: unknown; height?: unknown; idle_time_limit?: unknown };
  if (typeof header !== 'object' || header === null || Array.isArray(header)) throw new CastFormatError(file, 1, 'the first line is not a JSON object');
  if (head.version !== 2) throw new CastFormatError(file, 1, `version is ${JSON.stringify(head.version ?? null)}, expected 2`);
  if (!isCount(head.width) || !isCount(head.height)) throw new CastFormatError(file, 1, 'width and height must be whole numbers above 0');
  const idle = typeof head.idle_time_limit === 'number' && head.idle_time_limit > 0 ? head.idle_time_limit * 1000 : null;
  const events: CastEvent[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    let event: unknown;
    try {
      event = JSON.parse(line);
    } catch {
      throw new CastFormatError(file, i + 1, 'an event line is not JSON');
    }
    if (!Array.isArray(event) || event.length !== 3 || typeof event[0] !== 'number' || event[0] < 0 || typeof event[1] !== 'string' || typeof event[2] !== 'string') {
      throw new CastFormatError(file, i + 1, 'an event must be [seconds, code, data]');
    }
    const [seconds, code, data] = event as [number, string, string];
    // `r`: the terminal was resized (`COLSxROWS`); the clip follows it
    if (code === 'r' && !/^\d+x\d+$/.test(data)) throw new CastFormatError(file, i + 1, `a resize event's size must be COLUMNSxROWS, found ${JSON.stringify(data)}`);
    if (code === 'o' || code === 'm' || code === 'r') events.push({ at: Math.round(seconds * 1000), kind: code, data });
  }
  return { columns: head.width, rows: head.height, idleLimitMs: idle, events };
}
