/** Command-line options of the kiosk itself, validated with errors that name the bad value. */
import { MOBILE_FLAGS, parseMobileFlags } from './mobileArgs.js';
import { FORWARD_FLAGS, parseForwardFlags, parseProbeFlag, parseProbeTimeoutFlag } from './forwardArgs.js';
import type { BackoffOptions } from '../store/outboxForwarder.js';
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Lang } from '../domain/money.js';
import { DEFAULT_RULES, MAX_PROCESSING_DELAY_MS, type KioskRules, type Timeouts } from '../domain/rules.js';
import { formatDuration, parseDuration } from '../domain/time.js';
import { isPlace, PLACES, type Place } from '../../machines/world.js';
import { DESK_ROLES, type DeskRole } from '../../machines/desk/deskContext.js';
import { isPositive, money, type Money } from '../domain/money.js';
import { BUILT_IN_SKINS, DEFAULT_SKIN, parseSkinFile, skinById, type Skin } from '../domain/skins/index.js';
import { DEFAULT_SERVICE_PIN, isServicePin } from '../domain/cash/service.js';
import { DEFAULT_CASSETTE_CAPACITY } from '../domain/cash/cassette.js';
import { isPgUrl, maskUrl } from '../store/pg/pgUrl.js';

/** A usage error (exit 2); `command` names whose --help to suggest ("orders", "tape run"). */
export class UsageError extends Error {
  constructor(message: string, readonly command: string | null = null) {
    super(message);
  }
}

/**
 * A UsageError as the kiosk reports it (the line, then where to look), exit code 2; anything else
 * goes on. The start script and the commands script (src/cli/commands.ts) each report their own.
 */
export function usageExit(error: unknown): number {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`kiosk: ${error.message}\nTry 'kiosk ${error.command ? `${error.command} ` : ''}--help'.\n`);
  return 2;
}

export interface RunOptions {
  lang: Lang;
  /** the place that has the keys at start (default the terminal) */
  place: Place;
  /** who the trainee plays at the desks (default the customer) */
  role: DeskRole;
  /** [choice] the most a desk takes for one order; null: no limit */
  deskCap: Money | null;
  terminalId: string | null;
  memory: boolean;
  dataDir: string | null;
  /** --store / KIOSK_STORE: a PostgreSQL registry's URL; null for the data directory or memory */
  store: string | null;
  /** on a registry: the outbox forwarder's waits between tries ([choice] 1 s doubling to 60 s) */
  forwardRetry: BackoffOptions;
  /** on a registry: the wait between two probes of it ([choice] 5 s) */
  registryProbeMs: number;
  /** on a registry: how long a probe waits for its answer ([choice] 3 s) */
  registryProbeTimeoutMs: number;
  rules: KioskRules;
  /** SGR mouse reports on (taps press buttons); `--no-mouse` turns them off */
  mouse: boolean;
  help: boolean;
  version: boolean;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node's parseArgs with our words: `--issued -2h` / `--menu-timeout -3s` give the value to the
 * option (node would call it "ambiguous"), and its errors become messages that name the option.
 */
export function parseOptions<const T extends Options>(argv: string[], options: T, allowPositionals: boolean) {
  try {
    return parseArgs({ args: joinDashValues(argv, options), options, allowPositionals: allowPositionals as true, strict: true });
  } catch (error) {
    throw new UsageError(parserMessage(error));
  }
}

/** A value that starts with a dash and a digit is joined to its string option (`--issued=-2h`). */
function joinDashValues(argv: string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : null;
    if (name && Object.hasOwn(options, name) && options[name]!.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

function parserMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const option = /^Option '(-[^' ]+)/.exec(message)?.[1] ?? /^Unknown option '(.*?)'(?:\. To specify|$)/s.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${JSON.stringify(option)}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    return /does not take an argument/.test(message) ? `${option} takes no value` : `${option} needs a value`;
  }
  const positional = /^Unexpected argument '(.*)'/s.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && positional !== undefined) return `unexpected argument ${JSON.stringify(positional)}`;
  return message.split('\n')[0]!;
}

const TIMEOUT_FLAGS: Record<string, keyof Timeouts> = {
  'menu-timeout': 'menuMs',
  'entry-timeout': 'entryMs',
  'cash-timeout': 'cashNoNoteMs',
  'cash-note-timeout': 'cashWithNoteMs',
  'more-time-timeout': 'moreTimeMs',
};

/** A kiosk that times out faster than a customer can press a key is unusable; a day is plenty. */
export const TIMEOUT_RANGE_MS = { min: 1_000, max: 24 * 3_600_000 } as const;

/** "30s", "2m", "1500ms", "1h30m" (a bare number is seconds) → milliseconds within TIMEOUT_RANGE_MS. */
export function parseTimeout(flag: string, text: string): number {
  const range = `from ${formatDuration(TIMEOUT_RANGE_MS.min)} to ${formatDuration(TIMEOUT_RANGE_MS.max)}`;
  const trimmed = text.trim();
  const ms = parseDuration(/^\d+$/.test(trimmed) ? `${trimmed}s` : trimmed);
  if (ms === null || ms < TIMEOUT_RANGE_MS.min || ms > TIMEOUT_RANGE_MS.max) {
    throw new UsageError(`--${flag}: expected a duration ${range} like 30s, 2m or 1500ms, got "${text}"`);
  }
  return ms;
}

