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

/** opens an empty store; `processingDelayMs` as the kiosk's `--processing-delay` (R-CODE-6) */
export type OpenStore = (processingDelayMs?: number) => Promise<KioskStore>;

export function storeAdapters(tempDir: () => string): Array<[string, OpenStore]> {
  return [
    ['MemoryStore', async (processingDelayMs) => asyncStore(new MemoryStore({ ...(processingDelayMs === undefined ? {} : { processingDelayMs }) }))],
    ['SqliteStore', async (processingDelayMs) =>
      asyncStore(SqliteStore.open(join(tempDir(), 'kiosk.db'), processingDelayMs === undefined ? {} : { processingDelayMs }))],
  ];
}
