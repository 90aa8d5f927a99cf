/** Looks at an existing database file without writing to it, before the store opens it for writing. */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import Database, { type Database as Connection } from 'better-sqlite3';
import { StoreError, toStoreError } from './errors.js';
import { assertKnownSchema, schemaVersion } from './migrations.js';

/** Another terminal holding the write lock makes us wait this long rather than fail. */
export const BUSY_TIMEOUT_MS = 5000;
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Inspects an existing file without writing to it; returns false when there is none yet.
 * Throws StoreError 'not-sqlite', 'newer-schema' or 'corrupt'.
 */
export function checkExistingFile(path: string): boolean {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new StoreError('io', path, `${path} is not a regular file`);
    size = stat.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw toStoreError(error, path);
  }
  if (size === 0) return true; // SQLite's own view: an empty file is an empty database
  if (!readHeader(path).equals(SQLITE_MAGIC)) {
    throw new StoreError('not-sqlite', path, `${path} is not a SQLite database; refusing to touch it`);
  }
  let probe: Connection | undefined;
  try {
    probe = new Database(path, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    assertKnownSchema(schemaVersion(probe), path);
    const [first] = probe.pragma('quick_check') as Array<{ quick_check: string }>;
    if (first?.quick_check !== 'ok') {
      throw new StoreError('corrupt', path, `${path} is a corrupt SQLite database (${first?.quick_check ?? 'no answer'}); it was not modified`);
    }
    return true;
  } catch (error) {
    throw toStoreError(error, path);
  } finally {
    probe?.close();
  }
}

function readHeader(path: string): Buffer {
  const header = Buffer.alloc(SQLITE_MAGIC.length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  return header;
}
