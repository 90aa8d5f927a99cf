/**
 * What is on the screen right now, derived from the terminal's snapshot: the screen to draw, its
 * buttons and focus, and the language. Screens and the keymap read this, never the machines' insides.
 */
import type { SnapshotFrom } from 'xstate';
import type { Button } from '../../machines/buttons.js';
import { cashButtons, payCovered, type CashScreen } from '../../machines/terminal/cashButtons.js';
import type { CashContext } from '../../machines/terminal/cash.js';
import type { KioskContext } from '../../machines/terminal/kiosk.js';
import { kioskButtons, kioskGrid, type KioskScreen } from '../../machines/terminal/kioskButtons.js';
import type { terminalMachine } from '../../machines/terminal.js';
import { max, sub, ZERO, type Lang, type Money } from '../domain/money.js';
import type { Receipt } from '../domain/store.js';
import type { TerminalSms } from '../../machines/terminal/terminalContext.js';
import { settle } from '../domain/cash/settlement.js';
import { demoCodesFit } from '../domain/orders/demo.js';
import type { KioskRules } from '../domain/rules.js';
import type { Skin } from '../domain/skins/index.js';

export type ScreenName =
  | 'idle'
  | KioskScreen
  | 'lookingUp'
  | 'cash'
  | 'moreTime'
  | 'quitAsk'
  | 'processing'
  | 'recovered'
  | 'fault'
  | 'serviceLoading'
  | 'encashing'
  | 'clearingJam';

/** How keys are read on this screen. */
export type InputMode = 'wake' | 'buttons' | 'digits' | 'cash' | 'dialog' | 'busy' | 'acknowledge' | 'halted' | 'closed';

export interface View {
  screen: ScreenName;
  mode: InputMode;
  lang: Lang;
  /** the terminal's brand: its words, header and colours (R-TERM-4) */
  skin: Skin;
  /** the Help text of `screen` shows over it (R-TERM-4): its only button closes it */
  help: boolean;
  /** the rules the running terminal enforces (its context, not the defaults): screens show these values */
  rules: KioskRules;
  /** the idle screen may advertise the demo orders: they have as many digits as the kiosk takes */
  demoFits: boolean;
  buttons: Button[];
  focus: number;
  columns: number;
  kiosk: KioskContext;
  cash: CashContext | null;
  recovered: Receipt[];
  fault: string | null;
  /** the customer is topping up a phone (Mobile): no order, all the cash goes to the phone */
  topUp: boolean;
  /** the live split of the inserted cash (R-TERM-2), while cash is being taken */
  split: { toOrder: Money; toPhone: Money; covered: boolean; stillNeeded: Money } | null;
  /** whole seconds left before "Need more time?" decides by itself, while it shows; else null */
  countdown: number | null;
  /** SMS that reached customers' phones on this terminal, oldest first */
  sms: TerminalSms[];
  /**
   * The active machine's real state for tapes' ExpectState: `kiosk.<state>` (machines/terminal/kiosk.ts),
   * `cash.<state>` while the cash session runs (machines/terminal/cash.ts), or the terminal's own `recovered`,
   * `fault`, `closed`. Old names (`cash.inserting.*`, `cash.processing`) are aliases: src/tape/run/assertions.ts.
   */
  statePath: string;
  /**
   * false while the terminal cannot take the next key yet: I/O of its own (a lookup, a payment), or a
   * note still being stacked (journaled). Keys typed then wait in src/app/keyFeed.ts, in order.
   */
  takesKeys: boolean;
}

const MODE: Record<string, InputMode> = {
  idle: 'wake',
  orderEntry: 'digits',
  phoneEntry: 'digits',
  topupPhone: 'digits',
  lookingUp: 'busy',
  cash: 'busy',
  servicePin: 'digits',
  serviceLoading: 'busy',
  encashing: 'busy',
  clearingJam: 'busy',
  // out of service: only Help, q and the staff's hidden sequence do anything
  outOfService: 'wake',
  topupCash: 'busy',
};

