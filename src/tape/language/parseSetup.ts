/** Setup commands, the ones before `Launch`: `Set …`, `Order …`, `Phone …`. */
import type { Lang, Money } from '../../domain/money.js';
import { MAX_PROCESSING_DELAY_MS, OPERATOR_NAMES, OPERATORS, type OperatorId } from '../../domain/rules.js';
import type { SetKey, SetupCommand } from './ast.js';
import { parseDuration, parseInstant } from '../../domain/time.js';
import type { LineCursor } from './lineCursor.js';
import { DEFAULT_PHONE_SETTINGS, TARIFFS, type PhoneSettings, type Tariff } from '../../domain/mobile/mobilePayment.js';
import type { MobileOptions } from '../../domain/mobile/mobileRules.js';
import { BUILT_IN_SKINS } from '../../domain/skins/index.js';
import { TRAIN_SETUP_COMMANDS } from './parseTrainSteps.js';
import { readMoney, readOptions, readOrderCode, readPhone, type Body, type CommandContext, type CommandSpec } from './values.js';

const SET_KEYS: readonly SetKey[] = ['Lang', 'Size', 'Clock', 'TerminalId', 'DataDir', 'Place', 'ProcessingDelay', 'Role', 'Mobile', 'Skin'];
const PLACE_NAMES = ['site', 'phone', 'terminal', 'cashier', 'post'] as const;
export const ROLE_NAMES = ['customer', 'cashier'] as const;
const LANGS: readonly Lang[] = ['en', 'ru'];

/**
 * Below 80×24 the app shows its "terminal too small" screen, which a tape may want to see.
 * [choice] 20×10 at least, for `Set Size` and `Resize` alike: below it nothing of that line fits (issue 21).
 */
export const SIZE_LIMITS = { minColumns: 20, maxColumns: 500, minRows: 10, maxRows: 200 } as const;

function parseSet(ctx: CommandContext): Body<SetupCommand> {
  const { cur } = ctx;
  const expected = `a setting (${SET_KEYS.join(', ')})`;
  const keyToken = cur.word(expected);
  if (!(SET_KEYS as readonly string[]).includes(keyToken.raw)) cur.failAt(keyToken, expected);
  const key = keyToken.raw as SetKey;
  ctx.once('Set', key, keyToken, `one Set ${key} per tape`);
  const body = setValue(cur, key);
  cur.end();
  return body;
}

function setValue(cur: LineCursor, key: SetKey): Body<SetupCommand> {
  switch (key) {
    case 'Lang': {
      const expected = `a language (${LANGS.join(', ')})`;
      const token = cur.word(expected);
      const lang = LANGS.find((l) => l === token.raw.toLowerCase()) ?? cur.failAt(token, expected);
      return { kind: 'set', key, lang };
    }
    case 'Size': {
      const { minColumns, maxColumns, minRows, maxRows } = SIZE_LIMITS;
      const expected = `a size like 100x30 (columns ${minColumns}-${maxColumns}, rows ${minRows}-${maxRows})`;
      const token = cur.word(expected);
      const m = /^(\d+)x(\d+)$/.exec(token.raw);
      const columns = Number(m?.[1]);
      const rows = Number(m?.[2]);
      const fits = columns >= minColumns && columns <= maxColumns && rows >= minRows && rows <= maxRows;
      if (!m || !fits) cur.failAt(token, expected);
      return { kind: 'set', key, columns, rows };
    }
    case 'Clock': {
      const expected = 'a date and time with its offset like 2026-11-22T10:00:00+03:00';
      const token = cur.word(expected);
      const epochMs = clockOf(token.raw) ?? cur.failAt(token, expected);
      return { kind: 'set', key, iso: token.raw, epochMs };
    }
    case 'TerminalId': {
      const expected = 'a terminal id like T-1 (letters, digits, "-", "_", ".")';
      const token = cur.word(expected);
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/.test(token.raw)) cur.failAt(token, expected);
      return { kind: 'set', key, terminalId: token.raw };
    }
    case 'Role': {
      const expected = `a role (${ROLE_NAMES.join(', ')})`;
      const token = cur.word(expected);
      const role = ROLE_NAMES.find((r) => r === token.raw) ?? cur.failAt(token, expected);
      return { kind: 'set', key, role };
    }
    case 'Place': {
      const expected = `a place (${PLACE_NAMES.join(', ')})`;
      const token = cur.word(expected);
      const place = PLACE_NAMES.find((p) => p === token.raw) ?? cur.failAt(token, expected);
      return { kind: 'set', key, place };
    }
    case 'ProcessingDelay': {
      const expected = 'a duration from 0 to 7 days like 2d or 36h (R-CODE-6)';
      const token = cur.word(expected);
      const ms = parseDuration(token.raw);
      if (ms === null || ms > MAX_PROCESSING_DELAY_MS) cur.failAt(token, expected);
      return { kind: 'set', key, ms };
    }
    case 'Mobile':
      return { kind: 'set', key, options: readMobileOptions(cur) };
    case 'Skin': {
      const expected = `a skin (${BUILT_IN_SKINS.map((s) => s.id).join(', ')})`;
      const token = cur.word(expected);
      const skin = BUILT_IN_SKINS.find((s) => s.id === token.raw.toLowerCase()) ?? cur.failAt(token, expected);
      return { kind: 'set', key, skin: skin.id };
    }
    case 'DataDir': {
      const expected = 'a folder path (in double quotes if it has spaces)';
      const token = cur.value(expected);
      if (token.value.trim() === '') cur.failAt(token, expected);
      return { kind: 'set', key, path: token.value };
    }
  }
}



