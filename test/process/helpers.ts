/** Running the built kiosk (dist/kiosk.js) as a child process against a temporary data directory. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * The bundle under test (KIOSK_TEST_BIN, else dist/kiosk.js), copied with its chunks once per test
 * process, so that a rebuild of dist/ while the tests run cannot swap chunks under a running kiosk.
 * The copy sits inside node_modules so that the bundle still finds better-sqlite3.
 */
function snapshotBundle(): string {
  const source = resolve(process.env.KIOSK_TEST_BIN ?? 'dist/kiosk.js');
  const copy = resolve(`node_modules/.cache/kiosk-tests/bin-${process.pid}`);
  // test files share a worker process (vitest.config.ts) and load this module afresh each: copy once
  if (!existsSync(copy)) {
    cpSync(dirname(source), copy, { recursive: true });
    process.once('exit', function removeBundleCopyAtExit() {
      rmSync(copy, { recursive: true, force: true });
    });
  }
  return join(copy, basename(source));
}

export const KIOSK_BIN = snapshotBundle();

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `kiosk ARGS` to completion; KIOSK_DATA_DIR and XDG_DATA_HOME are what `env` says, nothing inherited. */
export function kiosk(args: string[], env: Record<string, string> = {}): CliResult {
  const base: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/nonexistent' };
  const result = spawnSync(process.execPath, [KIOSK_BIN, ...args], { env: { ...base, ...env }, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `kiosk ARGS --data-dir DIR`. */
export const inDir = (dir: string) => (...args: string[]) => kiosk([...args, '--data-dir', dir]);
