/** `kiosk journal`: the cash journal, one line per accepted banknote, with what became of it. */
import { programNow } from '../adapters/programClock.js';
import { sumNotes } from '../domain/cash/settlement.js';
import { UsageError } from './args.js';
import { colorsFor } from './colors.js';
import { expectPositionals, parseWhen, runCommand, text, withStore, type Parsed } from './storeArgs.js';
import { count, csv, iso, printJson, rub, table } from './storeOutput.js';

const HELP = `Usage:
  kiosk journal [--since WHEN] [--format text|csv|json]

Every banknote a terminal accepted (written before the screen showed it), oldest first, with its
cash session, terminal, order and what became of the session: open (being paid, or to be finished
by recovery), paid (with its receipt).

  --since WHEN     only notes since then: 2h, 30m, 3d (ago) or an ISO time like 2025-01-15T10:00:00Z
  --format F       text (default), csv or json; --json is --format json

Examples:
  kiosk journal --since 2h
  kiosk journal --format csv > journal.csv`;

const OPTIONS = { since: { type: 'string' }, format: { type: 'string' } } as const;
const HEADERS = ['at', 'note', 'session', 'terminal', 'code', 'state', 'receipt'];

async function run({ values, positionals }: Parsed): Promise<number> {
  expectPositionals(positionals, []);
  const format = text(values, 'format') ?? (values.json === true ? 'json' : 'text');
  if (!['text', 'csv', 'json'].includes(format)) throw new UsageError(`--format: expected text, csv or json, got "${format}"`);
  if (values.json === true && format !== 'json') throw new UsageError(`--json and --format ${format} disagree`);
  const sinceText = text(values, 'since');
  return withStore(values, async (store) => {
    // `--since 2h` counts back from the program's time (F9/F10 move it ahead of real time)
    const since = sinceText === undefined ? null : parseWhen('since', sinceText, await programNow(store));
    const entries = await store.journalEntries(since);
    const rows = entries.map((e) => [iso(e.at), e.note, e.sessionId, e.terminalId, e.code, e.state, e.receipt ?? '']);
    if (format === 'json') printJson(entries.map((e) => ({ ...e, at: iso(e.at) })));
    else if (format === 'csv') process.stdout.write(csv(HEADERS, rows));
    else {
      const total = sumNotes(entries.map((e) => e.note));
      const body = entries.length ? `${table(HEADERS.map((h) => h.toUpperCase()), rows.map((r) => r.map((cell) => String(cell) || '-')), { right: ['NOTE'], status: ['STATE'], colors: colorsFor(process.stdout) })}\n` : '';
      process.stdout.write(`${body}${count(entries.length, 'note')}, ${rub(total)}\n`);
    }
    return 0;
  });
}

export const runJournal = (argv: string[]) => runCommand('journal', HELP, argv, OPTIONS, run);
