/**
 * Golden frames: `Snapshot name` compares the screen with `<tape>.snapshots/<name>.txt` beside the
 * tape (the tape's name without `.tape`); with `update` it writes the file instead.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { StepContext } from './stepContext.js';
import { StepFailure } from './failure.js';
import { plainSpaces } from './assertions.js';

export function snapshotPath(engine: StepContext, name: string): string {
  const tapeName = engine.tape.file.startsWith('<') ? 'tape' : basename(engine.tape.file).replace(/\.tape$/, '');
  return join(engine.baseDir, `${tapeName}.snapshots`, `${name}.txt`);
}

/** The screen as a golden file holds it: every row, trailing blanks trimmed, no-break spaces plain, a final newline. */
export const frameText = (lines: readonly string[]): string => `${lines.map((l) => plainSpaces(l).trimEnd()).join('\n')}\n`;

export function compareSnapshot(engine: StepContext, name: string): void {
  const path = snapshotPath(engine, name);
  const actual = frameText(engine.harness.lines());
  if (engine.options.update) {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, actual);
    engine.snapshotsWritten.push(path);
    return;
  }
  if (!existsSync(path)) throw new StepFailure('assertion', `no golden frame ${path}; run with --update to write it`);
  const expected = readFileSync(path, 'utf8');
  if (expected === actual) return;
  throw new StepFailure('assertion', `the screen differs from the golden frame ${path} (--update rewrites it)`, diffLines(expected, actual));
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
