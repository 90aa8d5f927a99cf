#!/usr/bin/env node
/**
 * Merges StrykerJS incremental reports made in different branches into one
 * (`node scripts/mergeMutationReports.mjs --out reports/stryker-incremental.json BASE OTHER…`).
 *
 * Why: engineers measure different files at once, each in a branch, and each run writes the whole
 * incremental file again. Its test ids are local to one run ("0", "1", …), so two files cannot be
 * joined by hand; Stryker itself knows a test by its file and name. This script does the same: tests
 * are renumbered by (file, name), and every mutant's `killedBy` / `coveredBy` follows its tests.
 *
 * Which copy wins:
 * - a source file: the last report whose copy says something new (its source or a mutant's status
 *   differs from the first report's); the first report is the base everyone started from;
 * - a test file: the copy whose source is the file on disk now (after the branches are merged), else
 *   the last one. Tests recorded against another source of that file are dropped, so the mutants they
 *   killed are tested again by the next `npm run mutation` instead of trusting a test that changed.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const USAGE = 'usage: node scripts/mergeMutationReports.mjs --out FILE BASE.json OTHER.json…';

/** The key Stryker's incremental differ gives a mutant (file, mutator, place, replacement). */
function mutantKey(file, m) {
  const { start, end } = m.location;
  return `${file}@${start.line}:${start.column}-${end.line}:${end.column}\n${m.mutatorName}: ${m.replacement ?? ''}`;
}

/** What a report says about one source file, ids aside: equal signatures say nothing new. */
function fileSignature(file, entry) {
  const rows = entry.mutants.map((m) => `${mutantKey(file, m)}=${m.status}`).sort();
  return `${entry.source}\u0000${rows.join('\u0000')}`;
}

/**
 * @param {Array<Record<string, any>>} reports base first
 * @param {(file: string) => string | undefined} currentSource the test file's source on disk now
 */
export function mergeReports(reports, currentSource) {
  if (reports.length === 0) throw new Error('no reports to merge');
  const [base] = reports;

  /** @type {Map<string, { report: number, entry: any }>} */
  const chosenFiles = new Map();
  reports.forEach((report, index) => {
    for (const [file, entry] of Object.entries(report.files ?? {})) {
      const baseEntry = base.files?.[file];
      const saysSomethingNew = !baseEntry || fileSignature(file, entry) !== fileSignature(file, baseEntry);
      if (!chosenFiles.has(file) || saysSomethingNew) chosenFiles.set(file, { report: index, entry });
    }
  });

  /** @type {Map<string, { report: number, source: string | undefined }>} */
  const chosenTestFiles = new Map();
  reports.forEach((report, index) => {
    for (const [file, entry] of Object.entries(report.testFiles ?? {})) {
      const held = chosenTestFiles.get(file);
      const onDisk = currentSource(file);
      const heldMatchesDisk = held !== undefined && held.source === onDisk;
      if (!heldMatchesDisk) chosenTestFiles.set(file, { report: index, source: entry.source });
    }
  });

  // New ids by (file, name), over the tests whose file source was kept.
  const newIdByKey = new Map();
  /** @type {Array<Map<string, string>>} old id → key, per report */
  const keyByOldId = reports.map(() => new Map());
  const testFiles = {};
  for (const [file, chosen] of chosenTestFiles) {
    testFiles[file] = { source: chosen.source, tests: [] };
    reports.forEach((report, index) => {
      const entry = report.testFiles?.[file];
      if (!entry || entry.source !== chosen.source) return;
      for (const test of entry.tests) {
        const key = `${file}\u0000${test.name}`;
        keyByOldId[index].set(test.id, key);
        if (newIdByKey.has(key)) continue;
        const id = String(newIdByKey.size);
        newIdByKey.set(key, id);
        testFiles[file].tests.push({ ...test, id });
      }
    });
  }

  let nextMutantId = 0;
  const renumber = (index, ids) =>
    (ids ?? []).map((id) => newIdByKey.get(keyByOldId[index].get(id))).filter((id) => id !== undefined);
  const files = {};
  for (const [file, { report, entry }] of [...chosenFiles].sort(([a], [b]) => a.localeCompare(b))) {
    files[file] = {
      ...entry,
      mutants: entry.mutants.map((m) => ({
        ...m,
        id: String(nextMutantId++),
        killedBy: renumber(report, m.killedBy),
        coveredBy: renumber(report, m.coveredBy),
      })),
    };
  }
  return { ...reports[reports.length - 1], files, testFiles };
}

function main(argv) {
  const outAt = argv.indexOf('--out');
  const out = outAt >= 0 ? argv[outAt + 1] : undefined;
  const inputs = argv.filter((_, i) => i !== outAt && i !== outAt + 1);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  if (!out || inputs.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const missing = inputs.find((file) => !existsSync(file));
  if (missing) {
    console.error(`mergeMutationReports: no such report: ${missing}`);
    return 2;
  }
  const reports = inputs.map((file) => JSON.parse(readFileSync(file, 'utf8')));
  const onDisk = (file) => (existsSync(file) ? readFileSync(path.resolve(file), 'utf8') : undefined);
  const merged = mergeReports(reports, onDisk);
  writeFileSync(out, `${JSON.stringify(merged, null, 2)}\n`); // as Stryker writes it: diffs stay readable
  const mutants = Object.values(merged.files).reduce((n, f) => n + f.mutants.length, 0);
  const tests = Object.values(merged.testFiles).reduce((n, f) => n + f.tests.length, 0);
  console.log(`${out}: ${Object.keys(merged.files).length} files, ${mutants} mutants, ${tests} tests`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
