/** Failures of the database file become StoreErrors naming the file; anything else passes through unchanged. */
import { describe, expect, it } from 'vitest';
import { StoreError, toStoreError } from '../../src/store/errors.js';
import { resolveDataDir } from '../../src/store/dataPath.js';

const failure = (code: unknown, message = 'boom'): Error => Object.assign(new Error(message), { code });

describe('toStoreError', () => {
  it.each([
    ['SQLITE_NOTADB', 'not-sqlite', '/d/kiosk.db is not a SQLite database: boom'],
    ['SQLITE_CORRUPT_VTAB', 'corrupt', '/d/kiosk.db is a corrupt SQLite database: boom'],
    ['SQLITE_READONLY_DBMOVED', 'readonly', '/d/kiosk.db cannot be written (read-only): boom'],
    ['SQLITE_BUSY', 'io', '/d/kiosk.db is locked by another process for too long: boom'],
    ['SQLITE_CANTOPEN', 'io', '/d/kiosk.db cannot be opened: boom'],
    ['SQLITE_IOERR_WRITE', 'io', '/d/kiosk.db could not be read or written: boom'],
    ['SQLITE_FULL', 'io', '/d/kiosk.db could not be written: the disk is full: boom'],
    ['SQLITE_PERM', 'readonly', '/d/kiosk.db cannot be written (permission denied): boom'],
    ['EACCES', 'readonly', '/d/kiosk.db: boom'],
    ['EPERM', 'readonly', '/d/kiosk.db: boom'],
    ['EROFS', 'readonly', '/d/kiosk.db: boom'],
    ['ENOSPC', 'io', '/d/kiosk.db: boom'],
  ])('%s is a %s error naming the file', (code, storeCode, message) => {
    const cause = failure(code);
    const error = toStoreError(cause, '/d/kiosk.db');
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ name: 'StoreError', code: storeCode, path: '/d/kiosk.db', message, cause });
  });

  it('leaves alone what is not about the file: StoreErrors, non-errors, errors without a code or with another kind of code', () => {
    const already = new StoreError('io', '/a', 'x');
    expect(toStoreError(already, '/d/kiosk.db')).toBe(already);
    expect(toStoreError('text', '/d/kiosk.db')).toBe('text');
    for (const error of [new Error('rule'), failure(42), failure('ERR_INVALID_ARG_TYPE'), failure('SQLITE'), failure('xEACCES'), failure('EACCES1')]) {
      expect(toStoreError(error, '/d/kiosk.db')).toBe(error);
    }
  });
});

describe('resolveDataDir', () => {
  it('is the chosen directory (--data-dir, KIOSK_DATA_DIR), else the XDG default', () => {
    expect(resolveDataDir('/chosen', { XDG_DATA_HOME: '/data' })).toBe('/chosen');
    expect(resolveDataDir(null, { XDG_DATA_HOME: '/data' })).toBe('/data/aliexpress-kiosk');
  });
});
