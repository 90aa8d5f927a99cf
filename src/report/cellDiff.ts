/**
 * The cells that differ between a golden frame and the screen (src/tape/run/cellDiff.ts, shared with
 * the terminal's cell diff), and an SVG overlay that marks them on a frame drawn with the report's cell size. Pure.
 */
import type { ChangedRun } from '../tape/run/cellDiff.js';
import { CELL } from './frames.js';

export { changedCells, type ChangedRun } from '../tape/run/cellDiff.js';

/** A transparent SVG the size of the frame with a red box over each changed run. */
export function diffOverlay(runs: readonly ChangedRun[], columns: number, rows: number): string {
  const w = columns * CELL.width;
  const h = rows * CELL.height;
  const boxes = runs.map((r) => `<rect x="${(r.column - 1) * CELL.width}" y="${(r.row - 1) * CELL.height}" width="${[...r.actual].length * CELL.width}" height="${CELL.height}"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" class="overlay" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}"><g fill="rgba(255,40,40,0.35)" stroke="#ff3030" stroke-width="1">${boxes.join('')}</g></svg>`;
}
