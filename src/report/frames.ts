/**
 * The frames of a report, each drawn once: steps that show the same screen share one SVG (a
 * `<template>` the page's script clones where a step is opened), which keeps a corpus report small.
 * One headless terminal is reused for every frame (a new one per frame costs more than the drawing).
 */
import xtermHeadless from '@xterm/headless';
import { frameToSvg, SVG_LIMITS, FrameTooLargeError } from '../pictures/frameSvg.js';
import { parseNow, QUIET } from '../pictures/parseNow.js';

export const CELL = { width: 9, height: 18 } as const;

/** Clears the screen and resets attributes, so each frame starts from nothing. */
const RESET = '\x1b[0m\x1b[H\x1b[2J';

export class FrameStore {
  private readonly ids = new Map<string, string>();
  private readonly svgs: Array<{ id: string; svg: string }> = [];
  /** each frame's rows as text, read while it is drawn */
  private readonly texts = new Map<string, string[]>();
  private readonly terminals = new Map<string, InstanceType<typeof xtermHeadless.Terminal>>();

  /** The frame's id (`f0`, `f1`, …): the same output always gets the same id. */
  async add(ansi: string, columns: number, rows: number): Promise<string> {
    const key = `${columns}x${rows}\n${ansi}`;
    const known = this.ids.get(key);
    if (known) return known;
    const id = `f${this.svgs.length}`;
    this.ids.set(key, id);
    this.svgs.push({ id, svg: await this.draw(id, ansi, columns, rows) });
    return id;
  }

  /** The frame's rows as text (trailing blanks trimmed), as the screen showed them. */
  text(id: string): readonly string[] {
    return this.texts.get(id) ?? [];
  }

  /** Plain rows (a golden frame) as a frame. */
  addText(lines: readonly string[], columns: number, rows: number): Promise<string> {
    return this.add(lines.join('\r\n'), columns, rows);
  }

  get size(): number {
    return this.svgs.length;
  }

  /** Every frame as `[id, svg]`, in the order added. */
  entries(): ReadonlyArray<{ id: string; svg: string }> {
    return this.svgs;
  }

  private async draw(id: string, ansi: string, columns: number, rows: number): Promise<string> {
    if (columns > SVG_LIMITS.columns || rows > SVG_LIMITS.rows) throw new FrameTooLargeError(columns, rows);
    const key = `${columns}x${rows}`;
    let terminal = this.terminals.get(key);
    if (!terminal) {
      terminal = new xtermHeadless.Terminal({ cols: columns, rows, scrollback: 0, allowProposedApi: true, convertEol: true, ...QUIET });
      this.terminals.set(key, terminal);
    }
    const term = terminal;
    await parseNow(term, RESET + ansi);
    const buffer = term.buffer.active;
    this.texts.set(id, Array.from({ length: rows }, (_, y) => buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? ''));
    return frameToSvg(term, { cellWidth: CELL.width, cellHeight: CELL.height });
  }

  dispose(): void {
    for (const terminal of this.terminals.values()) terminal.dispose();
    this.terminals.clear();
  }
}
