/**
 * A tape's setup commands turned into what the engine starts from: the settings (with their
 * defaults) and a store holding only the tape's declared orders and phones.
 */
import { mobileRules, type MobileOptions } from '../../domain/mobile/mobileRules.js';
import { DEFAULT_SKIN, skinById } from '../../domain/skins/index.js';
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { MemoryStore } from '../../domain/memoryStore.js';
import type { Lang } from '../../domain/money.js';
import { decideOrderAction } from '../../domain/orders/orderLife.js';
import { newOrder, type Order } from '../../domain/orders/orders.js';
import { DEFAULT_RULES, type KioskRules } from '../../domain/rules.js';
import type { SyncKioskStore } from '../../domain/store.js';
import type { Located, OrderCommand, PhoneCommand, Tape } from '../language/ast.js';
import { StepFailure } from './failure.js';

/** A fixed default, so a tape without `Set Clock` shows the same dates on every run and machine. */
export const DEFAULT_CLOCK_ISO = '2026-11-22T10:00:00+03:00';
export const DEFAULT_CLOCK_MS = Date.parse(DEFAULT_CLOCK_ISO);

export interface TapeSettings {
  lang: Lang;
  columns: number;
  rows: number;
  /** epoch milliseconds at Launch */
  clockMs: number;
  terminalId: string;
  /** the place that has the keys at Launch */
  place: 'site' | 'phone' | 'terminal' | 'cashier' | 'post';
  /** who the trainee plays at the desks; null: the desks' default (the customer) */
  role: 'customer' | 'cashier' | null;
  /** the terminal's brand (`Set Skin`): a built-in skin's id; default Euroset */
  skin: string;
  /** absolute; null means the in-memory store */
  dataDir: string | null;
  /** where the tape says `Set DataDir` (its errors name file:line:col) */
  dataDirAt?: Located;
  /** R-CODE-6: how long cash paid at a terminal processes (`Set ProcessingDelay`) */
  processingDelayMs: number;
  orders: OrderCommand[];
  phones: PhoneCommand[];
  /** `Set Mobile …`: the operators' options in force (issue 13); null: the defaults */
  mobile: MobileOptions | null;
}

/** `baseDir` resolves a relative `Set DataDir` (the tape's folder). */
export function settingsOf(tape: Tape, baseDir: string): TapeSettings {
  const settings: TapeSettings = {
    // the kiosk's own default: Russian, as on real terminals
    lang: 'ru',
    columns: 80,
    rows: 24,
    clockMs: DEFAULT_CLOCK_MS,
    terminalId: 'T-1',
    place: 'terminal',
    role: null,
    skin: 'euroset',
    dataDir: null,
    processingDelayMs: DEFAULT_RULES.processingDelayMs,
    orders: [],
    phones: [],
    mobile: null,
  };
  for (const command of tape.setup) {
    if (command.kind === 'order') settings.orders.push(command);
    else if (command.kind === 'phone') settings.phones.push(command);
    // the exercise's own setup lines are already in the tape (runTrainSteps.ts withExerciseSetup)
    else if (command.kind === 'train') continue;
    else if (command.key === 'Lang') settings.lang = command.lang;
    else if (command.key === 'Size') Object.assign(settings, { columns: command.columns, rows: command.rows });
    else if (command.key === 'Clock') settings.clockMs = command.epochMs;
    else if (command.key === 'TerminalId') settings.terminalId = command.terminalId;
    else if (command.key === 'Place') settings.place = command.place;
    else if (command.key === 'ProcessingDelay') settings.processingDelayMs = command.ms;
    else if (command.key === 'Role') settings.role = command.role;
    else if (command.key === 'Mobile') settings.mobile = command.options;
    else if (command.key === 'Skin') settings.skin = command.skin;
    else {
      settings.dataDir = isAbsolute(command.path) ? command.path : resolve(baseDir, command.path);
      settings.dataDirAt = { line: command.line, column: command.column, raw: command.raw };
    }
  }
  return settings;
}

export function orderOf(command: OrderCommand, clockMs: number): Order {
  const order = newOrder({
    code: command.code,
    codeAmount: command.amount,
    phone: command.phone,
    issuedAt: clockMs + (command.issuedOffsetMs ?? 0),
    ...(command.price ? { price: command.price } : {}),
    ...(command.region ? { region: command.region } : {}),
  });
  const paid: Order = command.paid ? { ...order, status: 'paid', paid: order.price, owed: '0.00' } : order;
  if (!command.delivered) return paid;
  // the same order life as the Ship and Deliver steps, at the tape's clock
  const shipped = decideOrderAction(paid, { kind: 'ship' }, clockMs, DEFAULT_RULES).order;
  return decideOrderAction(shipped, { kind: 'deliver' }, clockMs, DEFAULT_RULES).order;
}

/** Puts the declared orders and phones into an empty store. */
export function seedStore(store: SyncKioskStore, settings: TapeSettings): void {
  for (const command of settings.orders) store.addOrder(orderOf(command, settings.clockMs));
  for (const phone of settings.phones) {
    store.setPhoneAccount(phone.phone, phone.operator, phone.balance);
    store.setPhoneSettings(phone.phone, phone.settings);
  }
}

export type StoreOpener = (dataDir: string, options: { processingDelayMs: number }) => SyncKioskStore;

/** The SQLite store is loaded only by tapes that ask for it, so in-memory tapes never load the native binding. */
export async function sqliteOpener(): Promise<StoreOpener> {
  const { openDataStore } = await import('../../store/index.js');
  return (dir, options) => openDataStore(dir, options);
}

/**
 * A fresh store for the tape. A `DataDir` must not hold a kiosk database yet: a tape starts from
 * its declared data only, and the runner never deletes anyone's database to get there.
 */
export function openTapeStore(settings: TapeSettings, open: StoreOpener | null): SyncKioskStore {
  if (settings.dataDir === null) {
    const store = new MemoryStore({ processingDelayMs: settings.processingDelayMs });
    seedStore(store, settings);
    return store;
  }
  if (!open) throw new Error('openTapeStore: a DataDir tape needs the SQLite opener');
  // the name store/dataDir.ts gives the file; not imported, so this module never loads SQLite
  if (existsSync(join(settings.dataDir, 'kiosk.db'))) {
    throw new StepFailure('tape', `Set DataDir ${settings.dataDir}: the folder already holds kiosk.db; a tape starts from its own data only, so point it at a new folder or remove the file`, [], undefined, settings.dataDirAt);
  }
  const store = open(settings.dataDir, { processingDelayMs: settings.processingDelayMs });
  seedStore(store, settings);
  return store;
}

/** `rules` in the tape's skin (`Set Skin`, R-TERM-4) unless it names none, with its `Set Mobile` options on top. */
export function tapeRules(rules: KioskRules, tape: Pick<Tape, 'setup'>, settings: Pick<TapeSettings, 'skin' | 'mobile'>): KioskRules {
  const named = tape.setup.some((c) => c.kind === 'set' && c.key === 'Skin');
  const skinned = named ? { ...rules, skin: skinById(settings.skin) ?? DEFAULT_SKIN } : rules;
  return settings.mobile ? { ...skinned, mobile: mobileRules(settings.mobile, skinned.mobile) } : skinned;
}
