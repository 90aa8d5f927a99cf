/** The kiosk machine's context, input and events (machines/terminal/kiosk.ts runs them), and its field editing. */
import type { Lang, Money } from '../../src/domain/money.js';
import type { LookupRefusal, LookupResult } from '../../src/domain/orders/orders.js';
import type { OperatorId } from '../../src/domain/rules.js';
import type { Receipt } from '../../src/domain/store.js';
import { DEFAULT_SKIN, type Skin } from '../../src/domain/skins/index.js';
import type { CassetteCount, Encashment } from '../../src/domain/cash/cassette.js';
import { DEFAULT_SERVICE_PIN } from '../../src/domain/cash/service.js';
import type { Jam } from '../../src/domain/cash/jam.js';
import type { NavEvent } from '../buttons.js';
import type { KioskButtonEvent } from './kioskButtons.js';

export interface KioskInput {
  lang?: Lang;
  orderNumberLength?: number;
  /** the terminal's brand (R-TERM-4); default Euroset */
  skin?: Skin;
  /** the service-mode PIN; default 0000 */
  servicePin?: string;
}

export interface KioskContext {
  defaultLang: Lang;
  lang: Lang;
  orderNumberLength: number;
  skin: Skin;
  /** the Help text of the current screen is showing (R-TERM-4) */
  help: boolean;
  /** the focus before Help opened, given back when it closes */
  focusBeforeHelp: number;
  servicePin: string;
  /** the part of the hidden service sequence typed on the idle screen so far */
  serviceKeys: string;
  pinDigits: string;
  /** wrong PINs in a row; the third locks the service login (the terminal times the lock) */
  serviceAttempts: number;
  serviceLocked: boolean;
  /** the cassette as service mode shows it, and the encashment just made */
  cassette: CassetteCount | null;
  cassetteCapacity: number;
  encashment: Encashment | null;
  focus: number;
  /** i18n key of a one-line notice or hint, cleared by the next key */
  notice: string | null;
  /** values for the notice's placeholders */
  noticeParams: Record<string, string | number>;
  orderDigits: string;
  phoneDigits: string;
  operator: OperatorId | null;
  /** true once the customer picked the operator, so typing no longer overrides it */
  operatorChosen: boolean;
  payable: { code: string; due: Money } | null;
  refusal: { code: string; reason: LookupRefusal; due?: Money } | null;
  receipt: Receipt | null;
  /** the printer has no paper: the check and phone steps warn, the receipt goes by SMS (kept across sessions) */
  paperOut: boolean;
  /** the receipt on screen was not printed but sent by SMS to the change phone */
  receiptBySms: boolean;
  /** the bill acceptor holds a note: out of service until service mode clears the jam (kept across sessions) */
  jam: Jam | null;
  /** the order registry cannot be reached: the reason as the terminal heard it, else null (kept across sessions; out of service meanwhile) */
  registryDown: string | null;
}

export type KioskEvent =
  | KioskButtonEvent
  | NavEvent
  | { type: 'kiosk.wake' }
  | { type: 'receipt.done' }
  | { type: 'input.text'; text: string }
  | { type: 'input.backspace' }
  | { type: 'input.clear' }
  | { type: 'io.orderLookedUp'; result: LookupResult }
  | { type: 'io.paymentCompleted'; receipt: Receipt; bySms?: boolean }
  | { type: 'printer.paper'; out: boolean }
  | { type: 'io.cashCancelled'; back?: boolean }
  | { type: 'timer.inactivity' }
  | { type: 'service.key'; key: string }
  | { type: 'io.cassetteRead'; cassette: CassetteCount; capacity: number }
  | { type: 'io.encashed'; encashment: Encashment }
  | { type: 'service.locked' }
  | { type: 'service.unlocked' }
  | { type: 'io.jammed'; jam: Jam }
  | { type: 'registry.lost'; reason: string }
  | { type: 'registry.back' };

export const initialContext = (input: KioskInput): KioskContext => initialContextIn(input.lang ?? 'ru', input);

// the language is named once: the session starts in the terminal's own
const initialContextIn = (lang: Lang, input: KioskInput): KioskContext => ({
  defaultLang: lang,
  lang,
  orderNumberLength: input.orderNumberLength ?? 10,
  skin: input.skin ?? DEFAULT_SKIN,
  help: false,
  focusBeforeHelp: 0,
  servicePin: input.servicePin ?? DEFAULT_SERVICE_PIN,
  // Stryker disable next-line StringLiteral: equivalent, because serviceKeysAfter drops any start that is not the sequence's beginning at the first key
  serviceKeys: '',
  pinDigits: '',
  serviceAttempts: 0,
  serviceLocked: false,
  cassette: null,
  cassetteCapacity: 0,
  encashment: null,
  focus: 0,
  notice: null,
  noticeParams: {},
  orderDigits: '',
  phoneDigits: '',
  operator: null,
  operatorChosen: false,
  payable: null,
  refusal: null,
  receipt: null,
  paperOut: false,
  // Stryker disable next-line BooleanLiteral: equivalent, because it is read only beside a receipt, and keepReceipt sets both
  receiptBySms: false,
  jam: null,
  registryDown: null,
});

/** Appends typed or pasted text to a numeric field: digits only, cut to the field's length. */
export function typeDigits(current: string, text: string, maxLength: number): { digits: string; notice: string | null } {
  const typed = text.replace(/\D/g, '');
  const joined = current + typed;
  const notice = typed.length < text.length ? 'hint.digitsOnly' : joined.length > maxLength ? 'hint.fieldFull' : null;
  return { digits: joined.slice(0, maxLength), notice };
}
