/** `kiosk receipts list|show`: the receipts the terminals and the desks (cashier, Post) printed. */
import { programNow } from '../adapters/programClock.js';
import type { Lang } from '../domain/money.js';
import { receiptText } from '../domain/fiscal/receiptText.js';
import { deskReceiptText, type DeskReceipt } from '../domain/fiscal/fiscalReceipt.js';
import type { Receipt } from '../domain/store.js';
import { parseLang, UsageError } from './args.js';
import { colorsFor } from './colors.js';
import { expectPositionals, NotFound, parseWhen, runCommand, text, withStore, type Parsed } from './storeArgs.js';
import { count, iso, printJson, rub, table } from './storeOutput.js';

const HELP = `Usage:
  kiosk receipts list [--since WHEN]      every receipt, oldest first: number, time, order, paid, to phone
  kiosk receipts show NUMBER [--lang ru|en]

The desks' receipts (the cashier K-1-…, the Post P-101000-…) are listed with the terminals'; their
change was handed in cash, so TO PHONE shows "-".
show prints the receipt as the terminal printed it. A receipt whose printing was cut off (the process
died right after the payment was saved) is rendered from its saved fields, in --lang (default ru).
A desk's receipt is shown in its desk's form with the QR payload (QR: t=…&s=…&fn=…&i=…&fp=…&n=1).

  --since WHEN     only receipts since then: 2h, 30m, 3d (ago) or an ISO time like 2025-01-15T10:00:00Z

Examples:
  kiosk receipts list --since 1d
  kiosk receipts show T-0001-000001`;

const OPTIONS = { lang: { type: 'string' }, since: { type: 'string' } } as const;
const ONLY_FOR: Record<string, string> = { lang: 'show', since: 'list' };

const receiptJson = (receipt: Receipt) => ({ ...receipt, at: iso(receipt.at) });
const deskReceiptJson = (receipt: DeskReceipt) => ({ ...receipt, at: iso(receipt.at) });

/** One listed row of either kind, to merge the terminals' and the desks' receipts by time. */
interface Listed { at: number; row: string[]; json: object }

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
  return withStore(values, async (store) => {
    // `--since 2h` counts back from the program's time (F9/F10 move it ahead of real time)
    const since = sinceText === undefined ? null : parseWhen('since', sinceText, await programNow(store));
    const listed: Listed[] = [
      ...(await store.receipts(since)).map((r) => ({ at: r.at, row: [r.number, iso(r.at), r.code, rub(r.accepted), rub(r.toPhone)], json: receiptJson(r) })),
      // a desk hands the change in cash: nothing goes to a phone
      ...(await store.deskReceipts()).filter((r) => since === null || r.at >= since).map((r) => ({ at: r.at, row: [r.number, iso(r.at), r.code, rub(r.total), '-'], json: deskReceiptJson(r) })),
    ].sort((a, b) => a.at - b.at);
    if (values.json === true) return printJson(listed.map((r) => r.json)), 0;
    const body = listed.length ? `${table(['NUMBER', 'AT', 'ORDER', 'PAID', 'TO PHONE'], listed.map((r) => r.row), { colors: colorsFor(process.stdout) })}\n` : '';
    process.stdout.write(`${body}${count(listed.length, 'receipt')}\n`);
    return 0;
  });
}

function show(values: Parsed['values'], args: string[]): Promise<number> {
  const [number] = expectPositionals(args, ['NUMBER']);
  const lang: Lang = parseLang(text(values, 'lang'), {});
  return withStore(values, async (store) => {
    const desk = (await store.deskReceipts()).find((r) => r.number === number);
    if (desk) {
      const body = deskReceiptText(desk, lang);
      if (values.json === true) printJson({ ...deskReceiptJson(desk), text: body });
      else process.stdout.write(`${body}\n`);
      return 0;
    }
    const receipt = await store.receipt(number!);
    if (!receipt) throw new NotFound(`no receipt "${number}"`);
    const printed = await store.receiptText(number!);
    const body = printed ?? receiptText(receipt, lang);
    if (values.json === true) printJson({ ...receiptJson(receipt), printed: printed !== undefined, text: body });
    else process.stdout.write(`${body}\n`);
    return 0;
  });
}

export const runReceipts = (argv: string[]) => runCommand('receipts', HELP, argv, OPTIONS, run);
