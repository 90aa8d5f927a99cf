/** A worker thread of `kiosk tape run --jobs N`: runs the tapes it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { runTape } from '../tape/run/runTape.js';
import type { WorkerJob } from './tapePool.js';

parentPort?.on('message', (job: WorkerJob) => {
  void runTape(job.file, { update: job.update, svg: job.svg, colors: job.colors, everyFrame: job.everyFrame, record: job.record, freshDataDir: job.freshDataDir }).then((result) => parentPort?.postMessage(result));
});
