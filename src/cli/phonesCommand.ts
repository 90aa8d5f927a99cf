/** `kiosk phones show PHONE`: a phone's balance, the ledger of its changes and the SMS it got. */
import { isZero } from '../domain/money.js';
import { formatPhone, operatorName } from '../i18n/format.js';
import { UsageError } from './args.js';
import { colorsFor } from './colors.js';
import { expectPositionals, NotFound, parsePhoneArg, runCommand, withStore, type Parsed } from './storeArgs.js';
import { iso, printJson, rub, table } from './storeOutput.js';

const HELP = `Usage:
  kiosk phones show PHONE          balance, ledger (every change with its reason) and SMS of a phone

PHONE is a Russian mobile number: +79161234567, 89161234567 or "+7 (916) 123-45-67".
Exit status 1 when the store knows nothing of the number (no account, no order).

Example:
  kiosk phones show +79161234567 --json`;

async function run({ values, positionals }: Parsed): Promise<number> {
  const [action, ...args] = positionals;
  if (action !== 'show') throw new UsageError(action === undefined ? 'missing action: show' : `unknown action "${action}" (show)`);
  const [given] = expectPositionals(args, ['PHONE']);
  const phone = parsePhoneArg(given!);
  return withStore(values, (store) => {
    const account = store.phoneAccount(phone);
    const known = account.operator !== null || !isZero(account.balance) || account.ledger.length > 0 || account.sms.length > 0 ||
      store.listOrders().some((o) => o.phone === phone);
    if (!known) throw new NotFound(`no account or order for ${formatPhone(phone)}`);
    if (values.json === true) {
      printJson({
        ...account,
        ledger: account.ledger.map((e) => ({ ...e, at: iso(e.at) })),
        sms: account.sms.map((m) => ({ ...m, at: iso(m.at) })),
      });
      return 0;
    }
    const colors = colorsFor(process.stdout);
    const ledger = account.ledger.map((e) => [iso(e.at), rub(e.amount), e.reason]);
    const sms = account.sms.map((m) => [iso(m.at), m.sender, m.kind, rub(m.amount), m.kind === 'topup' ? `receipt ${m.receipt}` : `order ${m.code}`]);
    process.stdout.write(
      [
        colors.bold(`Phone ${formatPhone(phone)} (${operatorName(account.operator)})`),
        `Balance ${rub(account.balance)}`,
        '',
        ledger.length ? `${colors.bold('Ledger')}\n${table(['AT', 'AMOUNT', 'REASON'], ledger, { colors })}` : 'Ledger: no changes',
        '',
        sms.length ? `${colors.bold('SMS')}\n${table(['AT', 'FROM', 'KIND', 'AMOUNT', 'ABOUT'], sms, { colors })}` : 'SMS: none',
      ].join('\n') + '\n',
    );
    return 0;
  });
}

export const runPhones = (argv: string[]) => runCommand('phones', HELP, argv, {}, run);
