import { existsSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/domain/orders/demo.js';
import { defaultDataDir, openDataStore } from '../../src/store/dataDir.js';
import { checkExistingFile } from '../../src/store/fileCheck.js';
import { LATEST_SCHEMA_VERSION } from '../../src/store/migrations.js';
import { SqliteStore, StoreError } from '../../src/store/sqliteStore.js';
import { NOW, useTempDirs, seededDatabaseIn } from './helpers.js';

const tempDir = useTempDirs();

/** The StoreError thrown by `open`, so its code and message can be checked. */
function openError(path: string): StoreError {
  try {
    SqliteStore.open(path).close();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error(`${path} opened without an error`);
}

const seededDatabase = (): string => seededDatabaseIn(tempDir());

/** This process's open file handles on `path` (Linux: /proc/self/fd). */
const handlesOn = (path: string): number =>
  readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === path;
    } catch {
      return false; // closed since it was listed
    }
  }).length;

describe('refusing files the store must not touch', () => {
  it('refuses a newer schema, naming the path and both versions, and leaves the file byte-identical', () => {
    const path = seededDatabase();
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    const bytes = readFileSync(path);

    const error = openError(path);
    expect(error.code).toBe('newer-schema');
    expect(error.path).toBe(path);
    expect(error.message).toContain(path);
    expect(error.message).toContain(`version ${LATEST_SCHEMA_VERSION + 1}`);
    expect(error.message).toContain(`up to version ${LATEST_SCHEMA_VERSION}`);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('refuses a newer schema in a rollback-journal file without switching it to WAL', () => {
    const path = join(tempDir(), 'other.db');
    const raw = new Database(path);
    raw.exec('CREATE TABLE future (x TEXT)');
    raw.pragma('user_version = 99');
    raw.close();
    const bytes = readFileSync(path);
    expect(openError(path).code).toBe('newer-schema');
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('refuses a file that is not a SQLite database and never writes to it or next to it', () => {
    const dir = tempDir();
    const path = join(dir, 'kiosk.db');
    writeFileSync(path, 'my shopping list: milk, bread\n'.repeat(200));
    const bytes = readFileSync(path);

    const error = openError(path);
    expect(error.code).toBe('not-sqlite');
    expect(error.message).toContain(path);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(['kiosk.db']);
  });

  it('refuses a file shorter than the SQLite header', () => {
    const path = join(tempDir(), 'kiosk.db');
    writeFileSync(path, 'SQLite');
    expect(openError(path).code).toBe('not-sqlite');
    expect(readFileSync(path, 'utf8')).toBe('SQLite');
  });

  it.each([
    ['the schema page', (_size: number) => [100, 4096] as const],
    ['the last data page', (size: number) => [size - 4096, size] as const],
  ])('refuses a database corrupted in %s and leaves it byte-identical', (_where, range) => {
    const path = seededDatabase();
    const bytes = readFileSync(path);
    const [from, to] = range(bytes.length);
    bytes.fill(0x5a, from, to);
    writeFileSync(path, bytes);

    const error = openError(path);
    expect(error.code).toBe('corrupt');
    expect(error.message).toContain(path);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('reports a directory where the database should be as an io error', () => {
    const dir = tempDir();
    expect(openError(dir)).toMatchObject({ code: 'io', path: dir });
  });
});

describe('the look at a file before it is opened', () => {
  it('keeps no handle on the file, whether it accepts it or refuses it', () => {
    const good = seededDatabase();
    expect(checkExistingFile(good)).toBe(true);
    expect(handlesOn(good)).toBe(0);

    const newer = seededDatabase();
    const raw = new Database(newer);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => checkExistingFile(newer)).toThrow(expect.objectContaining({ code: 'newer-schema' }));
    expect(handlesOn(newer)).toBe(0);

    const list = join(tempDir(), 'list.db');
    writeFileSync(list, 'my shopping list: milk, bread\n');
    expect(() => checkExistingFile(list)).toThrow(expect.objectContaining({ code: 'not-sqlite' }));
    expect(handlesOn(list)).toBe(0);
  });
});

describe('the data directory', () => {
  it('is $XDG_DATA_HOME/aliexpress-kiosk, else ~/.local/share/aliexpress-kiosk', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/data' }, '/home/ann')).toBe('/data/aliexpress-kiosk');
    expect(defaultDataDir({}, '/home/ann')).toBe('/home/ann/.local/share/aliexpress-kiosk');
    expect(defaultDataDir({ XDG_DATA_HOME: '' }, '/home/ann')).toBe('/home/ann/.local/share/aliexpress-kiosk');
    expect(defaultDataDir({ XDG_DATA_HOME: 'relative/dir' }, '/home/ann')).toBe('/home/ann/.local/share/aliexpress-kiosk');
  });

  it('is created on first open, with kiosk.db inside', () => {
    const dir = join(tempDir(), 'nested', 'aliexpress-kiosk');
    const store = openDataStore(dir);
    seedDemo(store, NOW);
    store.close();
    expect(existsSync(join(dir, 'kiosk.db'))).toBe(true);
    const again = openDataStore(dir);
    expect(again.listOrders()).toHaveLength(6);
    again.close();
  });

  it('is neither created nor written when opened read-only: a missing one is a StoreError naming the database', () => {
    const dir = join(tempDir(), 'never-made');
    expect(() => openDataStore(dir, { readonly: true })).toThrow(`${join(dir, 'kiosk.db')} does not exist (opened read-only)`);
    expect(existsSync(dir)).toBe(false);
  });

  it('cannot be created under a regular file: a StoreError naming the directory', () => {
    const file = join(tempDir(), 'not-a-dir');
    writeFileSync(file, 'x');
    const dir = join(file, 'aliexpress-kiosk');
    expect(() => openDataStore(dir)).toThrow(expect.objectContaining({ name: 'StoreError', code: 'io', path: dir }));
  });
});
