/**
 * A failed `--svg` Snapshot cell by cell: frameToSvg's output read back into each cell's colours and
 * attributes (backgrounds from its rects, foreground, bold, italic and dim from its text runs,
 * underline and strikethrough from its 1-pixel rects), so the golden SVG and the screen's can be
 * compared per cell as the text golden is (`row:col "glyphs" expected → actual`). Inverse is already
 * applied in the SVG, so an inverse cell reads as its swapped colours. Box drawing and blocks are
 * drawn as paths shared by the whole frame and are not read back: their colours are not listed. Pure.
 */
import { DEFAULT_CELL_HEIGHT, DEFAULT_CELL_WIDTH } from '../../pictures/frameSvg.js';
import { cellRange, listedRuns } from './cellDiff.js';

interface CellLook { bg?: string; fg?: string; bold?: boolean; italic?: boolean; dim?: boolean; underline?: boolean; strike?: boolean }

const attribute = (tag: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

/** Every cell that has a look of its own, keyed `row,column` (0-based), as frameToSvg drew it with the default cell size. */
export function svgCellLooks(svg: string, cw = DEFAULT_CELL_WIDTH, ch = DEFAULT_CELL_HEIGHT): Map<string, CellLook> {
  const looks = new Map<string, CellLook>();
  const at = (row: number, col: number): CellLook => {
    const key = `${row},${col}`;
    if (!looks.has(key)) looks.set(key, {});
    return looks.get(key)!;
  };
  for (const [tag] of svg.matchAll(/<rect x="[^"]*"[^>]*\/>/g)) {
    const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((n) => Number(attribute(tag, n)));
    const fill = attribute(tag, 'fill') ?? '';
    const row = Math.floor(y! / ch);
    const kind = h === ch ? 'bg' : y! - row * ch === ch - 2 ? 'underline' : 'strike';
    for (let col = Math.round(x! / cw); col < Math.round((x! + w!) / cw); col++) {
      if (kind === 'bg') at(row, col).bg = fill;
      else at(row, col)[kind] = true;
    }
  }
  for (const [, tag] of svg.matchAll(/(<text [^>]*>)/g)) {
    const x = Number(attribute(tag!, 'x'));
    const row = Math.floor(Number(attribute(tag!, 'y')) / ch);
    const wide = tag!.includes('text-anchor="middle"');
    const first = wide ? Math.round(x / cw) - 1 : Math.round(x / cw);
    const cells = wide ? 2 : Math.round(Number(attribute(tag!, 'textLength')) / cw);
    for (let col = first; col < first + cells; col++) {
      Object.assign(at(row, col), {
        fg: attribute(tag!, 'fill') ?? 'default',
        bold: tag!.includes('font-weight="bold"'),
        italic: tag!.includes('font-style="italic"'),
        dim: tag!.includes('opacity="0.5"'),
      });
    }
  }
  return looks;
}

/** `fg #c4a000 bg #2e3436 bold`; a cell with nothing of its own is `default`. */
export function describeLook(look: CellLook | undefined): string {
  const words = [
    look?.fg !== undefined && look.fg !== 'default' ? `fg ${look.fg}` : '',
    look?.bg !== undefined ? `bg ${look.bg}` : '',
    ...(['bold', 'italic', 'dim', 'underline', 'strike'] as const).map((a) => (look?.[a] ? a : '')),
  ].filter((w) => w !== '');
  return words.length > 0 ? words.join(' ') : 'default';
}

/**
 * The lines under a failed SVG Snapshot whose text matched: one per run of neighbouring cells of a row
 * that changed the same way, with their glyphs from `screen` (the frame's rows as text), at most
 * MAX_LISTED_RUNS of them (cellDiff.ts's listing).
 */
export function svgCellDiffLines(expectedSvg: string, actualSvg: string, screen: readonly string[]): string[] {
  const [before, after] = [svgCellLooks(expectedSvg), svgCellLooks(actualSvg)];
  const cells = [...new Set([...before.keys(), ...after.keys()])]
    .map((key) => key.split(',').map(Number) as [number, number])
    .sort(([r1, c1], [r2, c2]) => r1 - r2 || c1 - c2);
  const runs: Array<{ row: number; from: number; to: number; was: string; now: string }> = [];
  for (const [row, col] of cells) {
    const [was, now] = [describeLook(before.get(`${row},${col}`)), describeLook(after.get(`${row},${col}`))];
    if (was === now) continue;
    const last = runs[runs.length - 1];
    if (last && last.row === row && last.to === col - 1 && last.was === was && last.now === now) last.to = col;
    else runs.push({ row, from: col, to: col, was, now });
  }
  if (runs.length === 0) return ['cells: the text, colours and attributes of every cell match; what differs is in box drawing or blocks (drawn as shapes)'];
  const line = (r: (typeof runs)[number]): string => {
    const glyphs = [...(screen[r.row] ?? '')].slice(r.from, r.to + 1).join('').padEnd(r.to - r.from + 1);
    return `${cellRange(r.row + 1, r.from + 1, r.to - r.from + 1)} ${JSON.stringify(glyphs)} ${r.was} → ${r.now}`;
  };
  const count = runs.reduce((n, r) => n + r.to - r.from + 1, 0);
  return [`cells: ${count} differ in colour or attributes (row:col "glyphs" expected → actual):`, ...listedRuns(runs, line)];
}
