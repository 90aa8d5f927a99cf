/** `kiosk encashments`: every cassette taken out of a terminal in service mode, with its count (R-TERM-4). */
import { add, ZERO } from '../domain/money.js';
import { BANKNOTES } from '../domain/rules.js';
import { UsageError } from './args.js';
import { colorsFor } from './colors.js';
import { expectPositionals, runCommand, text, withStore, type Parsed } from './storeArgs.js';
import { count, csv, iso, printJson, rub, table } from './storeOutput.js';

const HELP = `Usage:
  kiosk encashments [--terminal ID] [--format text|csv|json]

Every encashment, oldest first: the terminal, the cassette taken out, when, the banknotes it held by
denomination (from the cash journal, since the previous encashment) and their total. Encash a
terminal in its service mode (README, "Service mode").

  --terminal ID    only this terminal's
  --format F       text (default), csv or json; --json is --format json`;

const OPTIONS = { terminal: { type: 'string' }, format: { type: 'string' } } as const;
const HEADERS = ['encashment', 'cassette', 'at', 'notes', 'count', 'total'];

async function run({ values, positionals }: Parsed): Promise<number> {
  expectPositionals(positionals, []);
  const format = text(values, 'format') ?? (values.json === true ? 'json' : 'text');
  if (!['text', 'csv', 'json'].includes(format)) throw new UsageError(`--format: expected text, csv or json, got "${format}"`);
  return withStore(values, async (store) => {
    const list = await store.encashments(text(values, 'terminal'));
    const notes = (n: Record<number, number>) => BANKNOTES.filter((d) => (n[d] ?? 0) > 0).map((d) => `${d}×${n[d]}`).join(' ') || '-';
    const rows = list.map((e) => [`${e.terminalId}-E${e.number}`, e.cassetteId, iso(e.at), notes(e.notes), e.count, e.total]);
    if (format === 'json') printJson(list.map((e) => ({ ...e, at: iso(e.at), since: e.since === null ? null : iso(e.since) })));
    else if (format === 'csv') process.stdout.write(csv(HEADERS, rows));
    else {
      const body = list.length ? `${table(HEADERS.map((h) => h.toUpperCase()), rows.map((r) => r.map(String)), { right: ['COUNT', 'TOTAL'], colors: colorsFor(process.stdout) })}\n` : '';
      process.stdout.write(`${body}${count(list.length, 'encashment')}, ${rub(list.map((e) => e.total).reduce((a, b) => add(a, b), ZERO))}\n`);
    }
    return 0;
  });
}

export const runEncashments = (argv: string[]) => runCommand('encashments', HELP, argv, OPTIONS, run);
