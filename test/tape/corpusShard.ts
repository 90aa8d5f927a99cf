/**
 * The tape corpus (every *.tape under test/tapes/), every tape played in-process and a share of them
 * (PARITY_EVERY below: all of them unless KIOSK_PARITY_EVERY says otherwise) with `--parity`: in-process on a simulated clock and under `--pty` against the built dist/kiosk.js (npm test
 * builds it first; after changing the kiosk, `npm run build --silent` before running these alone),
 * the two compared step by step (src/tape/run/parity.ts): the state path after every step, the frame
 * at every Snapshot and at the end. The in-process half is the corpus run itself, so the corpus is
 * played once per side, not once more for a sample. Tapes with `Fault` run in-process only and say so.
 *
 * Cost (CPU seconds, user+sys, of these four files; README "--parity" has the figures and the load):
 * the --pty side is nearly all the kiosk child's, most of it its start (node loading the bundle, the
 * first frame), the rest a frame and a React commit per step. What made it cheap enough for the whole
 * corpus in `npm test` (with test files sharing a worker, README "The suite's time"): the in-process side reads its screen only where parity compares frames (Snapshot steps and the
 * end); the kiosk no longer loads undici to decode Yoga's WebAssembly (scripts/yogaWasmNoFetch.mjs);
 * the child runs with node --no-opt (PTY_NODE_FLAGS) and draws once per turn of its event loop
 * (the --parity corpus 352 → 265 s of CPU, side by side at load 16-21).
 *
 * The corpus is dealt round-robin over SHARDS test files (test/tape/corpus.shard-N.test.ts): vitest
 * runs files side by side on its workers, so the --pty halves of different shards overlap instead of
 * one file holding the run's longest tail. A test's name starts with the rule IDs its tape's first
 * comment line names, so `grep -r R-TERM-3 test/` finds it.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTapes } from '../../src/tape/files.js';
import { formatFailure } from '../../src/tape/index.js';
import { parseTape } from '../../src/tape/language/parse.js';
import { parityBlocker, runParity } from '../../src/tape/run/parity.js';
import { runTape } from '../../src/tape/run/runTape.js';

export const CORPUS = join(import.meta.dirname, '..', 'tapes');
/** [choice] four files: on 2 workers each gets two, and no shard is a long tail (about 37 tapes each) */
export const SHARDS = 4;

export const corpusTapes = (): string[] => findTapes(CORPUS).map((path) => relative(CORPUS, path));

/** `R-TERM-1 R-TERM-2: pay-4750.tape — what it shows`, from the tape's first line. */
export function testName(file: string): string {
  const first = readFileSync(join(CORPUS, file), 'utf8').split('\n')[0] ?? '';
  const rules = [...new Set(first.match(/R-[A-Z]+-\d+/g) ?? [])];
  const summary = first.replace(/^#\s*/, '').replace(/^(R-[A-Z]+-\d+[\s,]*)+:?\s*/, '');
  return `${rules.length > 0 ? `${rules.join(' ')}: ` : ''}${file} — ${summary}`;
}

/**
 * [choice] `npm test` plays every tape under --parity (PARITY_EVERY 1). `KIOSK_PARITY_EVERY=N` plays one
 * tape in N of each place's folder (its 1st, N+1th, …) under --parity and the others in-process only,
 * for a slower machine. Every tape under --parity was 16 min 22 s of `.ci/run` on 2 quiet cores when
 * each test file had its own process (2026-12-02); with files sharing a worker and the cheaper --pty
 * side it was 9 min 15 s (2026-12-03, README "--parity").
 */
export const PARITY_EVERY = parityEvery(process.env.KIOSK_PARITY_EVERY);

/** `KIOSK_PARITY_EVERY`'s value: unset or empty is 1 (every tape); otherwise a whole number ≥ 1. */
export function parityEvery(value: string | undefined): number {
  if (value === undefined || value === '') return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`KIOSK_PARITY_EVERY must be a whole number 1, 2, 3, … (one tape in N under --parity), not "${value}"`);
  return n;
}

/** [choice] the real time a step may take on either side before the tape is called hung */
export const STEP_TIMEOUT_MS = 30_000;

/** Whether `file` (relative to the corpus) is played under --parity in this run. */
export function underParity(file: string): boolean {
  const folder = file.split('/')[0];
  const inFolder = corpusTapes().filter((f) => f.split('/')[0] === folder);
  return inFolder.indexOf(file) % PARITY_EVERY === 0;
}

/** The tapes of shard `index` (1-based): every SHARDS-th tape of the sorted corpus. */
export const shardTapes = (index: number): string[] => corpusTapes().filter((_, i) => i % SHARDS === index - 1);

const comparable = (file: string) => parityBlocker(parseTape(readFileSync(file, 'utf8'), file)) === null;

/** The tests of one shard: each tape passes, and those under --parity are the same in-process and under --pty. */
export function describeCorpusShard(index: number): void {
  describe(`tape corpus, shard ${index} of ${SHARDS} (${PARITY_EVERY === 1 ? 'every tape' : `one tape in ${PARITY_EVERY} of each place`} under --parity)`, () => {
    for (const file of shardTapes(index)) {
      it(testName(file), async () => {
        const path = join(CORPUS, file);
        if (!underParity(file)) {
          const alone = await runTape(path);
          if (alone.failure) expect.fail(formatFailure(alone.failure));
          expect(alone.status).toBe('passed');
          expect(alone.steps.length).toBe(alone.totalSteps);
          return;
        }
        // a step's hang limit (10 s in-process, 20 s under --pty) with room for a machine this busy: the
        // whole corpus under --parity on 2 loaded cores once took a 40-key step past 10 s in-process
        const result = await runParity(path, { run: { stepTimeoutMs: STEP_TIMEOUT_MS } });
        if (result.failure) expect.fail(formatFailure(result.failure));
        expect(result.status).toBe('passed');
        expect(result.steps.length).toBe(result.totalSteps);
        // compared step by step; a tape with Fault is played in-process only and says why
        expect(result.parity).toEqual(comparable(path) ? { compared: result.totalSteps, ptyMs: expect.any(Number) as number, same: true } : { skipped: expect.any(String) as string });
      }, 120_000);
    }
  });
}
