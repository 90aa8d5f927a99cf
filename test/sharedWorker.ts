/**
 * Setup file of the shared-worker projects (vitest.config.ts, `isolate: false`): vitest runs many test
 * files in one worker process instead of forking one per file, so Node, vitest and the packages (Ink,
 * React, zod, xterm, …) load once per worker. Isolation that matters is kept:
 * - the program's modules (src/, machines/, screens/) and the test's own load afresh for every file:
 *   vitest's module registry is reset here, before each file, as `isolate: true` would;
 * - whatever a file could leave behind in the process or in those packages (test/workerState.ts) is
 *   compared before and after the file, and a difference fails the file that left it.
 * Files that mock modules (`vi.mock`: vitest keeps mocks for the worker's life without isolation)
 * stay in the isolated project.
 */
import { afterAll, vi } from 'vitest';
import { leaksBetween, workerState } from './workerState.js';

vi.resetModules();

const before = workerState();

afterAll(() => {
  const leaks = leaksBetween(before, workerState());
  if (leaks.length > 0) {
    throw new Error(`this file leaves state behind for the next file in its shared worker (test/sharedWorker.ts):\n  ${leaks.join('\n  ')}`);
  }
});
