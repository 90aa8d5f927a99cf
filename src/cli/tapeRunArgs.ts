/** `kiosk tape run`'s command line: its help text and its options, read and checked before any tape runs. */
import { parseDuration } from '../domain/time.js';
import { DEFAULT_CAST_PACE, type CastPace } from '../tape/reports/castTimeline.js';
import { parseOptions, UsageError } from './args.js';
import { parseOrphanMode, type OrphanMode } from './tapeOrphans.js';
import type { SnapshotUpdate } from '../tape/run/snapshot.js';
import { parseShard, type Shard } from './tapeShard.js';
import type { RunMode } from './tapePool.js';
import { checkOutputPath, OutputPathError } from '../adapters/atomicFile.js';
import { clipOptions, type ClipOptions } from './tapeGif.js';

export const RUN_USAGE = `kiosk tape run — play tapes against the kiosk and check their assertions

Usage:
  kiosk tape run <files or folders> [options]

Options:
  --update          write the golden frames of Snapshot steps that differ or are missing (a frame
                    that matches is left alone); prints each file written (= --update=changed)
  --update=missing  write only missing golden frames; those that differ still fail
  --orphans MODE    golden files in the tapes' .snapshots folders that no Snapshot uses:
                    report (default: listed after the run), fail (listed, exit 1) or off
  --svg             Snapshot also keeps the frame as NAME.svg beside NAME.txt (colours, inverse,
                    dim: what text cannot show) and compares it; with --update rewrites both
  --junit FILE      also write a JUnit XML report to FILE
  --report FILE     also write one self-contained HTML report to FILE (open it in a browser): each
                    step's frame, state and money, failures side by side with the golden frame,
                    a replay of each tape with a marker per step; its folder must exist
  --cast DIR        write an asciicast v2 recording per tape to DIR (asciinema play DIR/x.cast);
                    in-process casts get a presentation timeline (the run itself takes milliseconds):
  --cast-typing T   between two frames of a screen, as if typed (default 80ms)
  --cast-pause T    how long a new screen stays before the next key, and what a jump of the
                    simulated clock (Advance 48h) is compressed to, with a marker (default 1s).
                    --pty casts keep real time and take neither.
  --gif FILE        write a GIF clip of the tape (one tape) to FILE, on the cast's timeline
                    (--cast-typing, --cast-pause); --colors N and --width PX as for \`tape gif\`
  --jobs N          run N tapes at a time, each in its own worker thread (default 1)
  --repeat-each N   run every tape N times (1 to 10000; the summary counts each run): finds flakes
  --retries N       run a failed tape again, up to N times (0 to 10); one that fails and then
                    passes is FLAKY, not passed (a bad tape, exit 2, is never retried)
  --fail-on-flaky   exit 1 when a tape was flaky (default: flaky tapes are reported, exit 0);
                    needs --retries N
  --pty             run the built kiosk (dist/kiosk.js) in a real pseudo-terminal instead of in-process
  --parity          run each tape both ways, in-process and --pty, and compare the state path after
                    every step and the frame at every Snapshot and at the end: the first step where
                    they differ fails the tape (exit 1). Tapes with Fault run in-process only and are
                    listed as skipped for parity
  --shard K/N       run only the K-th of N shares of the tapes (CI matrix jobs); the split is by
                    path relative to the current folder, the same on every machine and run
  -h, --help        this help

Prints one line per tape (PASS/FAIL/FLAKY, steps, time) and then "N passed, N failed" (and
"N flaky" with --retries, "N orphan goldens" with --orphans fail); coloured on a
terminal, plain when piped or with NO_COLOR=1.
Exit codes: 0 all passed, 1 an assertion failed, 2 a bad tape or usage, 3 the app crashed,
4 a timeout; with several failures, the code of the first failing tape in the order given.
`;

export interface RunArgs {
  files: string[];
  update: SnapshotUpdate;
  orphans: OrphanMode;
  svg: boolean;
  gif: string | null;
  clip: ClipOptions;
  junit: string | null;
  report: string | null;
  cast: string | null;
  /** null: real time (--pty) */
  castPace: CastPace | null;
  jobs: number;
  repeatEach: number;
  retries: number;
  failOnFlaky: boolean;
  mode: RunMode;
  shard: Shard | null;
  help: boolean;
}

/**
 * `--update` is a flag that may take a value only after `=` (`--update=missing`): a string option
 * would swallow the next word, a tape folder. So the value is read here and the flag left bare.
 */
function splitUpdate(argv: string[]): { argv: string[]; update: SnapshotUpdate } {
  let update: SnapshotUpdate = false;
  const rest = argv.filter((arg) => {
    if (arg === '--update') return (update = true), false;
    if (!arg.startsWith('--update=')) return true;
    const value = arg.slice('--update='.length);
    if (value !== 'missing' && value !== 'changed') throw new UsageError(`--update: expected --update, --update=changed or --update=missing, got "${arg}"`);
    update = value === 'missing' ? 'missing' : true;
    return false;
  });
  return { argv: rest, update };
}

