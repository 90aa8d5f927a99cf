/** Errors of the durable store: typed so the CLI can say what is wrong with which file. */

export type StoreErrorCode = 'not-sqlite' | 'newer-schema' | 'corrupt' | 'readonly' | 'io';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** SQLite result codes (extended ones start with the primary name) mapped to our codes. */
const SQLITE_CODES: ReadonlyArray<[prefix: string, code: StoreErrorCode, says: string]> = [
  ['SQLITE_NOTADB', 'not-sqlite', 'is not a SQLite database'],
  ['SQLITE_CORRUPT', 'corrupt', 'is a corrupt SQLite database'],
  ['SQLITE_READONLY', 'readonly', 'cannot be written (read-only)'],
  ['SQLITE_BUSY', 'io', 'is locked by another process for too long'],
  ['SQLITE_CANTOPEN', 'io', 'cannot be opened'],
  ['SQLITE_IOERR', 'io', 'could not be read or written'],
  ['SQLITE_FULL', 'io', 'could not be written: the disk is full'],
  ['SQLITE_PERM', 'readonly', 'cannot be written (permission denied)'],
];

const NODE_CODES: Readonly<Record<string, StoreErrorCode>> = {
  EACCES: 'readonly',
  EPERM: 'readonly',
  EROFS: 'readonly',
};

/**
 * Turns a low-level failure about `path` into a StoreError naming the path; errors that are not
 * about the file (a domain rule, a programming error) are returned unchanged.
 */
export function toStoreError(error: unknown, path: string): unknown {
  if (error instanceof StoreError || !(error instanceof Error)) return error;
  const code = (error as Error & { code?: unknown }).code;
  if (typeof code !== 'string') return error;
  const sqlite = SQLITE_CODES.find(([prefix]) => code.startsWith(prefix));
  if (sqlite) return new StoreError(sqlite[1], path, `${path} ${sqlite[2]}: ${error.message}`, { cause: error });
  if (!/^E[A-Z]+$/.test(code)) return error;
  const nodeCode = NODE_CODES[code] ?? 'io';
  return new StoreError(nodeCode, path, `${path}: ${error.message}`, { cause: error });
}
