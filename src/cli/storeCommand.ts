/**
 * `kiosk store migrate`: brings the store named by --store / KIOSK_STORE (a PostgreSQL registry) or
 * --data-dir / KIOSK_DATA_DIR (SQLite) to the schema this kiosk needs, and says which version it has.
 * Opening a store migrates it anyway; this does it on purpose, before a salon's machines start.
 */
import { maskUrl } from '../store/pg/pgUrl.js';
import { resolveDataDir } from '../store/dataPath.js';
import { assertOneDataChoice, parseStoreUrl, UsageError } from './args.js';
import { expectPositionals, runCommand, text, type Parsed } from './storeArgs.js';
import { printJson } from './storeOutput.js';

const HELP = `Usage: kiosk store migrate [--store URL | --data-dir DIR] [--json]

Brings the kiosk's store to the schema this version needs (it is also done on every start) and
prints the schema version. --store (or KIOSK_STORE) names a PostgreSQL registry; the password is
never shown.`;

async function run({ values, positionals }: Parsed): Promise<number> {
  const [action] = positionals;
  if (action !== 'migrate') throw new UsageError(action === undefined ? 'missing action: migrate' : `unknown action "${action}" (migrate)`);
  expectPositionals(positionals.slice(1), []);
  if (values.memory === true) throw new UsageError('--memory keeps nothing: there is no store to migrate');
  assertOneDataChoice(false, text(values, 'data-dir'), text(values, 'store'));
  const url = text(values, 'data-dir') !== undefined ? null : parseStoreUrl(text(values, 'store'), process.env);
  let where: string;
  let version: number;
  if (url) {
    const { PgStore } = await import('../store/pg/pgStore.js');
    const registry = await PgStore.open(url);
    version = registry.schemaVersion;
    await registry.close();
    where = `registry ${maskUrl(url)}`;
  } else {
    const dir = resolveDataDir(text(values, 'data-dir') ?? process.env.KIOSK_DATA_DIR ?? null);
    const { openDataStore } = await import('../store/dataDir.js');
    const { LATEST_SCHEMA_VERSION } = await import('../store/migrations.js');
    openDataStore(dir).close();
    version = LATEST_SCHEMA_VERSION;
    where = `data directory ${dir}`;
  }
  if (values.json === true) printJson({ store: where, schemaVersion: version });
  else process.stdout.write(`The ${where} has schema version ${version}.\n`);
  return 0;
}

export const runStore = (argv: string[]) => runCommand('store', HELP, argv, {}, run);