export function parseRunArgs(given: string[]): RunArgs {
  const { argv, update } = splitUpdate(given);
  const parsed = parseOptions(argv, {
    orphans: { type: 'string' },
    svg: { type: 'boolean', default: false },
    gif: { type: 'string' },
    colors: { type: 'string' },
    width: { type: 'string' },
    junit: { type: 'string' },
    report: { type: 'string' },
    cast: { type: 'string' },
    'cast-typing': { type: 'string' },
    'cast-pause': { type: 'string' },
    jobs: { type: 'string' },
    'repeat-each': { type: 'string' },
    retries: { type: 'string' },
    'fail-on-flaky': { type: 'boolean', default: false },
    pty: { type: 'boolean', default: false },
    parity: { type: 'boolean', default: false },
    shard: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  }, true);
  const { values, positionals } = parsed;
  const jobs = wholeNumber('jobs', values.jobs ?? '1', 1, 64);
  const repeatEach = wholeNumber('repeat-each', values['repeat-each'] ?? '1', 1, 10_000);
  const retries = wholeNumber('retries', values.retries ?? '0', 0, 10);
  // without retries no tape can be flaky: the flag would silently do nothing
  if (values['fail-on-flaky'] === true && retries === 0) throw new UsageError('--fail-on-flaky needs --retries N (1 to 10): without retries no tape can be flaky');
  if (values.junit === '') throw new UsageError('--junit: expected a file name');
  if (values.report !== undefined) checkReport(values.report, values.pty === true);
  if (values.cast === '') throw new UsageError('--cast: expected a folder');
  if (values.gif === '') throw new UsageError('--gif: expected a file name');
  if ((values.colors !== undefined || values.width !== undefined) && values.gif === undefined) throw new UsageError('--colors and --width need --gif FILE');
  if (values.parity) checkParity(values, update);
  const mode: RunMode = values.parity ? 'parity' : values.pty ? 'pty' : 'in-process';
  for (const flag of ['cast-typing', 'cast-pause'] as const) {
    if (values[flag] === undefined) continue;
    if (!values.cast && !values.gif) throw new UsageError(`--${flag} needs --cast DIR or --gif FILE`);
    if (mode === 'pty') throw new UsageError(`--${flag} does not apply with --pty: its casts keep real time`);
  }
  const castPace: CastPace | null = mode !== 'in-process' ? null : {
    typingMs: castDuration('cast-typing', values['cast-typing'], DEFAULT_CAST_PACE.typingMs),
    pauseMs: castDuration('cast-pause', values['cast-pause'], DEFAULT_CAST_PACE.pauseMs),
  };
  return {
    castPace,
    files: positionals,
    update,
    orphans: parseOrphanMode(values.orphans ?? 'report'),
    svg: values.svg === true,
    gif: values.gif ?? null,
    clip: clipOptions(values.colors, values.width),
    junit: values.junit ?? null,
    report: values.report ?? null,
    cast: values.cast ?? null,
    jobs,
    repeatEach,
    retries,
    failOnFlaky: values['fail-on-flaky'] === true,
    mode,
    shard: values.shard === undefined ? null : parseShard(values.shard),
    help: values.help === true,
  };
}

/** `--parity` plays each tape twice and compares: options that write or draw one side's run do not apply. */
function checkParity(values: Record<string, unknown>, update: SnapshotUpdate): void {
  const clash = ['pty', 'report', 'cast', 'gif', 'svg'].find((flag) => values[flag] !== undefined && values[flag] !== false);
  if (clash) throw new UsageError(`--parity runs each tape in-process and under --pty itself; --${clash} does not apply with it`);
  if (update !== false) throw new UsageError('--parity compares the two sides; it does not write golden frames (run --update without it)');
}

/** `--jobs 4`: a whole number in [min, max], or a usage error naming the value. */
function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) throw new UsageError(`--${flag}: expected a whole number from ${min} to ${max}, got "${text}"`);
  return value;
}

/** Before any tape runs: a report that could not be written is a usage error (exit 2), not a lost run. */
function checkReport(path: string, pty: boolean): void {
  if (pty) throw new UsageError('--report runs tapes in-process; it does not apply with --pty');
  try {
    if (path === '') throw new UsageError('--report: expected a file name');
    checkOutputPath(path);
  } catch (error) {
    if (error instanceof OutputPathError) throw new UsageError(`--report: ${error.message}`);
    throw error;
  }
}

/** 0 to 10 s: a cast beat or pause, in the duration syntax of tapes ("80ms", "1.5s"). */
function castDuration(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = parseDuration(text.trim());
  if (value === null || value > 10_000) throw new UsageError(`--${flag}: expected a duration from 0s to 10s like 80ms or 1s, got "${text}"`);
  return value;
}
