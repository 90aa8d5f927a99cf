/**
 * A terminal in memory: Ink writes into it as into a real one and @xterm/headless interprets the
 * escapes, so the screen a tape asserts on is the screen a person would see. Also records every
 * write with its time for asciicast output.
 */
import { EventEmitter } from 'node:events';
import xtermHeadless from '@xterm/headless';
import { frameToSvg } from '../../pictures/frameSvg.js';
import { parseNow, QUIET } from '../../pictures/parseNow.js';
import { cellStyleAt, type CellStyle } from './cellStyle.js';

const { Terminal } = xtermHeadless;

/** Ink's debug mode writes each frame whole: the cursor goes home and the screen is cleared first. */
const FRAME_START = '\x1b[H\x1b[2J';

export interface CastEvent {
  /** milliseconds since the recording started (simulated time plus step order) */
  at: number;
  /** asciicast v2: output, a marker, or a resize (`COLUMNSxROWS`) */
  kind: 'o' | 'm' | 'r';
  data: string;
}

class FakeStdout extends EventEmitter {
  isTTY = true;
  /** Ink skips its last frame at unmount into a stream that is not writable */
  writable = true;
  constructor(
    public columns: number,
    public rows: number,
    private readonly onWrite: (data: string) => void,
  ) {
    super();
  }
  write = (data: string): boolean => {
    this.onWrite(data);
    return true;
  };
}

/** The stdin Ink reads from: keys are pushed in, Ink pulls them on 'readable'. */
export class FakeStdin extends EventEmitter {
  isTTY = true;
  private pending: string | null = null;
  write(data: string): void {
    this.pending = data;
    this.emit('readable');
    this.emit('data', data);
  }
  read = (): string | null => {
    const data = this.pending;
    this.pending = null;
    return data;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

export class VirtualTerminal {
  readonly stdin = new FakeStdin();
  readonly stdout: FakeStdout;
  readonly cast: CastEvent[] = [];
  private readonly term: InstanceType<typeof Terminal>;
  private pending: Promise<void> = Promise.resolve();
  /** the newest frame xterm has not parsed yet */
  private unparsed: string | null = null;
  /** the time recorded with the next write, set by the runner */
  now = 0;

  constructor(
    public columns: number,
    public rows: number,
  ) {
    this.term = new Terminal({ cols: columns, rows, allowProposedApi: true, scrollback: 0, ...QUIET });
    this.stdout = new FakeStdout(columns, rows, (data) => this.frame(data));
  }

  private frame(data: string): void {
    const frame = FRAME_START + data.replace(/\n/g, '\r\n');
    this.cast.push({ at: this.now, kind: 'o', data: frame });
    // Ink's debug mode writes whole frames and each starts by clearing the screen: only the newest one
    // decides what the screen shows, so the ones before it are never parsed (most of a tape's time)
    this.unparsed = frame;
  }

  /** Resolves once xterm shows the newest frame written so far. */
  flush(): Promise<void> {
    const frame = this.unparsed;
    if (frame !== null) {
      this.unparsed = null;
      this.pending = this.pending.then(() => parseNow(this.term, frame));
    }
    return this.pending;
  }

  mark(label: string): void {
    this.cast.push({ at: this.now, kind: 'm', data: label });
  }

  /** The window resized: xterm and the stdout Ink reads take the new size, Ink hears 'resize', the cast records it. */
  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    this.term.resize(columns, rows);
    this.stdout.columns = columns;
    this.stdout.rows = rows;
    this.cast.push({ at: this.now, kind: 'r', data: `${columns}x${rows}` });
    this.stdout.emit('resize');
  }

  /** One cell's attributes, 0-based (the newest frame must be flushed first). */
  cellStyle(row: number, column: number): CellStyle {
    return cellStyleAt(this.term, row, column);
  }

  /** The visible screen, one string per row, trailing blanks trimmed (`flush()` first). */
  lines(): string[] {
    if (this.unparsed !== null) throw new Error('the screen is read before xterm has parsed its newest frame: await flush() first');
    const buffer = this.term.buffer.active;
    const rows: string[] = [];
    for (let y = 0; y < this.rows; y++) rows.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    return rows;
  }

  /** The visible screen as SVG, colours and attributes included. */
  svg(): string {
    return frameToSvg(this.term);
  }

  text(): string {
    return this.lines().join('\n').replace(/\n+$/, '');
  }

  dispose(): void {
    this.term.dispose();
  }
}
