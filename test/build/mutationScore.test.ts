/**
 * scripts/mutationScore.mjs: the README's per-folder mutation score, read from Stryker's state file as
 * Stryker counts it (Killed and Timeout killed; Survived and NoCoverage not; the rest left out).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../store/helpers.js';

interface Tally { killed: number; notKilled: number; left: number; withoutCoverage: number }
interface Mutant { status: string; coveredBy?: string[] }
const score = (await import(pathToFileURL(resolve('scripts/mutationScore.mjs')).href)) as {
  folderOf: (file: string) => string;
  tally: (report: { files: Record<string, { mutants: Mutant[] }> }) => { files: Map<string, Tally>; folders: Map<string, Tally> };
  percent: (t: { killed: number; notKilled: number }) => number | null;
  unmeasured: (measured: Iterable<string>, root: string) => string[];
};
const tempDir = useTempDirs();

const mutants = (...statuses: string[]): Mutant[] => statuses.map((status) => ({ status, coveredBy: ['1'] }));

describe('the mutation score per folder', () => {
  it('counts Killed and Timeout as killed, Survived and NoCoverage as not, and leaves the rest out', () => {
    const { files, folders } = score.tally({
      files: {
        'src/domain/money.ts': { mutants: mutants('Killed', 'Timeout', 'Survived', 'CompileError', 'Ignored', 'RuntimeError') },
        'src/domain/orders/orders.ts': { mutants: mutants('Killed', 'NoCoverage') },
        'machines/terminal/cash.ts': { mutants: mutants('Killed') },
      },
    });
    expect(files.get('src/domain/money.ts')).toEqual({ killed: 2, notKilled: 1, left: 3, withoutCoverage: 0 });
    expect(folders.get('src/domain')).toEqual({ killed: 3, notKilled: 2, left: 3, withoutCoverage: 0 });
    expect(folders.get('machines')).toEqual({ killed: 1, notKilled: 0, left: 0, withoutCoverage: 0 });
    expect(folders.get('src/store')).toEqual({ killed: 0, notKilled: 0, left: 0, withoutCoverage: 0 });
  });

  it('counts the scored results that name no covering test (what a whole run measures again)', () => {
    const { folders } = score.tally({
      files: { 'src/store/tills.ts': { mutants: [{ status: 'Killed' }, { status: 'Survived', coveredBy: [] }, { status: 'Killed', coveredBy: ['3'] }, { status: 'CompileError' }] } },
    });
    expect(folders.get('src/store')?.withoutCoverage).toBe(2);
  });

  it('gives the percent with one decimal, and none when nothing was scored', () => {
    expect(score.percent({ killed: 1032, notKilled: 83 })).toBe(92.6);
    expect(score.percent({ killed: 2, notKilled: 1 })).toBe(66.7);
    expect(score.percent({ killed: 0, notKilled: 0 })).toBeNull();
  });

  it('puts a file in its folder by whole path segments', () => {
    expect(score.folderOf('machines/terminal/kiosk.ts')).toBe('machines');
    expect(score.folderOf('src/store/pg/pgStore.ts')).toBe('src/store');
    expect(score.folderOf('src/domainish/x.ts')).toBe('other');
  });

  it('lists the .ts files of the folders with no result, declaration files aside', () => {
    const root = tempDir();
    for (const dir of ['src/domain/cash', 'src/store', 'machines']) mkdirSync(join(root, dir), { recursive: true });
    for (const file of ['src/domain/money.ts', 'src/domain/cash/till.ts', 'src/domain/qr.d.ts', 'src/store/rows.ts', 'machines/world.ts', 'machines/notes.md']) {
      writeFileSync(join(root, file), '');
    }
    expect(score.unmeasured(['src/domain/money.ts', 'machines/world.ts'], root)).toEqual(['src/domain/cash/till.ts', 'src/store/rows.ts']);
  });
});

describe('forgetting the results that name no covering test', () => {
  it('drops Survived and NoCoverage without a covering test in the files matched, and nothing else', async () => {
    const { forgetUncovered } = (await import(pathToFileURL(resolve('scripts/forgetUncovered.mjs')).href)) as {
      forgetUncovered: (report: { files: Record<string, { mutants: Mutant[] }> }, only: RegExp) => number;
    };
    const report = {
      files: {
        'machines/phone.ts': { mutants: [{ status: 'Survived' }, { status: 'Survived', coveredBy: ['4'] }, { status: 'NoCoverage', coveredBy: [] }, { status: 'Killed' }, { status: 'Ignored' }] },
        'machines/site.ts': { mutants: [{ status: 'Survived' }] },
      },
    };
    expect(forgetUncovered(report, /^machines\/phone/)).toBe(2);
    expect(report.files['machines/phone.ts'].mutants).toEqual([{ status: 'Survived', coveredBy: ['4'] }, { status: 'Killed' }, { status: 'Ignored' }]);
    expect(report.files['machines/site.ts'].mutants).toEqual([{ status: 'Survived' }]);
  });
});
