/**
 * The payment system's rules and limits as data (../shared/DOMAIN.md). Everything here is a
 * default that `KioskConfig` can override; the README lists each [choice] and why.
 */
import type { Money } from './money.js';
import type { MobileRules } from './mobile/mobileRules.js';
import { DEFAULT_SKIN, type Skin } from './skins/index.js';

export const HOUR_MS = 3_600_000;
export const SECOND_MS = 1_000;
export const DAY_MS = 24 * HOUR_MS;

/** R-CODE-6: cash takes up to several days to process, rarely up to 7 ([choice] 2 days by default). */
export const DEFAULT_PROCESSING_DELAY_MS = 2 * DAY_MS;
export const MAX_PROCESSING_DELAY_MS = 7 * DAY_MS;

/** A processing delay the rules allow (0 to 7 days), or a RangeError naming the limit. */
export function checkProcessingDelay(ms: number): number {
  if (!Number.isSafeInteger(ms) || ms < 0 || ms > MAX_PROCESSING_DELAY_MS) {
    throw new RangeError(`the processing delay must be from 0 to 7 days (R-CODE-6), got ${ms} ms`);
  }
  return ms;
}

/**
 * R-PROT-1 [choice]: buyer protection ends this long after delivery; a buyer who neither confirmed
 * receipt nor opened a dispute by then has the money released to the seller automatically, as
 * AliExpress confirms an order by itself once its protection period is over. 15 days by default.
 */
export const DEFAULT_PROTECTION_PERIOD_MS = 15 * DAY_MS;

/** Banknotes a Euroset bill acceptor takes, in rubles, in the order of keys 1–8. */
export const BANKNOTES = [10, 50, 100, 200, 500, 1000, 2000, 5000] as const;
export type Banknote = (typeof BANKNOTES)[number];
export const isBanknote = (n: number): n is Banknote => (BANKNOTES as readonly number[]).includes(n);

export type OperatorId = 'mts' | 'megafon' | 'beeline' | 'tele2';
export const OPERATORS: readonly OperatorId[] = ['mts', 'megafon', 'beeline', 'tele2'];
export const OPERATOR_NAMES: Record<OperatorId, string> = {
  mts: 'MTS',
  megafon: 'MegaFon',
  beeline: 'Beeline',
  tele2: 'Tele2',
};

/** Inactivity timeouts of real terminals (Cyberplat/QIWI/Euroset defaults), in milliseconds. */
export interface Timeouts {
  /** menus, lists, refusals and the receipt → idle screen */
  menuMs: number;
  /** order-number and phone entry → idle screen */
  entryMs: number;
  /** cash screen with no note yet → "Need more time?" */
  cashNoNoteMs: number;
  /** cash screen once a note is in → "Need more time?" */
  cashWithNoteMs: number;
  /** how long the "Need more time?" dialog waits for an answer */
  moreTimeMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = {
  menuMs: 30 * SECOND_MS,
  entryMs: 70 * SECOND_MS,
  cashNoNoteMs: 60 * SECOND_MS,
  cashWithNoteMs: 120 * SECOND_MS,
  moreTimeMs: 15 * SECOND_MS,
};

export interface KioskRules {
  /** R-TERM-3: the most the terminal takes for one order, and in one payment. */
  terminalCap: Money;
  /** R-CODE-2: how long a cash code is valid. */
  codeValidityMs: number;
  /** [choice] digits in an order number (the SMS code). */
  orderNumberLength: number;
  /** R-CODE-4: regions whose residents may pay in cash. */
  cashRegions: readonly string[];
  /** R-CODE-6: how long cash accepted at a terminal is "processing" before it settles (at most 7 days). */
  processingDelayMs: number;
  /** R-PROT-1: after delivery, how long the buyer may confirm or dispute before the money is released by itself. */
  protectionPeriodMs: number;
  timeouts: Timeouts;
  /** issue 13: mobile payment's commissions, limits and options; absent, DEFAULT_MOBILE_RULES */
  mobile?: MobileRules;
  /** R-TERM-4 [choice]: the terminal's brand, its words and menu path (src/domain/skins); default Euroset */
  skin?: Skin;
  /** [choice] the service-mode PIN (default 0000, src/domain/cash/service.ts) */
  servicePin?: string;
  /** [choice] banknotes the acceptor's cassette holds (default 1,500): full, the terminal is out of service */
  cassetteCapacity?: number;
  /** [choice] receipts the printer's paper lasts (`--paper-receipts`); omitted, it never runs out */
  paperReceipts?: number;
}

/** What the order's life reads from the rules: the code's validity and the protection period. */
export type OrderLifeRules = Pick<KioskRules, 'codeValidityMs' | 'protectionPeriodMs' | 'mobile'>;

export const DEFAULT_RULES: KioskRules = {
  terminalCap: '15000.00',
  codeValidityMs: 48 * HOUR_MS,
  orderNumberLength: 10,
  cashRegions: ['RU'],
  processingDelayMs: DEFAULT_PROCESSING_DELAY_MS,
  protectionPeriodMs: DEFAULT_PROTECTION_PERIOD_MS,
  timeouts: DEFAULT_TIMEOUTS,
  skin: DEFAULT_SKIN,
};

/** Why the bill acceptor hands a note back. */
export type RejectReason = 'worn' | 'unknown' | 'limit' | 'fault' | 'full';
