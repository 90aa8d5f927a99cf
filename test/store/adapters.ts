/**
 * The adapters every store contract suite runs against, behind the asynchronous `KioskStore`: in
 * memory, SQLite in a fresh file, and PostgreSQL in a fresh schema of the test run's own server
 * (test/store/pgServer.ts) when one could be started.
 */
import { join } from 'node:path';
import { asyncStore } from '../../src/domain/asyncStore.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import type { KioskStore } from '../../src/domain/store.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { PgStore } from '../../src/store/pg/pgStore.js';
import { freshSchema, usePgDatabase } from './pgServer.js';

/** opens an empty store; `processingDelayMs` as the kiosk's `--processing-delay` (R-CODE-6) */
export type OpenStore = (processingDelayMs?: number) => Promise<KioskStore>;

/** Memory and SQLite, and PostgreSQL when `pg` is true (every contract suite asks for it; a suite of a SQLite-only store would not). */
export function storeAdapters(tempDir: () => string, { pg = false }: { pg?: boolean } = {}): Array<[string, OpenStore]> {
  const pgUrl = pg ? usePgDatabase() : null;
  const postgres: Array<[string, OpenStore]> = pgUrl
    ? [['PgStore', (processingDelayMs) => PgStore.open(pgUrl(), { schema: freshSchema(), ...(processingDelayMs === undefined ? {} : { processingDelayMs }) })]]
    : [];
  return [
    ['MemoryStore', async (processingDelayMs) => asyncStore(new MemoryStore({ ...(processingDelayMs === undefined ? {} : { processingDelayMs }) }))],
    ['SqliteStore', async (processingDelayMs) =>
      asyncStore(SqliteStore.open(join(tempDir(), 'kiosk.db'), processingDelayMs === undefined ? {} : { processingDelayMs }))],
    ...postgres,
  ];
}
