/**
 * Runs many tapes: one after another in this thread, or `jobs` at a time in worker threads (the
 * in-process runner is CPU-bound, so only threads run tapes truly in parallel). `--pty` tapes are
 * child processes already, so they simply run `jobs` at a time (`--parity` too: half of each is one).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { runTape, type TapeResult } from '../tape/run/runTape.js';
import type { SnapshotUpdate } from '../tape/run/snapshot.js';

/** `parity`: each tape in-process and under --pty, compared step by step (src/tape/run/parity.ts) */
export type RunMode = 'in-process' | 'pty' | 'parity';

export interface PoolOptions {
  /** golden frames: `--update` (true) or `--update=missing` */
  update: SnapshotUpdate;
  /** Snapshot also keeps `name.svg` */
  svg?: boolean;
  /** in-process: Ink draws in colour (for --gif) */
  colors?: boolean;
  /** in-process: draw every frame (for --cast) instead of only those a step reads */
  everyFrame?: boolean;
  /** keep each step's state and screen for `--report` */
  record?: boolean;
  mode: RunMode;
  jobs: number;
  /** `--repeat-each N`: the whole list runs N times (default 1) */
  repeatEach?: number;
  /** `--retries N`: a failed tape runs again up to N times (default 0) */
  retries?: number;
}

/** One attempt at one tape; tests inject their own to make a tape fail on its first attempt only. */
export type AttemptRunner = (file: string, attempt: number, repeat: number) => Promise<TapeResult>;

/** [choice] Every run but a tape's first (a repeat, a retry) puts a `Set DataDir` on a fresh temporary folder. */
const freshDataDir = (attempt: number, repeat: number): boolean => attempt > 1 || repeat > 1;

/** What a worker is sent, and answers with a `TapeResult`. */
export interface WorkerJob {
  file: string;
  update: SnapshotUpdate;
  svg: boolean;
  colors: boolean;
  everyFrame: boolean;
  record: boolean;
  freshDataDir: boolean;
}

async function runOne(file: string, options: PoolOptions, fresh: boolean): Promise<TapeResult> {
  if (options.mode === 'parity') return (await import('../tape/run/parity.js')).runParity(file);
  if (options.mode === 'pty') return (await import('../tape/drivers/ptyDriver.js')).runTapeInPty(file, { update: options.update, svg: options.svg === true, freshDataDir: fresh });
  return runTape(file, { update: options.update, svg: options.svg === true, colors: options.colors === true, everyFrame: options.everyFrame === true, record: options.record === true, freshDataDir: fresh });
}

/**
 * Runs the tapes (the whole list `repeatEach` times) and calls `onResult` as each finishes, after its
 * retries; the returned results are in run order. `runAttempt` replaces how one attempt runs (tests).
 */
export async function runTapes(files: readonly string[], options: PoolOptions, onResult: (r: TapeResult) => void, runAttempt?: AttemptRunner): Promise<TapeResult[]> {
  const repeatEach = options.repeatEach ?? 1;
  const runs = Array.from({ length: repeatEach }, (_, r) => files.map((file) => ({ file, repeat: r + 1 }))).flat();
  const jobs = Math.min(options.jobs, runs.length);
  const worker = !runAttempt && options.mode === 'in-process' && jobs > 1 ? workerScript() : null;
  const results: TapeResult[] = new Array(runs.length);
  let next = 0;
  const lane = async (attempt: AttemptRunner) => {
    while (next < runs.length) {
      const index = next++;
      const { file, repeat } = runs[index]!;
      const result = await withRetries(file, repeat, options.retries ?? 0, attempt);
      if (repeatEach > 1) result.repeat = repeat;
      results[index] = result;
      onResult(result);
    }
  };
  if (worker) {
    await Promise.all(Array.from({ length: jobs }, async () => {
      const thread = new TapeThread(worker);
      try {
        await lane((file, n, repeat) => thread.run({ file, update: options.update, svg: options.svg === true, colors: options.colors === true, everyFrame: options.everyFrame === true, record: options.record === true, freshDataDir: freshDataDir(n, repeat) }));
      } finally {
        await thread.close();
      }
    }));
  } else {
    const attempt = runAttempt ?? ((file: string, n: number, repeat: number) => runOne(file, options, freshDataDir(n, repeat)));
    await Promise.all(Array.from({ length: Math.max(1, options.mode !== 'in-process' ? jobs : 1) }, () => lane(attempt)));
  }
  return results;
}

/**
 * [choice] A bad tape (exit 2: syntax, a missing file) is not retried: it fails the same way every time.
 * The last attempt is the result; the failed ones before it ride along for the reports.
 */
async function withRetries(file: string, repeat: number, retries: number, attempt: AttemptRunner): Promise<TapeResult> {
  const failed: TapeResult[] = [];
  let result = await attempt(file, 1, repeat);
  while (result.failure && result.failure.kind !== 'tape' && failed.length < retries) {
    failed.push(result);
    result = await attempt(file, failed.length + 1, repeat);
  }
  if (failed.length > 0) result.retriedAttempts = failed;
  return result;
}

/**
 * The worker's script: dist/tape-worker.js beside the bundle (this code runs from dist/chunks/).
 * Run from sources (tests), there is no bundle, and tapes run in this thread instead.
 */
function workerScript(): string | null {
  for (const candidate of ['../tape-worker.js', './tape-worker.js']) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  return null;
}

class TapeThread {
  private readonly worker: Worker;
  constructor(script: string) {
    this.worker = new Worker(script);
  }
  run(job: WorkerJob): Promise<TapeResult> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      this.worker.once('error', onError);
      this.worker.once('message', (result: TapeResult) => {
        this.worker.off('error', onError);
        resolve(result);
      });
      this.worker.postMessage(job);
    });
  }
  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
