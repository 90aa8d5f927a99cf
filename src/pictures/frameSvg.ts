/**
 * A terminal frame as SVG, drawn from the @xterm/headless buffer cell by cell: backgrounds as rects,
 * text in runs whose width is fixed to their cells (textLength), wide characters centred on their
 * two cells, box drawing and blocks as shapes (cellGlyphs.ts), underline and strikethrough as lines.
 * The same frame always gives the same bytes, so an SVG can be stored beside a golden frame and diffed.
 */
import xtermHeadless from '@xterm/headless';
import type { IBufferCell, Terminal } from '@xterm/headless';
import { drawGlyph, isDrawnGlyph, num, ShapeSink } from './cellGlyphs.js';
import { cellColor, DEFAULT_BACKGROUND, DEFAULT_FOREGROUND } from './palette.js';

export interface SvgOptions {
  /** @default DejaVu Sans Mono, then other monospace fonts */
  fontFamily?: string;
  /** @default 9 (pixels) */
  cellWidth?: number;
  /** @default 18 (pixels) */
  cellHeight?: number;
  /** the default background, any SVG colour @default #1e1e1e */
  background?: string;
}

/** A cell's size in pixels when the options name none (svgCellDiff.ts reads frames back at this size). */
export const DEFAULT_CELL_WIDTH = 9;
export const DEFAULT_CELL_HEIGHT = 18;
export const DEFAULT_FONT_FAMILY = 'DejaVu Sans Mono, Menlo, Consolas, Liberation Mono, monospace';
/** Beyond these a frame is not a screen anyone looks at, and its SVG would be megabytes. */
export const SVG_LIMITS = { columns: 500, rows: 200 } as const;

export class FrameTooLargeError extends Error {
  constructor(columns: number, rows: number) {
    super(`a frame of ${columns}×${rows} cells is larger than the SVG limit of ${SVG_LIMITS.columns}×${SVG_LIMITS.rows}`);
    this.name = 'FrameTooLargeError';
  }
}

/** What a cell looks like once inverse is applied; cells with equal styles join one run. */
interface Style { fg: string; bg: string | null; bold: boolean; italic: boolean; dim: boolean; underline: boolean; strike: boolean; invisible: boolean }

function styleOf(cell: IBufferCell, background: string): Style {
  let fg = cellColor(cell.getFgColorMode(), cell.getFgColor(), cell.isFgDefault(), null);
  let bg = cellColor(cell.getBgColorMode(), cell.getBgColor(), cell.isBgDefault(), null);
  if (cell.isInverse()) [fg, bg] = [bg ?? background, fg ?? DEFAULT_FOREGROUND];
  return {
    fg: fg ?? DEFAULT_FOREGROUND, bg, bold: !!cell.isBold(), italic: !!cell.isItalic(), dim: !!cell.isDim(),
    underline: !!cell.isUnderline(), strike: !!cell.isStrikethrough(), invisible: !!cell.isInvisible(),
  };
}

const textKey = (s: Style): string => `${s.fg}|${+s.bold}${+s.italic}${+s.dim}`;

