#!/usr/bin/env node
/**
 * The mutation score per folder from StrykerJS's state file (`npm run mutation:score`), without a run:
 * what the README's "Mutation testing" table shows.
 *
 * Counted as Stryker counts them: Killed and Timeout are killed, Survived and NoCoverage are not;
 * CompileError, RuntimeError and Ignored (static mutants, disabled lines) are left out. "Without
 * coverage" counts results that name no covering test (StrykerJS 9.5.1 recorded none with vitest 4.1):
 * a whole `npm run mutation` tests those again. `--files` lists every file, `--below 90` the files
 * under 90 %, and the files the config mutates that have no result yet are listed at the end.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const USAGE = 'usage: node scripts/mutationScore.mjs [STATE.json] [--files | --below PERCENT]';
const KILLED = new Set(['Killed', 'Timeout']);
const NOT_KILLED = new Set(['Survived', 'NoCoverage']);
/** the folders issue 22 scores, longest first so machines/terminal/x.ts lands in machines */
export const FOLDERS = ['src/domain', 'src/store', 'machines'];

/** @param {string} file */
export const folderOf = (file) => FOLDERS.find((folder) => file === folder || file.startsWith(`${folder}/`)) ?? 'other';

/**
 * @param {{ files: Record<string, { mutants: Array<{ status: string, coveredBy?: string[] }> }> }} report
 * @returns {{ files: Map<string, Tally>, folders: Map<string, Tally> }}
 * @typedef {{ killed: number, notKilled: number, left: number, withoutCoverage: number }} Tally
 */
export function tally(report) {
  const files = new Map();
  const folders = new Map(FOLDERS.map((folder) => [folder, emptyTally()]));
  for (const [file, entry] of Object.entries(report.files ?? {})) {
    const own = emptyTally();
    for (const mutant of entry.mutants) {
      if (KILLED.has(mutant.status)) own.killed += 1;
      else if (NOT_KILLED.has(mutant.status)) own.notKilled += 1;
      else own.left += 1;
      const scored = KILLED.has(mutant.status) || NOT_KILLED.has(mutant.status);
      if (scored && !(mutant.coveredBy?.length)) own.withoutCoverage += 1;
    }
    files.set(file, own);
    const folder = folderOf(file);
    if (!folders.has(folder)) folders.set(folder, emptyTally());
    const sum = folders.get(folder);
    for (const key of /** @type {const} */ (['killed', 'notKilled', 'left', 'withoutCoverage'])) sum[key] += own[key];
  }
  return { files, folders };
}

const emptyTally = () => ({ killed: 0, notKilled: 0, left: 0, withoutCoverage: 0 });

/** @param {{ killed: number, notKilled: number }} t the score in percent, one decimal; null when nothing was scored */
export function percent(t) {
  const scored = t.killed + t.notKilled;
  return scored === 0 ? null : Math.round((1000 * t.killed) / scored) / 10;
}

/** @param {string} name @param {Tally} t */
const row = (name, t) => {
  const score = percent(t);
  return `${name.padEnd(44)} ${String(t.killed).padStart(5)} of ${String(t.killed + t.notKilled).padEnd(5)} ${score === null ? '    —' : `${score.toFixed(1).padStart(5)} %`}   ${t.withoutCoverage ? `${t.withoutCoverage} without coverage` : ''}`.trimEnd();
};

/** @param {string[]} argv */
function main(argv) {
  let statePath = 'reports/stryker-incremental.json';
  let listFiles = false;
  let below = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--files') listFiles = true;
    else if (arg === '--below') {
      below = Number(argv[++i]);
      if (!Number.isFinite(below) || below < 0 || below > 100) throw new UsageError(`--below ${argv[i] ?? ''}: expected a percent from 0 to 100`);
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      return;
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else statePath = arg;
  }
  const { files, folders } = tally(JSON.parse(readFileSync(statePath, 'utf8')));
  console.log(`${'folder'.padEnd(44)} killed of scored   score`);
  for (const [folder, t] of folders) console.log(row(folder, t));
  if (listFiles || below !== null) {
    console.log('');
    for (const [file, t] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
      const score = percent(t);
      if (below === null || (score !== null && score < below)) console.log(row(file, t));
    }
  }
  const missing = unmeasured(files.keys());
  if (missing.length > 0) console.log(`\nno result yet (or types only, which have no mutant): ${missing.join(', ')}`);
}

/**
 * The .ts files of the scored folders with no entry in the state file (the config mutates them all but
 * declaration files). A file of types only never gets an entry: Stryker makes no mutant in it.
 * @param {Iterable<string>} measured @param {string} root
 */
export function unmeasured(measured, root = '.') {
  const have = new Set(measured);
  return FOLDERS.flatMap((folder) =>
    readdirSync(`${root}/${folder}`, { recursive: true, encoding: 'utf8' })
      .map((name) => `${folder}/${name.split('\\').join('/')}`)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !have.has(file)),
  ).sort();
}

class UsageError extends Error {}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof UsageError ? `${error.message}\n${USAGE}` : error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  }
}
