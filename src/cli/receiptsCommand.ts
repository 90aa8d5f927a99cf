/** `kiosk receipts list|show`: the receipts the terminals printed. */
import { programNow } from '../adapters/programClock.js';
import type { Lang } from '../domain/money.js';
import { receiptText } from '../domain/fiscal/receiptText.js';
import type { Receipt } from '../domain/store.js';
import { parseLang, UsageError } from './args.js';
import { colorsFor } from './colors.js';
import { expectPositionals, NotFound, parseWhen, runCommand, text, withStore, type Parsed } from './storeArgs.js';
import { count, iso, printJson, rub, table } from './storeOutput.js';

const HELP = `Usage:
  kiosk receipts list [--since WHEN]      every receipt, oldest first: number, time, order, paid, to phone
  kiosk receipts show NUMBER [--lang ru|en]

show prints the receipt as the terminal printed it. A receipt whose printing was cut off (the process
died right after the payment was saved) is rendered from its saved fields, in --lang (default ru).

  --since WHEN     only receipts since then: 2h, 30m, 3d (ago) or an ISO time like 2025-01-15T10:00:00Z

Examples:
  kiosk receipts list --since 1d
  kiosk receipts show T-0001-000001`;

const OPTIONS = { lang: { type: 'string' }, since: { type: 'string' } } as const;
const ONLY_FOR: Record<string, string> = { lang: 'show', since: 'list' };

const receiptJson = (receipt: Receipt) => ({ ...receipt, at: iso(receipt.at) });

async function run({ values, positionals }: Parsed): Promise<number> {
  const [action, ...args] = positionals;
  if (action !== 'show' && action !== 'list') {
    throw new UsageError(action === undefined ? 'missing action: list or show' : `unknown action "${action}" (list, show)`);
  }
  for (const [name, only] of Object.entries(ONLY_FOR)) {
    if (values[name] !== undefined && action !== only) throw new UsageError(`--${name} does not apply to "receipts ${action}"`);
  }
  return action === 'list' ? list(values, args) : show(values, args);
}

function list(values: Parsed['values'], args: string[]): Promise<number> {
  expectPositionals(args, []);
  const sinceText = text(values, 'since');
  return withStore(values, (store) => {
    // `--since 2h` counts back from the program's time (F9/F10 move it ahead of real time)
    const since = sinceText === undefined ? null : parseWhen('since', sinceText, programNow(store));
    const receipts = store.receipts(since);
    if (values.json === true) return printJson(receipts.map(receiptJson)), 0;
    const rows = receipts.map((r) => [r.number, iso(r.at), r.code, rub(r.accepted), rub(r.toPhone)]);
    const body = receipts.length ? `${table(['NUMBER', 'AT', 'ORDER', 'PAID', 'TO PHONE'], rows, { colors: colorsFor(process.stdout) })}\n` : '';
    process.stdout.write(`${body}${count(receipts.length, 'receipt')}\n`);
    return 0;
  });
}

function show(values: Parsed['values'], args: string[]): Promise<number> {
  const [number] = expectPositionals(args, ['NUMBER']);
  const lang: Lang = parseLang(text(values, 'lang'), {});
  return withStore(values, (store) => {
    const receipt = store.receipt(number!);
    if (!receipt) throw new NotFound(`no receipt "${number}"`);
    const printed = store.receiptText(number!);
    const body = printed ?? receiptText(receipt, lang);
    if (values.json === true) printJson({ ...receiptJson(receipt), printed: printed !== undefined, text: body });
    else process.stdout.write(`${body}\n`);
    return 0;
  });
}

export const runReceipts = (argv: string[]) => runCommand('receipts', HELP, argv, OPTIONS, run);
