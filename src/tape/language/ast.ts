/**
 * The typed form of a `.tape` file. The parser produces it; the runner only ever sees these
 * values, already validated (banknotes are real denominations, amounts canonical decimal strings,
 * phones normalised to +7XXXXXXXXXX), so it never re-checks the text.
 */
import type { MobileOptions } from '../../domain/mobile/mobileRules.js';
import type { PhoneSettings } from '../../domain/mobile/mobilePayment.js';
import type { Lang, Money } from '../../domain/money.js';
import type { OrderAction } from '../../domain/orders/orderLife.js';
import type { InjectedFault } from '../../../machines/terminal/terminalContext.js';

/**
 * What `ExpectOrder CODE STATUS` checks, at the tape's clock (src/tape/run/assertions.ts):
 * unpaid, partial, paid: the payment status, as before; processing: paid at a terminal, not yet
 * settled; credited: paid and settled; expired: unpaid with its code expired; cancelled, shipped,
 * delivered, disputed, released: the order's stage; refunded: some money went back to the phone.
 */
export const ORDER_CONDITIONS = [
  'paid', 'partial', 'unpaid', 'processing', 'credited', 'expired', 'cancelled', 'refunded', 'shipped', 'delivered', 'disputed', 'released',
] as const;
/** The payment statuses keep the domain's names in the parsed tape (partial → partially_paid, unpaid → awaiting). */
export type OrderCondition = Exclude<(typeof ORDER_CONDITIONS)[number], 'partial' | 'unpaid'> | 'partially_paid' | 'awaiting';
import type { Banknote, OperatorId } from '../../domain/rules.js';

/** Where a command was written, for failure reports and asciicast markers. */
export interface Located {
  /** 1-based line of the command */
  line: number;
  /** 1-based column of the command's first character */
  column: number;
  /** the command as written, trimmed and without a trailing comment */
  raw: string;
}

export const KEY_NAMES = [
  'Enter', 'Escape', 'Backspace', 'Tab', 'Space', 'Up', 'Down', 'Left', 'Right', 'Ctrl+C',
  'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'F10', 'F11', 'F12',
] as const;
export type KeyName = (typeof KEY_NAMES)[number];

export type TextMatcher = { kind: 'text'; text: string } | { kind: 'regex'; source: string; flags: string };

export type SetCommand = Located & { kind: 'set' } & (
    | { key: 'Lang'; lang: Lang }
    | { key: 'Size'; columns: number; rows: number }
    /** `iso` as written; `epochMs` the instant it names (the offset is part of the text) */
    | { key: 'Clock'; iso: string; epochMs: number }
    | { key: 'TerminalId'; terminalId: string }
    /** the place that has the keys at Launch (`kiosk --place`) */
    | { key: 'Place'; place: 'site' | 'phone' | 'terminal' | 'cashier' | 'post' }
    /** who the trainee plays at the desks (`kiosk --role`) */
    | { key: 'Role'; role: 'customer' | 'cashier' }
    /** as written; the runner resolves a relative path against the tape's folder */
    | { key: 'DataDir'; path: string }
    /** how long cash paid at a terminal processes before it settles (R-CODE-6; `kiosk --processing-delay`) */
    | { key: 'ProcessingDelay'; ms: number }
    /** issue 13: options from the operators' rules (`Set Mobile keep-minimum one-request tele2-2.35`) */
    | { key: 'Mobile'; options: MobileOptions }
    /** the terminal's brand (R-TERM-4): a built-in skin's id */
    | { key: 'Skin'; skin: string }
  );
export type SetKey = SetCommand['key'];

export type OrderCommand = Located & {
  kind: 'order';
  code: string;
  /** the amount in the SMS */
  amount: Money;
  phone: string;
  /** `issued -2h` → -7_200_000: relative to the tape's clock at Launch; absent means "now" */
  issuedOffsetMs?: number;
  /** the current price when it differs from the SMS amount */
  price?: Money;
  paid: boolean;
  /** `delivered`: paid, shipped and delivered at the tape's clock (to start a scene at Confirm receipt) */
  delivered?: true;
  region?: string;
};

/** `settings`: the phone at its operator (issue 13: `tariff corporate|forbidden`, `new`, `outage`) */
export type PhoneCommand = Located & { kind: 'phone'; phone: string; operator: OperatorId; balance: Money; settings: PhoneSettings };

/** `Train EXERCISE-ID [as "Name"]`: the exercise's setup becomes the tape's, and the tape plays the trainee (issue 15) */
export type TrainCommand = Located & {
  kind: 'train';
  exercise: string;
  trainee: string | null;
  /** `seed N`: the variant the exercise draws from N (issue 18); null: the file's default numbers */
  seed: number | null;
};

export type SetupCommand = SetCommand | OrderCommand | PhoneCommand | TrainCommand;