/** The cash screen's buttons; while a note is in escrow, those it had just before (keys then wait in the session's queue). */
function cashScreenOf(state: string, notes: number): CashScreen | null {
  if (state === 'empty' || state === 'holding' || state === 'moreTime' || state === 'quitAsk') return state;
  return state === 'escrow' ? (notes > 0 ? 'holding' : 'empty') : null;
}
const DIALOGS: Record<string, ScreenName> = { moreTime: 'moreTime', quitAsk: 'quitAsk' };

export function viewOf(snapshot: SnapshotFrom<typeof terminalMachine>): View {
  const kioskSnap = snapshot.context.kiosk.getSnapshot();
  const kiosk = kioskSnap.context;
  const cashSnap = snapshot.context.cash?.getSnapshot();
  const cash = cashSnap?.context ?? null;
  const split = cash ? { ...settle(cash.due, cash.inserted), covered: payCovered(cash), stillNeeded: max(ZERO, sub(cash.due, cash.inserted)) } : null;
  const rules = snapshot.context.rules;
  const base = {
    lang: kiosk.lang, skin: kiosk.skin, help: false, rules, demoFits: demoCodesFit(rules), kiosk, cash, split, sms: snapshot.context.sms, recovered: snapshot.context.recovered, fault: snapshot.context.fault,
    countdown: snapshot.context.countdown,
    topUp: kioskSnap.matches('topupPhone') || kioskSnap.matches('topupCash'),
  };
  if (snapshot.matches({ flow: 'closed' })) return { ...base, screen: 'processing', mode: 'closed', buttons: [], focus: 0, columns: 1, statePath: 'closed', takesKeys: true };
  const flow = snapshot.matches({ flow: 'recovered' }) ? 'recovered' : snapshot.matches({ flow: 'fault' }) ? 'fault' : null;
  if (flow === 'recovered') return { ...base, screen: 'recovered', mode: 'acknowledge', buttons: [], focus: 0, columns: 1, statePath: 'recovered', takesKeys: true };
  if (flow === 'fault') return { ...base, screen: 'fault', mode: 'halted', buttons: [], focus: 0, columns: 1, statePath: 'fault', takesKeys: true };

  if (cashSnap && cashSnap.status === 'active') {
    const state = String(cashSnap.value);
    const cashScreen = cashScreenOf(state, cashSnap.context.notes.length);
    const buttons = cashScreen ? cashButtons(cashScreen, cashSnap.context) : [];
    const dialog = DIALOGS[state];
    const help = cashSnap.context.help;
    return {
      ...base,
      help,
      screen: dialog ?? 'cash',
      mode: help ? 'buttons' : dialog ? 'dialog' : 'cash',
      buttons,
      focus: cashSnap.context.focus,
      columns: 1,
      statePath: `cash.${state}`,
      // the acceptor is stacking a note: the next key waits until it is journaled
      takesKeys: state !== 'escrow',
    };
  }
  if (snapshot.context.cash || kioskSnap.value === 'cash' || kioskSnap.value === 'topupCash') {
    // the kiosk waits in its cash state while the terminal opens, commits or cancels the session
    return { ...base, screen: 'processing', mode: 'busy', buttons: [], focus: 0, columns: 1, statePath: `kiosk.${String(kioskSnap.value)}`, takesKeys: false };
  }
  const state = String(kioskSnap.value);
  const kioskScreen = state as KioskScreen;
  const hasButtons = !(state in MODE) || state === 'idle' || state === 'outOfService' || MODE[state] === 'digits';
  return {
    ...base,
    help: kiosk.help,
    screen: state as ScreenName,
    // with Help up, keys press its buttons: nothing is typed into the field under it
    mode: kiosk.help ? 'buttons' : (MODE[state] ?? 'buttons'),
    buttons: hasButtons ? kioskButtons(kioskScreen, kiosk) : [],
    focus: kiosk.focus,
    columns: hasButtons ? kioskGrid(kioskScreen, kiosk).columns : 1,
    statePath: `kiosk.${state}`,
    takesKeys: MODE[state] !== 'busy',
  };
}