/** Text as XML holds it: markup escaped, characters XML forbids (controls, lone surrogates) replaced. */
export function escapeXml(text: string): string {
  return text
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** `gap`: one blank cell after the run, kept inside it if the same style goes on after it (words of a sentence) */
interface TextRun { x: number; cells: number; chars: string; style: Style; wide: boolean; gap: boolean }

export function frameToSvg(terminal: Terminal, options: SvgOptions = {}): string {
  const { cols, rows } = terminal;
  if (cols > SVG_LIMITS.columns || rows > SVG_LIMITS.rows) throw new FrameTooLargeError(cols, rows);
  const cw = options.cellWidth ?? DEFAULT_CELL_WIDTH;
  const ch = options.cellHeight ?? DEFAULT_CELL_HEIGHT;
  const fontSize = cw / 0.6;
  const baseline = ch / 2 + fontSize * 0.36;
  const background = escapeXml(options.background ?? DEFAULT_BACKGROUND);
  const buffer = terminal.buffer.active;
  const cell = buffer.getNullCell();
  const backs: string[] = [];
  const shapes = new ShapeSink();
  const texts: string[] = [];
  const lines: string[] = [];

  for (let row = 0; row < rows; row++) {
    const line = buffer.getLine(buffer.viewportY + row);
    if (!line) continue;
    const top = row * ch;
    let back = null as { x: number; cells: number; color: string } | null;
    let deco = null as { x: number; cells: number; color: string; underline: boolean; strike: boolean } | null;
    let run = null as TextRun | null;
    const endBack = (): void => {
      if (back) backs.push(`<rect x="${num(back.x * cw)}" y="${num(top)}" width="${num(back.cells * cw)}" height="${num(ch)}" fill="${back.color}"/>`);
      back = null;
    };
    const endDeco = (): void => {
      if (deco?.underline) lines.push(`<rect x="${num(deco.x * cw)}" y="${num(top + ch - 2)}" width="${num(deco.cells * cw)}" height="1" fill="${deco.color}"/>`);
      if (deco?.strike) lines.push(`<rect x="${num(deco.x * cw)}" y="${num(top + ch / 2)}" width="${num(deco.cells * cw)}" height="1" fill="${deco.color}"/>`);
      deco = null;
    };
    const endRun = (): void => {
      if (run) texts.push(textElement(run, cw, top + baseline));
      run = null;
    };
    for (let x = 0; x < cols; x++) {
      if (!line.getCell(x, cell)) break;
      const width = cell.getWidth();
      if (width === 0) continue; // the second half of a wide character
      const style = styleOf(cell, background);
      const chars = cell.getChars();
      if (style.bg !== back?.color || style.bg === null) {
        endBack();
        if (style.bg !== null) back = { x, cells: 0, color: style.bg };
      }
      if (back) back.cells += width;
      const decorated = style.underline || style.strike;
      if (!decorated || deco?.color !== style.fg || deco.underline !== style.underline || deco.strike !== style.strike) {
        endDeco();
        if (decorated) deco = { x, cells: 0, color: style.fg, underline: style.underline, strike: style.strike };
      }
      if (deco) deco.cells += width;
      const blank = chars === '' || chars === ' ' || style.invisible;
      if (blank && run && !run.wide && !run.gap) {
        run.gap = true;
        continue;
      }
      if (blank || isDrawnGlyph(chars)) {
        endRun();
        if (!blank) drawGlyph(chars, { x: x * cw, y: top, w: cw, h: ch }, style.fg, shapes);
        continue;
      }
      const wide = width > 1;
      if (run && (wide || run.wide || textKey(run.style) !== textKey(style))) endRun();
      if (run?.gap) {
        run.chars += ' ';
        run.cells += 1;
        run.gap = false;
      }
      if (!run) run = { x, cells: 0, chars: '', style, wide, gap: false };
      run.cells += width;
      run.chars += chars;
    }
    endBack();
    endDeco();
    endRun();
  }
  const width = cols * cw;
  const height = rows * ch;
  const font = escapeXml(options.fontFamily ?? DEFAULT_FONT_FAMILY);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}">` +
    `<rect width="100%" height="100%" fill="${background}"/>` +
    backs.join('') +
    `<g font-family="${font}" font-size="${num(fontSize)}" fill="${DEFAULT_FOREGROUND}">${texts.join('')}</g>` +
    shapes.toSvg() +
    lines.join('') +
    '</svg>\n'
  );
}

function textElement(run: TextRun, cw: number, y: number): string {
  const { style } = run;
  const attrs = [
    style.fg === DEFAULT_FOREGROUND ? '' : ` fill="${style.fg}"`,
    style.bold ? ' font-weight="bold"' : '',
    style.italic ? ' font-style="italic"' : '',
    style.dim ? ' opacity="0.5"' : '',
  ].join('');
  // a wide character sits centred on its two cells; a run of narrow ones is stretched to its cells
  const place = run.wide
    ? `x="${num((run.x + run.cells / 2) * cw)}" y="${num(y)}" text-anchor="middle"`
    : `x="${num(run.x * cw)}" y="${num(y)}" textLength="${num(run.cells * cw)}"`;
  return `<text ${place}${attrs}>${escapeXml(run.chars)}</text>`;
}

/** Writes `ansi` into a fresh headless terminal of `cols`×`rows` (a bare newline also returns the carriage) and draws it. */
export async function ansiToSvg(ansi: string, cols: number, rows: number, options?: SvgOptions): Promise<string> {
  if (cols > SVG_LIMITS.columns || rows > SVG_LIMITS.rows) throw new FrameTooLargeError(cols, rows);
  const terminal = new xtermHeadless.Terminal({ cols, rows, scrollback: 0, allowProposedApi: true, convertEol: true });
  try {
    await new Promise<void>((resolve) => terminal.write(ansi, resolve));
    return frameToSvg(terminal, options);
  } finally {
    terminal.dispose();
  }
}