export type Step = Located &
  (
    | { kind: 'launch' }
    /** `delayMs`: VHS's `@200ms` typing speed, between repeats */
    | { kind: 'key'; key: KeyName; repeat: number; delayMs?: number }
    | { kind: 'type'; text: string; delayMs?: number }
    | { kind: 'press'; label: string }
    /** a touch: on the button with this label (found on screen), or on a cell (1-based row, column) */
    | { kind: 'tap'; target: TapTarget }
    /** the cell attributes of the first cell of the text's first match on screen */
    | { kind: 'expectStyle'; text: string; style: StyleCheck; negate: boolean }
    /** the terminal window resized mid-tape: the kiosk lays out again, casts record an "r" event */
    | { kind: 'resize'; columns: number; rows: number }
    /** notes one after the other; `worn` is each of them */
    | { kind: 'insert'; notes: Banknote[]; worn: boolean }
    /** `Advance` and VHS's `Sleep`: both move the simulated clock, neither sleeps */
    | { kind: 'advance'; ms: number }
    | { kind: 'expect'; matcher: TextMatcher; negate: boolean }
    | { kind: 'expectState'; path: string }
    | { kind: 'expectOrder'; code: string; status: OrderCondition; paid?: Money; owed?: Money; refunded?: Money }
    /** `Cancel`, `Ship`, `Deliver`, `Confirm`, `Dispute`, `Renew`: the other side's actions, at the tape's clock */
    | { kind: 'orderAction'; code: string; action: OrderAction }
    /** the newest SMS to the phone, as one line `Sender: text` in the tape's language */
    | { kind: 'expectSms'; phone: string; matcher: TextMatcher }
    | { kind: 'expectBalance'; phone: string; amount: Money }
    | { kind: 'expectReceipt'; matcher: TextMatcher }
    | { kind: 'wait'; matcher: TextMatcher; timeoutMs: number }
    | { kind: 'snapshot'; name: string }
    | { kind: 'crash' }
    /** gives the keys to a place (its F-key); an unknown place only hints, as the app does */
    | { kind: 'go'; place: string }
    /** on the phone: gives it the keys, types the code, calls */
    | { kind: 'dial'; code: string }
    /** service mode: the hidden sequence on the idle screen, then the PIN and Enter */
    | { kind: 'service'; pin: string }
    /** a fault injected into the terminal (in-process only) */
    | { kind: 'fault'; fault: InjectedFault }
    | { kind: 'restart' }
    /** `Remember code from sms +79161234567 /(\d{10})/`: the first capture group (or the match) becomes `$code` */
    | { kind: 'remember'; name: string; from: RememberSource; pattern: Extract<TextMatcher, { kind: 'regex' }> }
    /**
     * A line that uses `$name` / `${name}`: parsed again once the values are known (language/variables.ts).
     * `inner` is what the line is (checked at parse time with stand-in values); `text` the line as written.
     */
    | { kind: 'templated'; inner: Exclude<Step['kind'], 'templated'>; text: string; parts: TemplatePart[] }
    /** `Set Role` as a step: the desks play that role from their next customer */
    | { kind: 'setRole'; role: 'customer' | 'cashier' }
    /** the change a desk handed back with its newest receipt */
    | { kind: 'expectChange'; amount: Money }
    /** the till: a scripted customer joins the queue of the desk that has the keys */
    /** code null: the customer has only the site's order id (siteOrderId) */
    | { kind: 'tillCustomer'; code: string | null; siteOrderId?: string; brings: Money[]; says?: string }
    /** the till: notes or coins from the drawer into the change tray, one after the other */
    | { kind: 'give'; faces: Money[] }
    /** the till: how many of one face the desk's drawer holds, as the store saved it */
    | { kind: 'expectDrawer'; face: Money; count: number }
    /** R-MOB-2: on the phone, answers the newest SMS that expects a reply */
    | { kind: 'reply'; text: string }
    /** a stand-in for the terminal's Mobile top-up: money onto the phone's balance */
    | { kind: 'topUp'; phone: string; amount: Money }
    /** training: the trainee answers the customer with one of the open question's options */
    | { kind: 'say'; text: string }
    /** training: ends the attempt (if running) and checks its score */
    | { kind: 'expectScore'; score: number }
    /** training: ends the attempt (if running) and checks a checkpoint of this rule was missed */
    | { kind: 'expectMistake'; rule: string }
  );
export type TapTarget = { kind: 'label'; label: string } | { kind: 'cell'; row: number; column: number };

/** The attributes `ExpectStyle` knows; the colours are the 8 ANSI names (bright ones are `bright-…`). */
export const STYLE_FLAGS = ['inverse', 'bold', 'dim', 'italic', 'underline'] as const;
export const STYLE_COLORS = [
  'black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white',
  'bright-black', 'bright-red', 'bright-green', 'bright-yellow', 'bright-blue', 'bright-magenta', 'bright-cyan', 'bright-white', 'default',
] as const;
export type StyleColor = (typeof STYLE_COLORS)[number];
export type StyleCheck = { kind: (typeof STYLE_FLAGS)[number] } | { kind: 'fg' | 'bg'; color: StyleColor };

/** Where `Remember` looks: the screen's lines top to bottom, or the newest SMS to a phone. */
export type RememberSource = { kind: 'screen' } | { kind: 'sms'; phone: string };

/**
 * A piece of a templated line to replace, by code point index (`end` exclusive): a variable, or
 * `$$` written for a literal `$`. `quoting` says how a value is written there: as is in a word or a
 * raw string, escaped in a "string" (`\"`, `\\`) or in a /regex/ (the value matches literally).
 */
export interface TemplatePart {
  start: number;
  end: number;
  /** the variable's name; absent for a `$$` escape */
  name?: string;
  quoting: 'word' | 'string' | 'raw' | 'regex';
}
export type StepKind = Step['kind'];

export interface Tape {
  file: string;
  setup: SetupCommand[];
  /** starts with the `launch` step whenever there are any steps */
  steps: Step[];
}

export const DEFAULT_WAIT_MS = 5_000;
