/**
 * The SQLite store's own checks beside the contract: what an existing file must be before it is
 * opened for writing (src/store/fileCheck.ts), when a new database is seeded (migrations.ts), and the
 * crash hook's point inside a held note's write (jams.ts). Each test reads one rule of those files.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/domain/orders/demo.js';
import { checkExistingFile } from '../../src/store/fileCheck.js';
import { assertKnownSchema, LATEST_SCHEMA_VERSION, migrate } from '../../src/store/migrations.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { insertNotesSync, NOW, openCashSessionSync, useTempDirs } from './helpers.js';

const tempDir = useTempDirs();

describe('checkExistingFile', () => {
  it('says false for a file not there yet, and true for an empty file (SQLite\'s own view: an empty database)', () => {
    const dir = tempDir();
    expect(checkExistingFile(join(dir, 'none.db'))).toBe(false);
    writeFileSync(join(dir, 'empty.db'), '');
    expect(checkExistingFile(join(dir, 'empty.db'))).toBe(true);
  });

  it('says true for a SQLite database of a known schema', () => {
    const path = join(tempDir(), 'kiosk.db');
    SqliteStore.open(path).close();
    expect(checkExistingFile(path)).toBe(true);
  });

  it('refuses a path it cannot look at (under a regular file) and a directory, naming the path', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plain'), 'x');
    expect(() => checkExistingFile(join(dir, 'plain', 'kiosk.db'))).toThrow(expect.objectContaining({ name: 'StoreError', code: 'io' }));
    mkdirSync(join(dir, 'folder'));
    expect(() => checkExistingFile(join(dir, 'folder'))).toThrow(expect.objectContaining({ code: 'io', message: `${join(dir, 'folder')} is not a regular file` }));
  });

  it('refuses a file without the SQLite header before SQLite ever opens it, and leaves it as it was', () => {
    const path = join(tempDir(), 'notes.txt');
    writeFileSync(path, 'shopping list: milk, bread, batteries for the bill acceptor');
    expect(() => checkExistingFile(path)).toThrow(expect.objectContaining({
      code: 'not-sqlite',
      message: `${path} is not a SQLite database; refusing to touch it`,
    }));
    expect(readFileSync(path, 'utf8')).toBe('shopping list: milk, bread, batteries for the bill acceptor');
  });
});

describe('migrate', () => {
  it('seeds a database it creates, in the same transaction, and never an existing one', () => {
    const db = new Database(':memory:');
    let seeded = 0;
    migrate(db, 'mem', () => { seeded += 1; });
    expect(seeded).toBe(1);
    migrate(db, 'mem', () => { seeded += 1; });
    expect(seeded).toBe(1);
    db.close();
  });

  it('refuses a newer schema and says what to do', () => {
    expect(() => assertKnownSchema(LATEST_SCHEMA_VERSION + 1, 'k.db')).toThrow(
      `k.db has schema version ${LATEST_SCHEMA_VERSION + 1}, but this kiosk knows only up to version ${LATEST_SCHEMA_VERSION}; upgrade the kiosk (the file was left untouched)`,
    );
    expect(() => assertKnownSchema(LATEST_SCHEMA_VERSION, 'k.db')).not.toThrow();
  });
});

describe('a held note in SQLite', () => {
  it('passes the crash hook\'s hold:during only when the note was written; the cleared jam\'s receipt is not a recovered one', () => {
    const points: string[] = [];
    const store = SqliteStore.open(join(tempDir(), 'kiosk.db'), { checkpoint: (point) => { points.push(point); } });
    seedDemo(store, NOW);
    openCashSessionSync(store, 's1', '1000000001', '4750.00');
    insertNotesSync(store, 's1', [1000]);
    points.length = 0;
    store.holdNote('s1', 5000, NOW + 5000);
    expect(points).toEqual(['hold:during']);
    const outcome = store.clearJam('s1', NOW + 6000);
    expect(outcome.receipt.recovered).toBe(false);
    points.length = 0;
    expect(() => store.holdNote('s1', 500, NOW + 7000)).toThrow('cash session s1 is paid; it takes no more cash');
    expect(points).toEqual([]);
    store.close();
  });
});

describe('the crash hook of a note and of a receipt\'s text in SQLite', () => {
  it('passes journal:during and receipt:during only when the row was written', () => {
    const points: string[] = [];
    const store = SqliteStore.open(join(tempDir(), 'kiosk.db'), { checkpoint: (point) => { points.push(point); } });
    seedDemo(store, NOW);
    openCashSessionSync(store, 's1', '1000000001', '4750.00');
    points.length = 0;
    store.journalNote('s1', 1000, NOW + 1000);
    expect(points).toEqual(['journal:during']);
    const { receipt } = store.completePayment('s1', 'pay', NOW + 2000);
    points.length = 0;
    expect(() => store.journalNote('s1', 500, NOW + 3000)).toThrow('cash session s1 is paid; it takes no more cash');
    expect(() => store.setReceiptText('no-such-receipt', 'text')).toThrow('no receipt no-such-receipt');
    expect(points).toEqual([]);
    store.setReceiptText(receipt.number, 'text');
    expect(points).toEqual(['receipt:during']);
    store.close();
  });
});
