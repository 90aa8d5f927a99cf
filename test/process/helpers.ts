/** Running the built kiosk (dist/kiosk.js) as a child process against a temporary data directory. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** The bundle under test; KIOSK_TEST_BIN points elsewhere (e.g. a private build) when needed. */
export const KIOSK_BIN = resolve(process.env.KIOSK_TEST_BIN ?? 'dist/kiosk.js');

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
