/**
 * A failed `Snapshot` cell by cell: the cells that differ between the golden frame and the screen, as
 * runs of neighbouring cells along a row, and the lines the terminal prints for them
 * (`row:col "expected" → "actual"`). Golden frames are plain text, so a cell is compared by its glyph
 * only; colours and attributes are the `--svg` golden's (compared whole). Pure.
 */

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

/** [choice] How many changed runs the terminal lists before "… and N more": a whole new screen would be hundreds. */
export const MAX_LISTED_RUNS = 10;

/** `12:5` for one cell, `3:12-15` for a run of `width` cells (1-based). */
export const cellRange = (row: number, column: number, width: number): string =>
  width === 1 ? `${row}:${column}` : `${row}:${column}-${column + width - 1}`;

/** `12:5 "A" → "B"`, `3:12-15 "Pay " → "Paid"`: where, then the glyphs quoted so blanks show. */
export const runLine = (r: ChangedRun): string =>
  `${cellRange(r.row, r.column, [...r.expected].length)} ${JSON.stringify(r.expected)} → ${JSON.stringify(r.actual)}`;

/** One indented line per run, at most MAX_LISTED_RUNS of them, then how many more there are. */
export function listedRuns<Run>(runs: readonly Run[], line: (run: Run) => string): string[] {
  const more = runs.length > MAX_LISTED_RUNS ? [`  … and ${runs.length - MAX_LISTED_RUNS} more changed run(s)`] : [];
  return [...runs.slice(0, MAX_LISTED_RUNS).map((run) => `  ${line(run)}`), ...more];
}

/** The cell diff under a failed Snapshot: a heading, then one line per changed run (at most MAX_LISTED_RUNS). */
export function cellDiffLines(expected: readonly string[], actual: readonly string[]): string[] {
  const runs = changedCells(expected, actual);
  if (runs.length === 0) return [];
  const cells = runs.reduce((n, r) => n + [...r.expected].length, 0);
  return [`cells: ${cells} differ (row:col expected → actual; glyphs only, golden frames are plain text):`, ...listedRuns(runs, runLine)];
}
