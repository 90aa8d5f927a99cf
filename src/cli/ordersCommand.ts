/** `kiosk orders new|list|show|reprice`: the orders in the kiosk's data. */
import { programNow } from '../adapters/programClock.js';
import { randomInt } from 'node:crypto';
import { canReprice, fitsOrderLength, newOrder, type Order } from '../domain/orders/orders.js';
import { DEFAULT_RULES } from '../domain/rules.js';
import type { KioskStore } from '../domain/store.js';
import { parseOrderLength, UsageError } from './args.js';
import { colorsFor } from './colors.js';
import { expectPositionals, NotFound, parseAmount, Refused, parsePhoneArg, parseWhen, required, runCommand, text, withStore, type Parsed } from './storeArgs.js';
import { iso, orderJson, orderText, printJson, rub, table } from './storeOutput.js';
import { isLifeAction, LIFE_HELP, parseLifeAction, runLifeAction } from './orderLifeCommand.js';

const HELP = `Usage:
  kiosk orders new --amount 4750 --phone +79161234567 [--issued -2h] [--region RU] [--price P] [--channel pc|app]
                   [--code CODE] [--order-length N]
                                   adds an order and prints its payment code
  kiosk orders list                every order, oldest first
  kiosk orders show CODE           one order, with its history (every change, when and why)
  kiosk orders reprice CODE --price 2300
                                   the price has risen (or fallen) since the code was issued (R-CODE-5);
                                   a paid order is refused (exit 1)
${LIFE_HELP}

  --amount A       the amount in the code's SMS, in rubles (4750 or 4750.50)
  --price P        the order's price now (default: the amount)
  --issued WHEN    when the code was issued: -2h, 90m, 3d (ago) or an ISO time, Moscow time unless it
                   has an offset (default: now)
  --region XX      the buyer's region, two capital letters (default RU)
  --code CODE      the payment code (default: random digits); as many digits as the kiosk takes
  --order-length N digits in the kiosk's order numbers, as \`kiosk --order-length N\` (default ${DEFAULT_RULES.orderNumberLength})

Examples:
  kiosk orders new --amount 4750 --phone +79161234567 --issued -2h
  kiosk orders reprice 1000000002 --price 3500 --json
  kiosk orders cancel 1000000001 --refund 500.00 --reason out-of-stock
  kiosk orders dispute 1000000001 --outcome partial:1000`;

const OPTIONS = {
  amount: { type: 'string' },
  phone: { type: 'string' },
  issued: { type: 'string' },
  region: { type: 'string' },
  price: { type: 'string' },
  channel: { type: 'string' },
  code: { type: 'string' },
  'order-length': { type: 'string' },
  refund: { type: 'string' },
  reason: { type: 'string' },
  outcome: { type: 'string' },
} as const;

/** Options that only `orders new` / `orders reprice` take: refused elsewhere rather than ignored. */
const ONLY_FOR: Record<string, string[]> = { new: ['amount', 'phone', 'issued', 'region', 'price', 'channel', 'code', 'order-length'], reprice: ['price'],
  cancel: ['refund', 'reason'], dispute: ['outcome', 'reason'], renew: ['code', 'order-length'] };

function assertOptionsFit(action: string, values: Parsed['values']): void {
  for (const name of Object.keys(OPTIONS)) {
    if (values[name] !== undefined && !(ONLY_FOR[action] ?? []).includes(name)) {
      throw new UsageError(`--${name} does not apply to "orders ${action}"`);
    }
  }
}

async function freshCode(store: KioskStore, length: number): Promise<string> {
  for (;;) {
    const code = String(randomInt(1, 10)) + Array.from({ length: length - 1 }, () => randomInt(0, 10)).join('');
    if (!(await store.findOrder(code))) return code;
  }
}

