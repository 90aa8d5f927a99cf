/** `kiosk receipts show NUMBER`: a receipt as it was printed. */
import type { Lang } from '../domain/money.js';
import { receiptText } from '../domain/receiptText.js';
import { UsageError } from './args.js';
import { expectPositionals, NotFound, runCommand, text, withStore, type Parsed } from './storeArgs.js';
import { iso, printJson } from './storeOutput.js';

const HELP = `Usage:
  kiosk receipts show NUMBER [--lang ru|en]

Prints the receipt as the terminal printed it. A receipt whose printing was cut off (the process
died right after the payment was saved) is rendered from its saved fields, in --lang (default ru).

Example:
  kiosk receipts show T-0001-000001`;

const OPTIONS = { lang: { type: 'string' } } as const;

async function run({ values, positionals }: Parsed): Promise<number> {
  const [action, ...args] = positionals;
  if (action !== 'show') throw new UsageError(action === undefined ? 'missing action: show' : `unknown action "${action}" (show)`);
  const [number] = expectPositionals(args, ['NUMBER']);
  const lang = text(values, 'lang') ?? 'ru';
  if (lang !== 'ru' && lang !== 'en') throw new UsageError(`--lang: expected ru or en, got "${lang}"`);
  return withStore(values, (store) => {
    const receipt = store.receipt(number!);
    if (!receipt) throw new NotFound(`no receipt "${number}"`);
    const printed = store.receiptText(number!);
    const body = printed ?? receiptText(receipt, lang as Lang);
    if (values.json === true) printJson({ ...receipt, at: iso(receipt.at), printed: printed !== undefined, text: body });
    else process.stdout.write(`${body}\n`);
    return 0;
  });
}

export const runReceipts = (argv: string[]) => runCommand('receipts', HELP, argv, OPTIONS, run);
