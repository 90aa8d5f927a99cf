/**
 * Applies the schema's numbered migrations (src/store/migrations/, one file each); the version applied
 * is `PRAGMA user_version`. Migrations are append-only: never edit one that has shipped.
 */
import type { Database } from 'better-sqlite3';
import { StoreError } from './errors.js';
import { MIGRATIONS } from './migrations/index.js';

export { StoreError, type StoreErrorCode } from './errors.js';
export { MIGRATIONS, type Migration } from './migrations/index.js';

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

export function schemaVersion(db: Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** Refuses a database written by a newer kiosk: we would not know what its tables mean. */
export function assertKnownSchema(version: number, path: string): void {
  if (version > LATEST_SCHEMA_VERSION) {
    throw new StoreError(
      'newer-schema',
      path,
      `${path} has schema version ${version}, but this kiosk knows only up to version ${LATEST_SCHEMA_VERSION}; ` +
        'upgrade the kiosk (the file was left untouched)',
    );
  }
}

/**
 * Brings the schema up to date in one IMMEDIATE transaction, re-reading the version under the write
 * lock so that two processes starting together apply each migration once; a database created now
 * gets `seedNewDatabase` (the demo orders) in that transaction.
 */
export function migrate(db: Database, path: string, seedNewDatabase?: () => void): void {
  db.transaction(() => {
    const current = schemaVersion(db);
    assertKnownSchema(current, path);
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
    // in the same transaction: a new database is never seen half-created or seeded twice
    if (current === 0) seedNewDatabase?.();
  }).immediate();
}
