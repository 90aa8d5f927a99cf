/** Command-line options of the kiosk itself, validated with errors that name the bad value. */
import { parseArgs } from 'node:util';
import type { Lang } from '../domain/money.js';
import { DEFAULT_RULES, type KioskRules, type Timeouts } from '../domain/rules.js';

export class UsageError extends Error {}

export interface RunOptions {
  lang: Lang;
  terminalId: string | null;
  memory: boolean;
  dataDir: string | null;
  rules: KioskRules;
  help: boolean;
  version: boolean;
}

const TIMEOUT_FLAGS: Record<string, keyof Timeouts> = {
  'menu-timeout': 'menuMs',
  'entry-timeout': 'entryMs',
  'cash-timeout': 'cashNoNoteMs',
  'cash-note-timeout': 'cashWithNoteMs',
  'more-time-timeout': 'moreTimeMs',
};

/** "30s", "2m", "1500ms", "48h" → milliseconds. */
export function parseSeconds(flag: string, text: string): number {
  const match = /^(\d+)(ms|s|m|h)?$/.exec(text.trim());
  if (!match) throw new UsageError(`--${flag}: expected a duration like 30s, 2m or 1500ms, got "${text}"`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] ?? 's'] ?? 1000;
  return Number(match[1]) * unit;
}

export function parseRunArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): RunOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        lang: { type: 'string' },
        'terminal-id': { type: 'string' },
        memory: { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        'order-length': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
        ...Object.fromEntries(Object.keys(TIMEOUT_FLAGS).map((f) => [f, { type: 'string' as const }])),
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  const lang = (v.lang as string | undefined) ?? env.KIOSK_LANG ?? 'ru';
  if (lang !== 'ru' && lang !== 'en') throw new UsageError(`--lang: expected ru or en, got "${lang}"`);
  const timeouts = { ...DEFAULT_RULES.timeouts };
  for (const [flag, key] of Object.entries(TIMEOUT_FLAGS)) {
    const text = v[flag];
    if (typeof text === 'string') timeouts[key] = parseSeconds(flag, text);
  }
  const lengthText = v['order-length'];
  const orderNumberLength = typeof lengthText === 'string' ? Number(lengthText) : DEFAULT_RULES.orderNumberLength;
  if (!Number.isInteger(orderNumberLength) || orderNumberLength < 4 || orderNumberLength > 20) {
    throw new UsageError(`--order-length: expected a whole number from 4 to 20, got "${lengthText}"`);
  }
  return {
    lang,
    terminalId: (v['terminal-id'] as string | undefined) ?? env.KIOSK_TERMINAL_ID ?? null,
    memory: v.memory === true,
    dataDir: (v['data-dir'] as string | undefined) ?? env.KIOSK_DATA_DIR ?? null,
    rules: { ...DEFAULT_RULES, timeouts, orderNumberLength },
    help: v.help === true,
    version: v.version === true,
  };
}
