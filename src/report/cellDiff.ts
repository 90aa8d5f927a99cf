/**
 * The cells that differ between a golden frame and the screen, as runs along a row, and an SVG overlay
 * that marks them on a frame drawn with the report's cell size. Pure.
 */
import { CELL } from './frames.js';

export interface ChangedRun {
  /** 1-based, as people count rows and columns */
  row: number;
  column: number;
  expected: string;
  actual: string;
}

/** Character by character (code points), row by row; a run is the changed cells next to each other. */
export function changedCells(expected: readonly string[], actual: readonly string[]): ChangedRun[] {
  const runs: ChangedRun[] = [];
  for (let y = 0; y < Math.max(expected.length, actual.length); y++) {
    const a = [...(expected[y] ?? '')];
    const b = [...(actual[y] ?? '')];
    let run: ChangedRun | null = null;
    for (let x = 0; x < Math.max(a.length, b.length); x++) {
      const [ea, ab] = [a[x] ?? ' ', b[x] ?? ' '];
      if (ea === ab) {
        run = null;
        continue;
      }
      if (!run) runs.push((run = { row: y + 1, column: x + 1, expected: '', actual: '' }));
      run.expected += ea;
      run.actual += ab;
    }
  }
  return runs;
}

/** A transparent SVG the size of the frame with a red box over each changed run. */
export function diffOverlay(runs: readonly ChangedRun[], columns: number, rows: number): string {
  const w = columns * CELL.width;
  const h = rows * CELL.height;
  const boxes = runs.map((r) => `<rect x="${(r.column - 1) * CELL.width}" y="${(r.row - 1) * CELL.height}" width="${[...r.actual].length * CELL.width}" height="${CELL.height}"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" class="overlay" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}"><g fill="rgba(255,40,40,0.35)" stroke="#ff3030" stroke-width="1">${boxes.join('')}</g></svg>`;
}
