/**
 * scripts/mergeMutationReports.mjs: incremental Stryker reports from two branches become one in which
 * every mutant's killing and covering tests are still the same tests (by file and name), whatever ids
 * each run had given them.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

interface Test { id: string; name: string }
interface Mutant {
  id: string;
  mutatorName: string;
  replacement: string;
  status: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
  killedBy?: string[];
  coveredBy?: string[];
}
interface Report {
  files: Record<string, { language: string; source: string; mutants: Mutant[] }>;
  testFiles: Record<string, { source?: string; tests: Test[] }>;
}
type Merge = (reports: Report[], currentSource: (file: string) => string | undefined) => Report;

const { mergeReports } = (await import(pathToFileURL(resolve('scripts/mergeMutationReports.mjs')).href)) as {
  mergeReports: Merge;
};

const at = (line: number) => ({ start: { line, column: 1 }, end: { line, column: 9 } });
const mutant = (id: string, line: number, status: string, killedBy: string[] = [], coveredBy = killedBy): Mutant => ({
  id, mutatorName: 'ConditionalExpression', replacement: 'true', status, location: at(line), killedBy, coveredBy,
});

/** What each mutant of a file was killed by, as test names. */
function killersOf(report: Report, file: string): Record<number, Array<string | undefined>> {
  const nameById = new Map(Object.values(report.testFiles).flatMap((f) => f.tests.map((t) => [t.id, t.name] as const)));
  return Object.fromEntries(
    report.files[file]!.mutants.map((m) => [m.location.start.line, (m.killedBy ?? []).map((id) => nameById.get(id))]),
  );
}

const base: Report = {
  files: {
    'a.ts': { language: 'typescript', source: 'A1', mutants: [mutant('0', 1, 'Killed', ['0'])] },
    'b.ts': { language: 'typescript', source: 'B1', mutants: [mutant('1', 1, 'Survived', [], ['1'])] },
  },
  testFiles: { 'a.test.ts': { source: 'TA1', tests: [{ id: '0', name: 'a holds' }, { id: '1', name: 'b reads' }] } },
};
// The branch measured b.ts after adding a test in a new file; its run numbered the tests its own way.
const branch: Report = {
  files: {
    'a.ts': { language: 'typescript', source: 'A1', mutants: [mutant('a.ts@1', 1, 'Killed', ['7'])] },
    'b.ts': { language: 'typescript', source: 'B1', mutants: [mutant('3', 1, 'Killed', ['9'], ['8', '9'])] },
  },
  testFiles: {
    'a.test.ts': { source: 'TA1', tests: [{ id: '7', name: 'a holds' }, { id: '8', name: 'b reads' }] },
    'b.test.ts': { source: 'TB1', tests: [{ id: '9', name: 'b refuses' }] },
  },
};
const disk: Record<string, string> = { 'a.test.ts': 'TA1', 'b.test.ts': 'TB1' };

describe('merging incremental mutation reports from branches', () => {
  it('keeps each mutant tied to the tests that killed it, by name, across the runs\' ids', () => {
    const merged = mergeReports([base, branch], (file) => disk[file]);
    expect(killersOf(merged, 'a.ts')).toEqual({ 1: ['a holds'] });
    expect(killersOf(merged, 'b.ts')).toEqual({ 1: ['b refuses'] });
    expect(merged.files['b.ts']!.mutants[0]!.status).toBe('Killed');
    const ids = Object.values(merged.testFiles).flatMap((f) => f.tests.map((t) => t.id));
    expect(new Set(ids).size).toBe(3);
  });

  it('a branch that only carried a file over does not undo what another branch measured in it', () => {
    const carrier: Report = { ...base, testFiles: base.testFiles };
    const merged = mergeReports([base, branch, carrier], (file) => disk[file]);
    expect(merged.files['b.ts']!.mutants[0]!.status).toBe('Killed');
  });

  it('keeps the recorded source of a test file that changed since, so Stryker itself sees the change', () => {
    const merged = mergeReports([base, branch], (file) => (file === 'b.test.ts' ? 'TB2' : disk[file]));
    expect(merged.testFiles['b.test.ts']!.source).toBe('TB1');
    expect(killersOf(merged, 'b.ts')).toEqual({ 1: ['b refuses'] });
  });

  it('prefers the copy of a test file that is on disk now, and drops kills by tests of the other copy', () => {
    const edited: Report = {
      files: { 'a.ts': { language: 'typescript', source: 'A2', mutants: [mutant('5', 1, 'Killed', ['7'])] } },
      testFiles: { 'a.test.ts': { source: 'TA0', tests: [{ id: '7', name: 'a holds' }] } },
    };
    const merged = mergeReports([base, edited], (file) => disk[file]);
    expect(merged.testFiles['a.test.ts']!.source).toBe('TA1');
    expect(merged.files['a.ts']!.source).toBe('A2');
    expect(killersOf(merged, 'a.ts')).toEqual({ 1: [] });
  });
});
