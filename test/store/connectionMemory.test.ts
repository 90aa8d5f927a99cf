import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { boundConnection, PAGE_CACHE_KIB, pageCacheKiB } from '../../src/store/connectionMemory.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { useTempDirs } from './helpers.js';

const tempDir = useTempDirs();

describe('what one SQLite connection keeps in memory', () => {
  it('better-sqlite3 alone lets the page cache grow to 16 MB; a bounded connection keeps 512 KiB and still caches statements', () => {
    const raw = new Database(':memory:');
    expect(pageCacheKiB(raw)).toBe(16000);
    raw.pragma('cache_size = 100');
    expect(pageCacheKiB(raw)).toBe((100 * Number(raw.pragma('page_size', { simple: true }))) / 1024);
    raw.close();
    const db = boundConnection(new Database(':memory:'));
    expect(PAGE_CACHE_KIB).toBe(512);
    expect(pageCacheKiB(db)).toBe(PAGE_CACHE_KIB);
    expect(db.prepare('SELECT 1 AS one')).toBe(db.prepare('SELECT 1 AS one'));
    db.close();
  });

  it('the store opens its file with the bounded page cache, for writing and read-only', () => {
    const path = join(tempDir(), 'kiosk.db');
    const store = SqliteStore.open(path);
    expect(store.pageCacheKiB()).toBe(PAGE_CACHE_KIB);
    const inspector = SqliteStore.open(path, { readonly: true });
    expect(inspector.pageCacheKiB()).toBe(PAGE_CACHE_KIB);
    inspector.close();
    store.close();
  });
});
