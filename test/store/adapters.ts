/**
 * The adapters every store contract suite runs against, behind the asynchronous `KioskStore`: in
 * memory, SQLite in a fresh file, and PostgreSQL in a fresh schema of the test run's own server
 * (test/store/pgServer.ts). A mutation run with MUTATION_PG=off starts no server and says so
 * (`pgServerless`, vitest.mutation.config.ts): PostgreSQL is then left out. Any other run without a
 * server fails at usePgDatabase rather than quietly testing two adapters of three.
 */
import { join } from 'node:path';
import { inject } from 'vitest';
import { asyncStore } from '../../src/domain/asyncStore.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import type { KioskStore } from '../../src/domain/store.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { PgStore } from '../../src/store/pg/pgStore.js';
import { freshSchema, usePgDatabase } from './pgServer.js';

/** opens an empty store; `processingDelayMs` as the kiosk's `--processing-delay` (R-CODE-6) */
export type OpenStore = (processingDelayMs?: number) => Promise<KioskStore>;

/** Memory and SQLite, and PostgreSQL when `pg` is true (every contract suite asks for it; a suite of a SQLite-only store would not) and the run has a server. */
export function storeAdapters(tempDir: () => string, { pg = false }: { pg?: boolean } = {}): Array<[string, OpenStore]> {
  const pgUrl = pg && inject('pgServerless') !== true ? usePgDatabase() : null;
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
