/** Where the kiosk keeps its database: the XDG data directory, one file shared by all terminals. */
import { accessSync, constants, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { StoreError, toStoreError } from './errors.js';
import { SqliteStore, type SqliteStoreOptions } from './sqliteStore.js';

export const APP_DIR_NAME = 'aliexpress-kiosk';
export const DATABASE_FILE = 'kiosk.db';

/** `$XDG_DATA_HOME/aliexpress-kiosk`, else `~/.local/share/aliexpress-kiosk`. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const xdg = env.XDG_DATA_HOME;
  // the XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored
  const base = xdg && isAbsolute(xdg) ? xdg : join(home, '.local', 'share');
  return join(base, APP_DIR_NAME);
}

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
