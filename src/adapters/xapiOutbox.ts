/**
 * The xAPI outbox (issue 18): statements not yet accepted by the LRS, one JSON line each, in the data
 * directory. It is written (fsync, then an atomic rename) before anything is sent, and rewritten after
 * each accepted batch, so a refusal, a lost network or kill -9 loses nothing: the next send resumes.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const OUTBOX_FILE = 'xapi-outbox.jsonl';

/** An xAPI statement: only its id matters here */
export interface OutboxStatement {
  id: string;
}

export const outboxPath = (dataDir: string) => join(dataDir, OUTBOX_FILE);

/** The statements waiting, in the order they were added; a line that is not a statement is refused loudly. */
export function readOutbox(file: string): OutboxStatement[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const statement = JSON.parse(line) as OutboxStatement;
      if (typeof statement?.id !== 'string') throw new Error(`${file}:${index + 1}: not an xAPI statement with an id`);
      return statement;
    });
}

/** Replaces the outbox with these statements, durably; none left: the file is removed. */
export function writeOutbox(file: string, statements: readonly OutboxStatement[]): void {
  if (statements.length === 0) {
    rmSync(file, { force: true });
    return;
  }
  const temporary = `${file}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, statements.map((s) => `${JSON.stringify(s)}\n`).join(''));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
  // the rename itself is durable only once the directory is synced
  const dir = openSync(dirname(file), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}

/** The outbox with the new statements added after it; an id already waiting keeps its first version. */
export function mergeIntoOutbox(waiting: readonly OutboxStatement[], fresh: readonly OutboxStatement[]): OutboxStatement[] {
  const ids = new Set(waiting.map((s) => s.id));
  const added = fresh.filter((s) => !ids.has(s.id) && (ids.add(s.id), true));
  return [...waiting, ...added];
}
