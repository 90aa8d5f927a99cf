/**
 * Golden frames: `Snapshot name` compares the screen with `<tape>.snapshots/<name>.txt` beside the
 * tape (the tape's name without `.tape`); `update` writes the file when it is missing or differs
 * (`--update`), `'missing'` only when it is missing (`--update=missing`). Pure: the step
 * (runSteps.ts) reads and writes the file through its StepContext and acts on the verdict. With
 * `--svg` the frame is also kept as `<name>.svg` beside its text (colours, inverse, dim: what the
 * text cannot show) and compared byte for byte: frameSvg.ts gives the same frame the same bytes.
 */
import { basename, join } from 'node:path';
import { plainSpaces } from './assertions.js';

export function snapshotFile(tapeFile: string, baseDir: string, name: string): string {
  const tapeName = tapeFile.startsWith('<') ? 'tape' : basename(tapeFile).replace(/\.tape$/, '');
  return join(baseDir, `${tapeName}.snapshots`, `${name}.txt`);
}

/** The SVG golden frame beside the text one: `menu.txt` → `menu.svg`. */
export const svgSnapshotFile = (textPath: string): string => textPath.replace(/\.txt$/, '.svg');

/** The screen as a golden file holds it: every row, trailing blanks trimmed, no-break spaces plain, a final newline. */
export const frameText = (lines: readonly string[]): string => `${lines.map((l) => plainSpaces(l).trimEnd()).join('\n')}\n`;

/** `--update`: true writes golden frames that are missing or differ; 'missing' writes only missing ones. */
export type SnapshotUpdate = boolean | 'missing';

/** What the caller does with a frame: nothing, write it as the new golden frame, or fail. */
export type SnapshotVerdict =
  | { action: 'pass' }
  | { action: 'write'; reason: 'missing' | 'differs' }
  | { action: 'fail'; reason: 'missing' }
  /** `diff`: row by row, `-` the golden row, `+` the screen's */
  | { action: 'fail'; reason: 'differs'; diff: string[] };

/** `golden` is the golden file's text, or null when there is none; a golden equal to the frame is never rewritten. */
export function compareSnapshot(frame: string, golden: string | null, update: SnapshotUpdate = false): SnapshotVerdict {
  if (golden === null) return update === false ? { action: 'fail', reason: 'missing' } : { action: 'write', reason: 'missing' };
  if (golden === frame) return { action: 'pass' };
  if (update === true) return { action: 'write', reason: 'differs' };
  return { action: 'fail', reason: 'differs', diff: diffLines(golden, frame) };
}

/** Row by row: `-` the golden row, `+` the screen's. Frames have a fixed number of rows, so no alignment is needed. */
function diffLines(expected: string, actual: string): string[] {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    out.push(`row ${i + 1}:`, `- ${a[i] ?? '(none)'}`, `+ ${b[i] ?? '(none)'}`);
  }
  return out;
}
