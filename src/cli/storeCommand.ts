/**
 * `kiosk store migrate`: brings the store named by --store / KIOSK_STORE (a PostgreSQL registry) or
 * --data-dir / KIOSK_DATA_DIR (SQLite) to the schema this kiosk needs, and says which version it has.
 * Opening a store migrates it anyway; this does it on purpose, before a salon's machines start.
 * `kiosk store copy --from DIR --to URL`: a data directory's database into an empty registry.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isPgUrl, maskIn, maskUrl } from '../store/pg/pgUrl.js';
import { DATABASE_FILE, resolveDataDir } from '../store/dataPath.js';
import { StoreError } from '../store/errors.js';
import { assertOneDataChoice, parseStoreUrl, UsageError } from './args.js';
import { expectPositionals, Refused, required, runCommand, text, type Parsed } from './storeArgs.js';
import { printJson, table } from './storeOutput.js';

const HELP = `Usage: kiosk store migrate [--store URL | --data-dir DIR] [--json]
       kiosk store copy --from DIR --to URL [--json]

migrate  Brings the kiosk's store to the schema this version needs (also
         done on every start) and prints the schema version. --store (or
         KIOSK_STORE) names a PostgreSQL registry.
copy     Copies the data directory DIR (its ${DATABASE_FILE}) into the PostgreSQL
         registry URL, every table in one transaction, and prints the rows
         copied per table. The registry must be empty: a new database, or
         one \`kiosk store migrate\` has only given its tables; one holding
         anything is refused (exit 1), so copying twice doubles nothing. A
         DIR without ${DATABASE_FILE} is a usage error (exit 2). The password
         is never shown.`;

async function migrate({ values, positionals }: Parsed): Promise<number> {
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

async function copy({ values, positionals }: Parsed): Promise<number> {
  expectPositionals(positionals.slice(1), []);
  for (const flag of ['memory', 'data-dir', 'store'] as const) {
    if (values[flag] !== undefined) throw new UsageError(`--${flag} does not go with copy: name the source with --from DIR and the registry with --to URL`);
  }
  const dir = required(values, 'from');
  const url = required(values, 'to');
  if (!isPgUrl(url)) throw new UsageError(`--to: expected a PostgreSQL URL like postgres://kiosk@host:5432/kiosk, got "${maskUrl(url)}"`);
  const path = join(dir, DATABASE_FILE);
  if (!existsSync(path)) throw new UsageError(`--from: no kiosk database in "${dir}" (expected ${path})`);
  const where = maskUrl(url);
  // both ends at this kiosk's schema first: the SQLite file migrated as any start does, the registry's tables made
  const { openDataStore } = await import('../store/dataDir.js');
  openDataStore(dir).close();
  const { PgStore } = await import('../store/pg/pgStore.js');
  await (await PgStore.open(url)).close();
  const { copySqliteToPg, CopyRefused } = await import('../store/pg/pgCopy.js');
  let counts: Record<string, number>;
  try {
    counts = await copySqliteToPg(path, url, where);
  } catch (error) {
    if (error instanceof CopyRefused) throw new Refused(error.message);
    if (error instanceof Error) throw new StoreError('io', where, `${where}: ${maskIn(error.message, url)}`, { cause: error });
    throw error;
  }
  if (values.json === true) {
    printJson({ from: path, to: where, tables: counts });
  } else {
    process.stdout.write(`Copied ${path} into the registry ${where}, in one transaction:\n`);
    process.stdout.write(`${table(['table', 'rows'], Object.entries(counts).map(([name, n]) => [name, String(n)]), { right: ['rows'] })}\n`);
  }
  return 0;
}

async function run(parsed: Parsed): Promise<number> {
  const [action] = parsed.positionals;
  if (action === 'migrate') return migrate(parsed);
  if (action === 'copy') return copy(parsed);
  throw new UsageError(action === undefined ? 'missing action: migrate or copy' : `unknown action "${action}" (migrate, copy)`);
}

export const runStore = (argv: string[]) => runCommand('store', HELP, argv, { from: { type: 'string' }, to: { type: 'string' } }, run);