/** --memory keeps nothing, --data-dir and --store name where to keep it: one rule for the kiosk and every command. */
export function assertOneDataChoice(memory: boolean, dataDir: string | undefined, store?: string): void {
  if (memory && dataDir !== undefined) throw new UsageError('--memory and --data-dir cannot be used together');
  if (store !== undefined && (memory || dataDir !== undefined)) throw new UsageError(`--store cannot be used with ${memory ? '--memory' : '--data-dir'}`);
}

/**
 * --store URL, else KIOSK_STORE: a PostgreSQL registry (postgres://user@host:5432/kiosk); null for
 * none. The URL is checked here and only ever shown with its password masked.
 */
export function parseStoreUrl(option: string | undefined, env: NodeJS.ProcessEnv): string | null {
  const [source, url] = option !== undefined ? ['--store', option] : ['KIOSK_STORE', env.KIOSK_STORE];
  if (url === undefined || url === '') return null;
  if (!isPgUrl(url)) throw new UsageError(`${source}: expected a PostgreSQL URL like postgres://kiosk@host:5432/kiosk, got "${maskUrl(url)}"`);
  return url;
}

/** ru or en, from the option or else the environment; the message names the one that was wrong. */
export function parseLang(option: string | undefined, env: NodeJS.ProcessEnv, fallback: Lang = 'ru'): Lang {
  const [source, lang] = option !== undefined ? ['--lang', option] : env.KIOSK_LANG !== undefined ? ['KIOSK_LANG', env.KIOSK_LANG] : ['', fallback];
  if (lang !== 'ru' && lang !== 'en') throw new UsageError(`${source}: expected ru or en, got "${lang}"`);
  return lang;
}

