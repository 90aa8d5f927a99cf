/**
 * What every store subcommand shares: --data-dir / KIOSK_DATA_DIR / --memory, --json, --help,
 * usage errors that name the bad value (exit 2), "not found" (exit 1), refused data files (exit 1).
 */
import type { ParseArgsConfig } from 'node:util';
import { seedDemo, seedDemoInto } from '../domain/orders/demo.js';
import { money, type Money } from '../domain/money.js';
import { parsePhone } from '../domain/mobile/phone.js';
import type { CommandStore, SyncKioskStore } from '../domain/store.js';
import { asyncStore } from '../domain/asyncStore.js';
import { resolveDataDir } from '../store/dataPath.js';
import { StoreError } from '../store/errors.js';
import { parseWhen as parseInstantOrAgo } from '../domain/time.js';
import { assertOneDataChoice, parseOptions, parseStoreUrl, UsageError } from './args.js';
import { printHelp } from './helpText.js';

/** A thing asked for that is not in the store: exit 1. */
export class NotFound extends Error {}

/** A change the store's data does not allow (repricing a paid order): exit 1, like NotFound. */
export class Refused extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;
export type Values = Record<string, string | boolean | undefined>;

export const COMMON_OPTIONS = {
  'data-dir': { type: 'string' },
  store: { type: 'string' },
  memory: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

export const COMMON_HELP = `Common options:
  --data-dir DIR     the kiosk's data directory (default: KIOSK_DATA_DIR, else $XDG_DATA_HOME/aliexpress-kiosk,
                     else ~/.local/share/aliexpress-kiosk)
  --store URL        a PostgreSQL registry, postgres://user@host:5432/kiosk (default: KIOSK_STORE);
                     the password is never shown
  --memory           a fresh in-memory store with the demo orders; nothing is kept
  --json             machine-readable output
  -h, --help         this help
Exit status: 0 ok, 1 not found or the data cannot be used, 2 usage error.`;

export interface Parsed {
  values: Values;
  positionals: string[];
}

export function parse(argv: string[], options: Options = {}): Parsed {
  const { values, positionals } = parseOptions(argv, { ...COMMON_OPTIONS, ...options }, true);
  return { values: values as Values, positionals };
}

export function text(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export function required(values: Values, name: string): string {
  const value = text(values, name);
  if (value === undefined) throw new UsageError(`--${name} is required`);
  return value;
}

export function expectPositionals(positionals: string[], names: string[]): string[] {
  if (positionals.length < names.length) throw new UsageError(`missing ${names[positionals.length]}`);
  if (positionals.length > names.length) throw new UsageError(`unexpected argument "${positionals[names.length]}"`);
  return positionals;
}

/** A positive amount in rubles with at most two decimals: "4750", "4750.50". */
export function parseAmount(flag: string, value: string): Money {
  let amount: Money;
  try {
    amount = money(value);
  } catch {
    throw new UsageError(`--${flag}: expected an amount in rubles like 4750 or 4750.50, got "${value}"`);
  }
  if (!/^\d/.test(amount) || amount === '0.00') throw new UsageError(`--${flag}: must be more than 0, got "${value}"`);
  return amount;
}

export function parsePhoneArg(value: string): string {
  const phone = parsePhone(value);
  if (!phone) throw new UsageError(`expected a Russian mobile number like +79161234567, got "${value}"`);
  return phone;
}

/** "2h", "-2h", "90m", "3d" (that long ago) or an ISO date or time (Moscow time unless it has an offset) → epoch ms. */
export function parseWhen(flag: string, value: string, now: number): number {
  const at = parseInstantOrAgo(value, now);
  if (at === null) {
    throw new UsageError(`--${flag}: expected a time like 2h (ago), 30m, 3d, 2025-01-15 or 2025-01-15T10:00:00Z, got "${value}"`);
  }
  return at;
}

/** The store named by --memory / --data-dir / KIOSK_DATA_DIR; SQLite is loaded only here. */
export async function openStore(values: Values): Promise<CommandStore> {
  const { SqliteStore } = await import('../store/sqliteStore.js');
  const seed = { seed: (store: SyncKioskStore) => seedDemo(store, Date.now()) };
  assertOneDataChoice(values.memory === true, text(values, 'data-dir'), text(values, 'store'));
  const explicitLocal = values.memory === true || text(values, 'data-dir') !== undefined;
  const url = explicitLocal ? null : parseStoreUrl(text(values, 'store'), process.env);
  if (url) {
    const { PgStore } = await import('../store/pg/pgStore.js');
    const registry = await PgStore.open(url);
    await seedDemoInto(registry, Date.now());
    return registry;
  }
  if (values.memory === true) {
    return asyncStore(SqliteStore.open(':memory:', seed));
  }
  const { openDataStore } = await import('../store/dataDir.js');
  return asyncStore(openDataStore(resolveDataDir(text(values, 'data-dir') ?? process.env.KIOSK_DATA_DIR ?? null), seed));
}

export type Handler = (parsed: Parsed) => Promise<number>;

/**
 * Runs a subcommand: `--help` first, then the work; prints the message for usage errors (2),
 * things not found (1) and data that cannot be used (1).
 */
export async function runCommand(command: string, help: string, argv: string[], options: Options, work: Handler): Promise<number> {
  try {
    const parsed = parse(argv, options);
    if (parsed.values.help === true) return void printHelp(`${help}\n\n${COMMON_HELP}\n`), 0;
    return await work(parsed);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`kiosk ${command}: ${error.message}\nTry 'kiosk ${error.command ?? command} --help'.\n`);
      return 2;
    }
    if (error instanceof NotFound || error instanceof Refused) {
      process.stderr.write(`kiosk ${command}: ${error.message}\n`);
      return 1;
    }
    if (error instanceof StoreError) {
      process.stderr.write(`kiosk ${command}: cannot use the kiosk's data: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** Opens the store for one command and closes it afterwards, whatever happens. */
export async function withStore<T>(values: Values, work: (store: CommandStore) => T | Promise<T>): Promise<T> {
  const store = await openStore(values);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
