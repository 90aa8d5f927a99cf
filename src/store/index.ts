/** The durable store: SQLite file, its schema, and where it lives. */
export { SqliteStore, BUSY_TIMEOUT_MS, type SqliteStoreOptions } from './sqliteStore.js';
export { StoreError, type StoreErrorCode } from './errors.js';
export { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations.js';
export { APP_DIR_NAME, DATABASE_FILE, defaultDataDir, openDataStore, resolveDataDir } from './dataDir.js';
export type { JournalEntry } from './reports.js';
