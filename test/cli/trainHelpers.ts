/** `kiosk train …` run in this process against a store of attempts made in the test. */
import { join } from 'node:path';
import { vi } from 'vitest';
import { runTrain } from '../../src/cli/trainCommand.js';
import type { AttemptRecord } from '../../src/domain/training/attempt.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { useTempDirs } from '../store/helpers.js';

const tempDir = useTempDirs();

/** A data directory whose store holds `attempts`. */
export function storeWith(attempts: readonly AttemptRecord[]): string {
  const dir = tempDir();
  const store = SqliteStore.open(join(dir, 'kiosk.db'));
  for (const a of attempts) store.recordTrainingAttempt(a);
  store.close();
  return dir;
}

/** Runs `kiosk train ARGS` in this process, with what it printed. */
export async function train(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    return { code: await runTrain(args), out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}