async function parseNewOrder(values: Parsed['values'], store: KioskStore, now: number): Promise<Order> {
  const codeAmount = parseAmount('amount', required(values, 'amount'));
  const phone = parsePhoneArg(required(values, 'phone'));
  const priceText = text(values, 'price');
  const issuedText = text(values, 'issued');
  const region = text(values, 'region') ?? 'RU';
  if (!/^[A-Z]{2}$/.test(region)) throw new UsageError(`--region: expected two capital letters like RU, got "${region}"`);
  const channel = text(values, 'channel') ?? 'pc';
  if (channel !== 'pc' && channel !== 'app') throw new UsageError(`--channel: expected pc or app, got "${channel}"`);
  const given = text(values, 'code');
  const length = parseOrderLength(text(values, 'order-length'));
  if (given !== undefined && !fitsOrderLength(given, { orderNumberLength: length })) {
    // a code the kiosk cannot take would be an order nobody can pay
    throw new UsageError(`--code: the kiosk takes order numbers of ${length} digits, got "${given}"` +
      (/^\d{4,20}$/.test(given) ? ` (${given.length} digits: add --order-length ${given.length} and run the kiosk with it)` : ''));
  }
  if (given !== undefined && (await store.findOrder(given))) throw new UsageError(`--code: order ${given} exists already`);
  return newOrder({
    code: given ?? (await freshCode(store, length)),
    codeAmount,
    phone,
    issuedAt: issuedText === undefined ? now : parseWhen('issued', issuedText, now),
    region,
    channel,
    ...(priceText !== undefined ? { price: parseAmount('price', priceText) } : {}),
  });
}

async function mustFind(store: KioskStore, code: string): Promise<Order> {
  const order = await store.findOrder(code);
  if (!order) throw new NotFound(`no order "${code}"`);
  return order;
}

async function run({ values, positionals }: Parsed): Promise<number> {
  const [action, ...args] = positionals;
  const actions = ['new', 'list', 'show', 'reprice', 'cancel', 'ship', 'deliver', 'confirm', 'dispute', 'renew'];
  if (action === undefined) throw new UsageError(`missing action: ${actions.join(', ')}`);
  if (!actions.includes(action)) throw new UsageError(`unknown action "${action}" (${actions.join(', ')})`);
  assertOptionsFit(action, values);
  const json = values.json === true;
  const [code] = expectPositionals(args, action === 'new' || action === 'list' ? [] : ['CODE']);
  if (isLifeAction(action)) {
    const life = parseLifeAction(action, values);
    const length = parseOrderLength(text(values, 'order-length'));
    return withStore(values, async (store) => {
      await mustFind(store, code!);
      if (life.kind === 'renew' && life.newCode === '') life.newCode = await freshCode(store, length);
      if (life.kind === 'renew' && !fitsOrderLength(life.newCode, { orderNumberLength: length })) {
        throw new UsageError(`--code: the kiosk takes order numbers of ${length} digits, got "${life.newCode}"`);
      }
      const now = await programNow(store);
      const outcome = await runLifeAction(store, code!, life, now);
      const shown = outcome.placed ?? outcome.order;
      if (json) printJson(orderJson(shown));
      else if (outcome.placed) process.stdout.write(`${outcome.placed.code}\n`);
      else process.stdout.write(`${orderText(shown, colorsFor(process.stdout), now)}\n`);
      return 0;
    });
  }
  // validate what needs no store before touching it
  const price = action === 'reprice' ? parseAmount('price', required(values, 'price')) : null;
  return withStore(values, async (store) => {
    const now = await programNow(store);
    if (action === 'new') {
      const order = await parseNewOrder(values, store, now);
      await store.addOrder(order);
      if (json) printJson(orderJson(order));
      else process.stdout.write(`${order.code}\n`);
      return 0;
    }
    if (action === 'list') {
      const orders = await store.listOrders();
      if (json) return printJson(orders.map(orderJson)), 0;
      const rows = orders.map((o) => [o.code, rub(o.codeAmount), rub(o.price), o.status, rub(o.paid), rub(o.owed), o.phone, iso(o.issuedAt)]);
      process.stdout.write(`${table(['CODE', 'AMOUNT', 'PRICE', 'STATUS', 'PAID', 'OWED', 'PHONE', 'ISSUED'], rows, { status: ['STATUS'], colors: colorsFor(process.stdout) })}\n`);
      return 0;
    }
    const found = await mustFind(store, code!);
    if (price !== null && !canReprice(found)) throw new Refused(`order ${code} is paid: the price of a paid order cannot change`);
    const order = price === null ? found : await store.repriceOrder(code!, price);
    if (json) printJson(orderJson(order));
    else process.stdout.write(`${orderText(order, colorsFor(process.stdout), now)}\n`);
    return 0;
  });
}

export const runOrders = (argv: string[]) => runCommand('orders', HELP, argv, OPTIONS, run);
