/**
 * What one SQLite connection of the kiosk may keep in memory. better-sqlite3 is built with a page
 * cache of up to 16 MB a connection (`SQLITE_DEFAULT_CACHE_SIZE=-16000`), so the cache grew with the
 * database: in bench row 4 the C allocator's heap grew 10 MiB over 10,000 payments (6.8 → 16.8 MiB,
 * a 13 MiB file), and stays at 7 MiB with this bound. A payment touches a few B-tree paths (an order by its code, a session, the
 * tails of the journal and the receipts); `PAGE_CACHE_KIB` holds those, and a page read again
 * comes from the operating system's file cache. The cache is memory only: what is committed is on
 * the disk whatever its size, so durability does not depend on it.
 */
import type { Database as Connection } from 'better-sqlite3';
import { cacheStatements } from './statementCache.js';

/** the page cache of one connection, in KiB (SQLite's `cache_size = -N`) */
export const PAGE_CACHE_KIB = 512;

/** Bounds the connection's page cache and compiles each SQL text once (`cacheStatements`). */
export function boundConnection(db: Connection): Connection {
  db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  return cacheStatements(db);
}

/** The connection's page cache limit in KiB, whichever way it was set (pages or -KiB). */
export function pageCacheKiB(db: Connection): number {
  const size = Number(db.pragma('cache_size', { simple: true }));
  return size < 0 ? -size : (size * Number(db.pragma('page_size', { simple: true }))) / 1024;
}
