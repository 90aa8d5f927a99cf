/** Where the kiosk keeps its database; no SQLite here, so `kiosk --help` can say it cheaply. */
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

export const APP_DIR_NAME = 'aliexpress-kiosk';
export const DATABASE_FILE = 'kiosk.db';

/** `$XDG_DATA_HOME/aliexpress-kiosk`, else `~/.local/share/aliexpress-kiosk`. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const xdg = env.XDG_DATA_HOME;
  // the XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored
  const base = xdg && isAbsolute(xdg) ? xdg : join(home, '.local', 'share');
  return join(base, APP_DIR_NAME);
}

/** The directory in effect: --data-dir, else KIOSK_DATA_DIR (both already in `chosen`), else the default. */
export function resolveDataDir(chosen: string | null, env: NodeJS.ProcessEnv = process.env): string {
  return chosen ?? defaultDataDir(env);
}