/** --skin NAME or --skin-file FILE (not both): the terminal's brand, default Euroset (R-TERM-4). */
export function parseSkin(name: string | undefined, file: string | undefined, read: (path: string) => string = (p) => readFileSync(p, 'utf8')): Skin {
  if (name !== undefined && file !== undefined) throw new UsageError('--skin and --skin-file cannot be used together');
  if (name !== undefined) {
    return skinById(name) ?? (() => { throw new UsageError(`--skin: expected ${BUILT_IN_SKINS.map((s) => s.id).join(', ')}, got "${name}" (kiosk skins lists them)`); })();
  }
  if (file === undefined) return DEFAULT_SKIN;
  let source: string;
  try {
    source = read(file);
  } catch (error) {
    throw new UsageError(`--skin-file: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const checked = parseSkinFile(source);
  if (checked.ok) return checked.skin;
  throw new UsageError(`--skin-file ${file} is not a usable skin:\n${checked.errors.map((e) => `  ${e}`).join('\n')}`);
}

export function parseRunArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): RunOptions {
  const parsed = parseOptions(argv, {
    lang: { type: 'string' },
    place: { type: 'string' },
    role: { type: 'string' },
    'desk-cap': { type: 'string' },
    'terminal-id': { type: 'string' },
    memory: { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    store: { type: 'string' },
    'order-length': { type: 'string' },
    'processing-delay': { type: 'string' },
    skin: { type: 'string' },
    'skin-file': { type: 'string' },
    'service-pin': { type: 'string' },
    'cassette-capacity': { type: 'string' },
    'paper-receipts': { type: 'string' },
    'no-mouse': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
    version: { type: 'boolean', short: 'v', default: false },
    ...Object.fromEntries(Object.keys(TIMEOUT_FLAGS).map((f) => [f, { type: 'string' as const }])),
    ...MOBILE_FLAGS,
    ...FORWARD_FLAGS,
  }, false);
  const v = parsed.values as Record<string, string | boolean | undefined>;
  const lang = parseLang(v.lang as string | undefined, env);
  const timeouts = { ...DEFAULT_RULES.timeouts };
  for (const [flag, key] of Object.entries(TIMEOUT_FLAGS)) {
    const text = v[flag];
    if (typeof text === 'string') timeouts[key] = parseTimeout(flag, text);
  }
  const orderNumberLength = parseOrderLength(v['order-length'] as string | undefined);
  const skin = parseSkin(v.skin as string | undefined, v['skin-file'] as string | undefined);
  const servicePin = (v['service-pin'] as string | undefined) ?? DEFAULT_SERVICE_PIN;
  if (!isServicePin(servicePin)) throw new UsageError(`--service-pin: expected 4 to 8 digits, got "${servicePin}"`);
  const capacityText = (v['cassette-capacity'] as string | undefined) ?? String(DEFAULT_CASSETTE_CAPACITY);
  const cassetteCapacity = Number(capacityText);
  if (!/^\d+$/.test(capacityText) || cassetteCapacity < 1 || cassetteCapacity > 100_000) {
    throw new UsageError(`--cassette-capacity: expected a whole number of notes from 1 to 100000, got "${capacityText}"`);
  }
  const paperReceipts = parsePaperReceipts(v['paper-receipts'] as string | undefined);
  assertOneDataChoice(v.memory === true, v['data-dir'] as string | undefined, v.store as string | undefined);
  // an explicit --memory or --data-dir wins over a KIOSK_STORE in the environment
  const explicitLocal = v.memory === true || v['data-dir'] !== undefined;
  const store = explicitLocal ? null : parseStoreUrl(v.store as string | undefined, env);
  return {
    lang,
    place: parsePlace(v.place as string | undefined),
    role: parseRole(v.role as string | undefined),
    deskCap: parseDeskCap(v['desk-cap'] as string | undefined),
    terminalId: (v['terminal-id'] as string | undefined) ?? env.KIOSK_TERMINAL_ID ?? null,
    memory: v.memory === true,
    dataDir: (v['data-dir'] as string | undefined) ?? env.KIOSK_DATA_DIR ?? null,
    store,
    forwardRetry: parseForwardFlags(v, parseTimeout, (message) => new UsageError(message)),
    registryProbeMs: parseProbeFlag(v, parseTimeout),
    registryProbeTimeoutMs: parseProbeTimeoutFlag(v, parseTimeout),
    rules: { ...DEFAULT_RULES, timeouts, orderNumberLength, processingDelayMs: parseProcessingDelay(v['processing-delay'] as string | undefined), mobile: parseMobileFlags(v, parseTimeout, (message) => new UsageError(message)), skin, servicePin, cassetteCapacity, ...(paperReceipts === null ? {} : { paperReceipts }) },
    mouse: v['no-mouse'] !== true,
    help: v.help === true,
    version: v.version === true,
  };
}

/** --place site|phone|terminal|cashier|post: where the program opens (default the terminal). */
export function parsePlace(text: string | undefined): Place {
  if (text === undefined) return 'terminal';
  if (!isPlace(text)) throw new UsageError(`--place: expected ${PLACES.join(', ')}, got "${text}"`);
  return text;
}

/** --processing-delay 2d: how long cash paid at a terminal is "processing" before it settles, 0 to 7 days (R-CODE-6). */
export function parseProcessingDelay(text: string | undefined): number {
  if (text === undefined) return DEFAULT_RULES.processingDelayMs;
  const ms = parseDuration(text.trim());
  if (ms === null || ms > MAX_PROCESSING_DELAY_MS) {
    throw new UsageError(`--processing-delay: expected a duration from 0 to 7 days (R-CODE-6) like 2d, 36h or 7d, got "${text}"`);
  }
  return ms;
}

/** --role customer|cashier: who the trainee plays at the desks (default the customer). */
export function parseRole(text: string | undefined): DeskRole {
  if (text === undefined) return 'customer';
  const role = DESK_ROLES.find((r) => r === text);
  if (!role) throw new UsageError(`--role: expected ${DESK_ROLES.join(' or ')}, got "${text}"`);
  return role;
}

/** --desk-cap AMOUNT: the desks' own upper limit for one order (default none, R-CASH-2 [choice]). */
export function parseDeskCap(text: string | undefined): Money | null {
  if (text === undefined) return null;
  let cap: Money;
  try {
    cap = money(text);
  } catch {
    throw new UsageError(`--desk-cap: expected an amount above zero like 50000, got "${text}"`);
  }
  if (!isPositive(cap)) throw new UsageError(`--desk-cap: expected an amount above zero like 50000, got "${text}"`);
  return cap;
}

/** --order-length: digits in an order number, 4 to 20 (default DEFAULT_RULES.orderNumberLength). */
export function parseOrderLength(text: string | undefined): number {
  if (text === undefined) return DEFAULT_RULES.orderNumberLength;
  const length = Number(text);
  if (!/^\d+$/.test(text) || length < 4 || length > 20) {
    throw new UsageError(`--order-length: expected a whole number from 4 to 20, got "${text}"`);
  }
  return length;
}

/** Which standard stream is not a terminal (`kiosk | cat`: output; `kiosk < file`: input), or null. */
export function streamsNotTerminal(stdinIsTty: boolean, stdoutIsTty: boolean): string | null {
  if (!stdinIsTty && !stdoutIsTty) return 'standard input and output are not a terminal';
  if (!stdinIsTty) return 'standard input is not a terminal';
  if (!stdoutIsTty) return 'standard output is not a terminal';
  return null;
}

/** `--paper-receipts N`: the printer's paper lasts N receipts [choice: off by default, it never runs out]. */
function parsePaperReceipts(text: string | undefined): number | null {
  if (text === undefined) return null;
  const count = Number(text);
  if (!/^\d+$/.test(text) || count < 1 || count > 100_000) {
    throw new UsageError(`--paper-receipts: expected a whole number of receipts from 1 to 100000, got "${text}"`);
  }
  return count;
}
