/**
 * Runs many tapes: one after another in this thread, or `jobs` at a time in worker threads (the
 * in-process runner is CPU-bound, so only threads run tapes truly in parallel). `--pty` tapes are
 * child processes already, so they simply run `jobs` at a time.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { runTape, type TapeResult } from '../tape/run/runTape.js';

export type RunMode = 'in-process' | 'pty';

export interface PoolOptions {
  update: boolean;
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
}

/** What a worker is sent, and answers with a `TapeResult`. */
export interface WorkerJob {
  file: string;
  update: boolean;
  svg: boolean;
  colors: boolean;
  everyFrame: boolean;
  record: boolean;
}

async function runOne(file: string, options: PoolOptions): Promise<TapeResult> {
  if (options.mode === 'pty') return (await import('../tape/drivers/ptyDriver.js')).runTapeInPty(file, { update: options.update, svg: options.svg === true });
  return runTape(file, { update: options.update, svg: options.svg === true, colors: options.colors === true, everyFrame: options.everyFrame === true, record: options.record === true });
}

/** Runs the tapes and calls `onResult` as each finishes; the returned results are in file order. */
export async function runTapes(files: readonly string[], options: PoolOptions, onResult: (r: TapeResult) => void): Promise<TapeResult[]> {
  const jobs = Math.min(options.jobs, files.length);
  const worker = options.mode === 'in-process' && jobs > 1 ? workerScript() : null;
  const results: TapeResult[] = new Array(files.length);
  let next = 0;
  const lane = async (run: (file: string) => Promise<TapeResult>) => {
    while (next < files.length) {
      const index = next++;
      const result = await run(files[index] as string);
      results[index] = result;
      onResult(result);
    }
  };
  if (worker) {
    await Promise.all(Array.from({ length: jobs }, async () => {
      const thread = new TapeThread(worker);
      try {
        await lane((file) => thread.run({ file, update: options.update, svg: options.svg === true, colors: options.colors === true, everyFrame: options.everyFrame === true, record: options.record === true }));
      } finally {
        await thread.close();
      }
    }));
  } else {
    await Promise.all(Array.from({ length: Math.max(1, options.mode === 'pty' ? jobs : 1) }, () => lane((file) => runOne(file, options))));
  }
  return results;
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
