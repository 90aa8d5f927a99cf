/**
 * Writes a file whole or not at all: into a temporary file beside it, then renamed over it, so a
 * crash or an error midway never leaves half a picture or report behind. The folder must exist:
 * a typo in an output path is an error naming it, not a new folder tree.
 */
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { threadId } from 'node:worker_threads';

export class OutputPathError extends Error {
  constructor(readonly path: string, reason: string) {
    super(`${path}: ${reason}`);
    this.name = 'OutputPathError';
  }
}

/** Fails with OutputPathError before writing anything when the file's folder is missing or is not a folder. */
export function checkOutputPath(path: string): void {
  const folder = dirname(resolve(path));
  if (!existsSync(folder)) throw new OutputPathError(path, `the folder ${folder} does not exist`);
  if (!statSync(folder).isDirectory()) throw new OutputPathError(path, `${folder} is not a folder`);
  if (existsSync(path) && statSync(path).isDirectory()) throw new OutputPathError(path, 'is a folder, not a file');
}

/** Counts this thread's writes: with the pid and thread id, every temporary file has its own name. */
let writes = 0;

/**
 * Worker threads share the pid (`tape run --jobs 4 --repeat-each 2` can write the same golden frame
 * twice at once), so the temporary name also holds the thread and a count: two writers never share
 * one, and the last rename wins with a whole file.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  checkOutputPath(path);
  const temporary = `${path}.${process.pid}-${threadId}-${++writes}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
