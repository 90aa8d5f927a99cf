/**
 * `kiosk phones show PHONE`: a phone's balance, the ledger of its changes, its mobile payments and
 * the SMS it got. `kiosk phones set PHONE --operator … --balance …`: a phone account and its
 * settings at the operator (issue 13: tariff, new subscriber, outage).
 */
import { isZero, money, type Money } from '../domain/money.js';
import { TARIFFS, type PhoneSettings, type Tariff } from '../domain/mobile/mobilePayment.js';
import { OPERATORS, type OperatorId } from '../domain/rules.js';
import { formatPhone, operatorName } from '../i18n/format.js';
import { UsageError } from './args.js';
import { colorsFor } from './colors.js';
import { expectPositionals, NotFound, parsePhoneArg, required, runCommand, text, withStore, type Parsed, type Values } from './storeArgs.js';
import { iso, printJson, rub, table } from './storeOutput.js';

const HELP = `Usage:
  kiosk phones show PHONE          balance, ledger (every change with its reason),
                                   mobile payments and SMS of a phone
  kiosk phones set PHONE --operator mts|megafon|beeline|tele2 --balance 500
        [--tariff standard|corporate|forbidden] [--new] [--outage on|off]
                                   a phone account and its settings at the operator:
                                   a corporate or forbidding tariff and a new
                                   subscriber refuse mobile payments; an outage
                                   sends no SMS at all (R-MOB-6)

PHONE is a Russian mobile number: +79161234567, 89161234567 or "+7 (916) 123-45-67".
Exit status 1 when the store knows nothing of the number (no account, no order).

Examples:
  kiosk phones show +79161234567 --json
  kiosk phones set +79051234567 --operator beeline --balance 2100 --tariff corporate`;

const OPTIONS = {
  operator: { type: 'string' },
  balance: { type: 'string' },
  tariff: { type: 'string' },
  new: { type: 'boolean' },
  outage: { type: 'string' },
} as const;

function parseOperator(value: string): OperatorId {
  const id = value.toLowerCase();
  if (!(OPERATORS as readonly string[]).includes(id)) throw new UsageError(`--operator: expected mts, megafon, beeline or tele2, got "${value}"`);
  return id as OperatorId;
}

function parseBalance(value: string): Money {
  let amount: Money;
  try {
    amount = money(value);
  } catch {
    throw new UsageError(`--balance: expected an amount in rubles like 500 or 500.50, got "${value}"`);
  }
  if (amount.startsWith('-')) throw new UsageError(`--balance: a balance is never below zero, got "${value}"`);
  return amount;
}

function parseSettings(values: Values, before: PhoneSettings): PhoneSettings {
  const tariff = text(values, 'tariff');
  if (tariff !== undefined && !(TARIFFS as readonly string[]).includes(tariff)) {
    throw new UsageError(`--tariff: expected standard, corporate or forbidden, got "${tariff}"`);
  }
  const outage = text(values, 'outage');
  if (outage !== undefined && outage !== 'on' && outage !== 'off') throw new UsageError(`--outage: expected on or off, got "${outage}"`);
  return {
    tariff: (tariff as Tariff | undefined) ?? before.tariff,
    newSubscriber: values.new === true ? true : before.newSubscriber,
    outage: outage === undefined ? before.outage : outage === 'on',
  };
}

function set({ values, positionals }: Parsed): Promise<number> {
  const [given] = expectPositionals(positionals, ['PHONE']);
  const phone = parsePhoneArg(given!);
  const operator = parseOperator(required(values, 'operator'));
  const balance = parseBalance(required(values, 'balance'));
  return withStore(values, async (store) => {
    const settings = parseSettings(values, await store.phoneSettings(phone));
    await store.setPhoneAccount(phone, operator, balance);
    await store.setPhoneSettings(phone, settings);
    if (values.json === true) printJson({ phone, operator, balance, settings });
    else process.stdout.write(`Phone ${formatPhone(phone)} (${operatorName(operator)}): balance ${rub(balance)}, ${describeSettings(settings)}\n`);
    return 0;
  });
}

const describeSettings = (s: PhoneSettings): string =>
  [`tariff ${s.tariff}`, ...(s.newSubscriber ? ['new subscriber'] : []), ...(s.outage ? ['operator outage'] : [])].join(', ');

async function run(parsed: Parsed): Promise<number> {
  const [action, ...args] = parsed.positionals;
  if (action === 'set') return set({ values: parsed.values, positionals: args });
  if (action !== 'show') throw new UsageError(action === undefined ? 'missing action: show or set' : `unknown action "${action}" (show, set)`);
  for (const flag of Object.keys(OPTIONS)) if (parsed.values[flag] !== undefined) throw new UsageError(`--${flag} does not apply to "phones show"`);
  const [given] = expectPositionals(args, ['PHONE']);
  const phone = parsePhoneArg(given!);
  const { values } = parsed;
  return withStore(values, async (store) => {
    const account = await store.phoneAccount(phone);
    const payments = await store.mobilePayments(phone);
    const settings = await store.phoneSettings(phone);
    const known = account.operator !== null || !isZero(account.balance) || account.ledger.length > 0 || account.sms.length > 0 ||
      payments.length > 0 || (await store.listOrders()).some((o) => o.phone === phone);
    if (!known) throw new NotFound(`no account or order for ${formatPhone(phone)}`);
    if (values.json === true) {
      printJson({
        ...account,
        settings,
        ledger: account.ledger.map((e) => ({ ...e, at: iso(e.at) })),
        mobilePayments: payments.map((p) => ({ ...p, events: p.events.map((e) => ({ ...e, at: iso(e.at) })) })),
        sms: account.sms.map((m) => ({ ...m, at: iso(m.at) })),
      });
      return 0;
    }
    const colors = colorsFor(process.stdout);
    const ledger = account.ledger.map((e) => [iso(e.at), rub(e.amount), e.reason]);
    const mobile = payments.flatMap((p) => p.events.map((e) => [p.id, p.code, iso(e.at), e.kind, e.amount === null ? '' : rub(e.amount), e.why]));
    const sms = account.sms.map((m) => [iso(m.at), m.sender, m.kind, rub(m.amount), m.kind === 'topup' ? `receipt ${m.receipt}` : `order ${m.code}`]);
    process.stdout.write(
      [
        colors.bold(`Phone ${formatPhone(phone)} (${operatorName(account.operator)})`),
        `Balance ${rub(account.balance)}`,
        `Settings: ${describeSettings(settings)}`,
        '',
        ledger.length ? `${colors.bold('Ledger')}\n${table(['AT', 'AMOUNT', 'REASON'], ledger, { colors })}` : 'Ledger: no changes',
        '',
        mobile.length ? `${colors.bold('Mobile payments')}\n${table(['PAYMENT', 'ORDER', 'AT', 'EVENT', 'AMOUNT', 'WHY'], mobile, { colors })}` : 'Mobile payments: none',
        '',
        sms.length ? `${colors.bold('SMS')}\n${table(['AT', 'FROM', 'KIND', 'AMOUNT', 'ABOUT'], sms, { colors })}` : 'SMS: none',
      ].join('\n') + '\n',
    );
    return 0;
  });
}

export const runPhones = (argv: string[]) => runCommand('phones', HELP, argv, OPTIONS, run);