/** The instant a tape's ISO 8601 time names; the offset is required so a tape means the same on every machine. */
export const clockOf = (text: string): number | null => parseInstant(text, { requireOffset: true });

function parseOrder(ctx: CommandContext): Body<SetupCommand> {
  const { cur } = ctx;
  const code = readOrderCode(cur);
  ctx.once('Order', code.value, code.token, 'one Order per order number');
  let amount: Money | undefined;
  let phone: string | undefined;
  const options: { issuedOffsetMs?: number; price?: Money; region?: string; delivered?: true } = {};
  let paid = false;
  readOptions(cur, ['amount', 'phone', 'issued', 'price', 'paid', 'delivered', 'region'], (name) => {
    if (name === 'amount') amount = readMoney(cur, 'positive');
    else if (name === 'phone') phone = readPhone(cur).value;
    else if (name === 'price') options.price = readMoney(cur, 'positive');
    else if (name === 'paid') paid = true;
    else if (name === 'delivered') options.delivered = true;
    else if (name === 'issued') options.issuedOffsetMs = readIssued(cur);
    else {
      const expected = 'a two-letter region code like RU';
      const token = cur.word(expected);
      if (!/^[A-Z]{2}$/.test(token.raw)) cur.failAt(token, expected);
      options.region = token.raw;
    }
  });
  return {
    kind: 'order',
    code: code.value,
    amount: amount ?? cur.failNext('amount 4750.00 (every Order needs one)'),
    phone: phone ?? cur.failNext('phone +79161234567 (every Order needs one)'),
    paid: paid || options.delivered === true,
    ...options,
  };
}

/** `issued -2h`: how long before the tape's clock the code was sent. */
function readIssued(cur: LineCursor): number {
  const expected = 'a time before the clock like -2h';
  const token = cur.word(expected);
  const ms = token.raw.startsWith('-') ? parseDuration(token.raw.slice(1)) : null;
  if (ms === null) return cur.failAt(token, expected);
  return ms === 0 ? 0 : -ms;
}

function parsePhoneAccount(ctx: CommandContext): Body<SetupCommand> {
  const { cur } = ctx;
  const phone = readPhone(cur);
  ctx.once('Phone', phone.value, phone.token, 'one Phone per number');
  let operator: OperatorId | undefined;
  let balance: Money | undefined;
  const settings: PhoneSettings = { ...DEFAULT_PHONE_SETTINGS };
  readOptions(cur, ['operator', 'balance', 'tariff', 'new', 'outage'], (name) => {
    if (name === 'balance') balance = readMoney(cur, 'any');
    else if (name === 'operator') operator = readOperator(cur);
    else if (name === 'tariff') settings.tariff = readTariff(cur);
    else if (name === 'new') settings.newSubscriber = true;
    else settings.outage = true;
  });
  return {
    kind: 'phone',
    phone: phone.value,
    operator: operator ?? cur.failNext('operator MTS (every Phone needs one)'),
    balance: balance ?? cur.failNext('balance 120.00 (every Phone needs one)'),
    settings,
  };
}

function readOperator(cur: LineCursor): OperatorId {
  const expected = `an operator (${OPERATORS.map((id) => OPERATOR_NAMES[id]).join(', ')})`;
  const token = cur.word(expected);
  const wanted = token.raw.toLowerCase();
  return OPERATORS.find((id) => id === wanted || OPERATOR_NAMES[id].toLowerCase() === wanted) ?? cur.failAt(token, expected);
}

function readTariff(cur: LineCursor): Tariff {
  const expected = 'a tariff (corporate, forbidden, standard)';
  const token = cur.word(expected);
  return TARIFFS.find((t) => t === token.raw) ?? cur.failAt(token, expected);
}

/** `Set Mobile keep-minimum one-request tele2-2.35`: the operators' options, each off unless named. */
const MOBILE_OPTIONS: Readonly<Record<string, keyof MobileOptions>> = {
  'keep-minimum': 'keepMinimum',
  'one-request': 'oneOpenRequest',
  'tele2-2.35': 'tele2Commission235',
};
function readMobileOptions(cur: LineCursor): MobileOptions {
  const expected = `mobile options (${Object.keys(MOBILE_OPTIONS).join(', ')})`;
  const options: Record<string, boolean> = {};
  do {
    const token = cur.word(expected);
    const name = MOBILE_OPTIONS[token.raw] ?? cur.failAt(token, expected);
    options[name] = true;
  } while (!cur.atEnd());
  return options as MobileOptions;
}

export const SETUP_COMMANDS: Readonly<Record<string, CommandSpec<SetupCommand>>> = {
  Set: { suffix: 'none', parse: parseSet },
  Order: { suffix: 'none', parse: parseOrder },
  Phone: { suffix: 'none', parse: parsePhoneAccount },
  ...TRAIN_SETUP_COMMANDS,
};
