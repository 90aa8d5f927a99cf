/** A failed Snapshot prints a cell-level diff: row:col, expected → actual glyphs, short for a small change. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFailure } from '../../src/tape/reports/formatFailure.js';
import { cellDiffLines, changedCells, MAX_LISTED_RUNS } from '../../src/tape/run/cellDiff.js';
import { runTape } from '../../src/tape/run/runTape.js';

describe('cellDiffLines (pure)', () => {
  it('one changed cell is one line: row:col "expected" → "actual"', () => {
    expect(cellDiffLines(['Menu', '[1] Pay'], ['Menu', '[1] Paz'])).toEqual([
      'cells: 1 differ (row:col expected → actual; glyphs only, golden frames are plain text):',
      '  2:7 "y" → "z"',
    ]);
  });

  it('neighbouring changed cells make one run with its column span; a longer row shows blanks quoted', () => {
    expect(cellDiffLines(['Pay now'], ['Pax NOw!'])).toEqual([
      'cells: 4 differ (row:col expected → actual; glyphs only, golden frames are plain text):',
      '  1:3 "y" → "x"',
      '  1:5-6 "no" → "NO"',
      '  1:8 " " → "!"',
    ]);
  });

  it(`lists at most ${MAX_LISTED_RUNS} runs, then says how many more`, () => {
    const expected = Array.from({ length: 15 }, () => 'a b');
    const actual = Array.from({ length: 15 }, () => 'x b');
    const lines = cellDiffLines(expected, actual);
    expect(lines).toHaveLength(1 + MAX_LISTED_RUNS + 1);
    expect(lines.at(-1)).toBe(`  … and ${15 - MAX_LISTED_RUNS} more changed run(s)`);
    expect(changedCells(expected, actual)).toHaveLength(15);
  });

  it('equal frames have no cell diff', () => {
    expect(cellDiffLines(['same'], ['same'])).toEqual([]);
  });
});

describe('a failed Snapshot of a real tape', () => {
  it('a one-cell change prints its cell diff in at most 15 lines, the framed screen after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tape-celldiff-'));
    const file = join(dir, 'menu.tape');
    writeFileSync(file, 'Set Lang en\nLaunch\nEnter\nSnapshot menu\n');
    expect((await runTape(file, { update: true })).status).toBe('passed');
    const golden = join(dir, 'menu.snapshots', 'menu.txt');
    const rows = readFileSync(golden, 'utf8').split('\n');
    const row = rows.findIndex((l) => l.includes('Other services'));
    const column = rows[row]!.indexOf('Other services') + 'Other servic'.length;
    mkdirSync(join(dir, 'menu.snapshots'), { recursive: true });
    writeFileSync(golden, rows.map((l, i) => (i === row ? `${l.slice(0, column)}z${l.slice(column + 1)}` : l)).join('\n'));

    const result = await runTape(file);
    expect(result.exitCode).toBe(1);
    const text = formatFailure(result.failure!);
    expect(text).toContain(`  ${row + 1}:${column + 1} "z" → "e"`);
    const lines = text.split('\n');
    const diffPart = lines.slice(0, lines.findIndex((l) => l.trim() === 'screen:'));
    expect(diffPart.length).toBeLessThanOrEqual(15);
    expect(lines.filter((l) => l.includes('Other services')).length).toBeGreaterThan(0);
    expect(result.failure!.snapshot?.expected[row]).toContain('Other serviczs');
  });
});
