/** `kiosk tape run` and `kiosk tape check`. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { asciicast } from '../tape/reports/asciicast.js';
import { presentationTimeline, type CastPace } from '../tape/reports/castTimeline.js';
import { junitXml } from '../tape/reports/junit.js';
import { parseTape, requireSteps, TapeSyntaxError } from '../tape/language/parse.js';
import { isFlaky, type TapeResult } from '../tape/run/runTape.js';
import { EXIT_CODES } from '../tape/run/failure.js';
import { parseOptions, UsageError } from './args.js';
import { colorsFor } from './colors.js';
import { collectTapes } from './tapeFiles.js';
import { findOrphans, orphanLines } from './tapeOrphans.js';
import { parseShard, tapesOfShard } from './tapeShard.js';
import { runTapes, type AttemptRunner } from './tapePool.js';
import { failureText, parityLines, resultLine, summaryLine } from './tapeReport.js';
import { printHelp } from './helpText.js';
import { VERSION } from './help.js';
import { writeFileAtomic } from '../adapters/atomicFile.js';
import { tapeReportHtml } from '../report/tapeReport.js';
import { checkGifPath, writeGif } from './tapeGif.js';
import { parseRunArgs, RUN_USAGE, type RunArgs } from './tapeRunArgs.js';

export { RUN_USAGE } from './tapeRunArgs.js';

/** A word as a shell reads it back: quoted only when it needs to be. */
const shellWord = (word: string): string => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`);

export const CHECK_USAGE = `kiosk tape check — parse tapes without running them

Usage:
  kiosk tape check <files or folders> [--shard K/N]

With --shard, only the tapes that \`kiosk tape run --shard K/N\` would run.

Prints "ok FILE (N steps)" per tape, or the first syntax error as FILE:LINE:COLUMN.
Exit codes: 0 every tape parses, 2 a tape has a syntax error or a file is missing.
`;

/** `runAttempt`: how one attempt at a tape runs; tests inject one that fails a tape's first attempt. */
export async function runTapeRun(argv: string[], runAttempt?: AttemptRunner): Promise<number> {
  const args = parseRunArgs(argv);
  if (args.help) return void printHelp(RUN_USAGE), 0;
  const all = collectTapes(args.files);
  const files = args.shard ? tapesOfShard(all, args.shard) : all;
  if (args.gif !== null && files.length !== 1) throw new UsageError(`--gif makes a clip of one tape; ${files.length} were given`);
  if (args.gif !== null) checkGifPath(args.gif);
  if (args.cast) mkdirSync(args.cast, { recursive: true });
  const colors = colorsFor(process.stdout);
  const started = performance.now();
  const report = args.report !== null;
  const everyFrame = args.cast !== null || args.gif !== null;
  // a report draws its frames in colour, as the GIF does: the selected button is inverse, not text
  const pool = { update: args.update, svg: args.svg, colors: args.gif !== null || report, mode: args.mode, jobs: args.jobs, everyFrame, record: report, repeatEach: args.repeatEach, retries: args.retries };
  const results = await runTapes(files, pool, (result) => {
    process.stdout.write(`${resultLine(result, colors)}\n`);
    for (const path of result.snapshotsWritten) process.stdout.write(`    wrote ${path}\n`);
    if (result.failure) process.stdout.write(`${failureText(result.failure, colors)}\n`);
    if (args.cast) writeCast(args.cast, result, args.castPace);
  }, runAttempt);
  if (args.junit) {
    mkdirSync(dirname(args.junit), { recursive: true });
    writeFileSync(args.junit, junitXml(results));
  }
  if (args.report) {
    const command = ['kiosk', 'tape', 'run', ...argv].map(shellWord).join(' ');
    writeFileAtomic(args.report, await tapeReportHtml(results, { command, version: VERSION, ms: performance.now() - started }));
  }
  if (args.gif !== null && results[0]) await writeClip(args.gif, results[0], args);
  const orphans = args.orphans === 'off' ? [] : findOrphans(files);
  for (const line of orphanLines(orphans, args.orphans)) process.stdout.write(`${args.orphans === 'fail' ? colors.red(line) : colors.yellow(line)}\n`);
  const orphansFail = args.orphans === 'fail' && orphans.length > 0;
  const failed = results.filter((r) => r.failure);
  const flaky = results.filter(isFlaky).length;
  const passed = results.length - failed.length - flaky;
  process.stdout.write(`${summaryLine(passed, failed.length, colors, args.retries > 0 ? flaky : null, args.orphans === 'fail' ? orphans.length : null)}\n`);
  if (args.mode === 'parity') process.stdout.write(`${parityLines(results).join('\n')}\n`);
  return failed[0]?.exitCode ?? (orphansFail || (flaky > 0 && args.failOnFlaky) ? EXIT_CODES.assertion : 0);
}

/** `DIR/<tape name>.cast`; tapes of the same name in different folders get their folder in the name. */
function writeCast(dir: string, result: TapeResult, pace: CastPace | null): void {
  // `--repeat-each`: one cast per run, `pay-2.cast` for the second
  const name = `${basename(result.file).replace(/\.tape$/, '')}${result.repeat === undefined ? '' : `-${result.repeat}`}`;
  const parent = basename(dirname(result.file));
  const path = join(dir, `${name}.cast`);
  const target = castTargets.has(path) ? join(dir, `${parent}-${name}.cast`) : path;
  castTargets.add(target);
  const events = pace ? presentationTimeline(result.cast, pace) : result.cast;
  writeFileSync(target, asciicast({ columns: result.columns, rows: result.rows, title: result.file, idleTimeLimitS: Math.max(1, (pace?.pauseMs ?? 0) / 1000) }, events));
}
const castTargets = new Set<string>();

/** `--gif`: the tape's frames on the timeline its cast would have, written whole. */
async function writeClip(path: string, result: TapeResult, args: RunArgs): Promise<void> {
  const events = args.castPace ? presentationTimeline(result.cast, args.castPace) : result.cast;
  const idleLimitMs = args.castPace ? Math.max(1_000, args.castPace.pauseMs) : null;
  const size = await writeGif(path, result.columns, result.rows, events, idleLimitMs, args.clip);
  process.stdout.write(`wrote ${path} (${Math.ceil(size / 1024)} KB)\n`);
}

export async function runTapeCheck(argv: string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv, { shard: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } }, true);
  if (values.help) return void printHelp(CHECK_USAGE), 0;
  const all = collectTapes(positionals);
  const files = values.shard === undefined ? all : tapesOfShard(all, parseShard(values.shard));
  let bad = 0;
  for (const file of files) {
    try {
      const source = readFileSync(file, 'utf8');
      const tape = requireSteps(parseTape(source, file), source);
      process.stdout.write(`ok ${file} (${tape.steps.length} steps)\n`);
    } catch (error) {
      if (!(error instanceof TapeSyntaxError)) throw error;
      bad++;
      process.stdout.write(`${error.message}\n`);
    }
  }
  return bad > 0 ? 2 : 0;
}
