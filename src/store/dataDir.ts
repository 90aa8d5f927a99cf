/** Where the kiosk keeps its database: the XDG data directory, one file shared by all terminals. */
import { accessSync, constants, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE } from './dataPath.js';
import { StoreError, toStoreError } from './errors.js';
import { SqliteStore, type SqliteStoreOptions } from './sqliteStore.js';

export { APP_DIR_NAME, DATABASE_FILE, defaultDataDir, resolveDataDir } from './dataPath.js';

/** Creates `dir` if needed and opens `dir/kiosk.db`. */
export function openDataStore(dir: string, options: SqliteStoreOptions = {}): SqliteStore {
  if (!options.readonly) {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw toStoreError(error, dir);
    }
    try {
      // SQLite needs to create kiosk.db-wal next to the database, not just write the file
      accessSync(dir, constants.W_OK);
    } catch (error) {
      throw new StoreError('readonly', dir, `${dir} is not writable: the kiosk cannot keep its database there`, { cause: error });
    }
  }
  return SqliteStore.open(join(dir, DATABASE_FILE), options);
}
