#!/usr/bin/env node
/**
 * Drops from StrykerJS's state file the not-killed results that name no covering test
 * (`npm run mutation:forget -- 'REGEX'`, the files whose path matches): the next `--incremental` run
 * then measures those mutants again.
 *
 * Why: StrykerJS 9.5.1 recorded no coverage with vitest 4.1, so its Survived and NoCoverage results
 * name no test. 9.6 reuses such a result whenever no new test covers the mutant, and a static mutant
 * never has a covering test: its 9.5 "Survived" would stay for good instead of being left out.
 * A killed result is left alone: 9.6 measures it again anyway when its killing test is not recorded.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** @param {{ files: Record<string, { mutants: Array<{ status: string, coveredBy?: string[] }> }> }} report @param {RegExp} only */
export function forgetUncovered(report, only) {
  let dropped = 0;
  for (const [file, entry] of Object.entries(report.files ?? {})) {
    if (!only.test(file)) continue;
    const kept = entry.mutants.filter((m) => !((m.status === 'Survived' || m.status === 'NoCoverage') && !m.coveredBy?.length));
    dropped += entry.mutants.length - kept.length;
    entry.mutants = kept;
  }
  return dropped;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [pattern, path = 'reports/stryker-incremental.json'] = process.argv.slice(2);
  if (!pattern) {
    console.error("usage: node scripts/forgetUncovered.mjs 'REGEX' [STATE.json]   (e.g. '^src/store/pg/')");
    process.exit(2);
  }
  const report = JSON.parse(readFileSync(path, 'utf8'));
  const dropped = forgetUncovered(report, new RegExp(pattern));
  writeFileSync(path, JSON.stringify(report));
  console.log(`${dropped} not-killed results without a covering test dropped from ${path}`);
}
