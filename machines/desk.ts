/**
 * A desk where a person takes the cash: the cashier of a shop or salon (R-CASH-1, R-CASH-2) and the
 * payments window of Russian Post (R-CASH-3), one machine for both: they differ in words and receipt
 * form, which are data (src/domain/fiscal/desks.ts, src/i18n/desk.*.ts). The role is an input: as
 * the customer, the cashier is simulated here; the cashier's role runs the till (machines/desk/till.ts)
 * as a child of `cashierRole`; the desk counts as settled only when the till is too (machines/settled.ts). The store is reached only through the named actors (provided by
 * src/adapters/deskActors.ts); nothing is taken until `payAtDesk` has saved the payment, so the
 * receipt shows only what is on disk.
 *
 * | state        | events                                            | goes to / does                                  |
 * |--------------|---------------------------------------------------|-------------------------------------------------|
 * | entering     | (always) the role is the cashier · else           | cashierRole · greeting                          |
 * | greeting     | desk.payAli · desk.role (R: play the cashier)     | code · cashierRole                              |
 * |              | (entry)                                           | draws the Post's next queue ticket              |
 * | code         | input.text (digits) · input.backspace · desk.next (complete) · nav.back | code · lookingUp · greeting |
 * | lookingUp(io)| (lookUp done: payable / refused; error)           | readBack · refused · refused (unavailable)      |
 * | readBack     | desk.confirm · nav.back                           | cash · code                                     |
 * | cash         | desk.note (good: handed; worn, foreign: refused with a notice) · desk.handOver (covers) · nav.back (take back) | cash · paying · readBack |
 * | paying (io)  | (payAtDesk done: paid / refused; error)           | receipt · refused (paidMeanwhile, money back) · refused (fault) |
 * | receipt      | desk.scroll · desk.showQr · desk.done             | receipt · qr · greeting                         |
 * | qr           | nav.back (Esc, Enter) · desk.showQr               | receipt (the QR code alone fills the desk at 80×24) |
 * | refused      | desk.done · nav.back                              | greeting                                        |
 * | cashierRole  | (invokes `till`, machines/desk/till.ts) · till.*, input.* | forwarded to the till (it plays the cashier) |
 * |              | desk.role (R: play the customer)                  | greeting (the till stops; its shift stays in the store) |
 * | greeting, cashierRole | desk.setRole {role} (a tape's `Set Role`, the world) | entering: that role from now on     |
 * | (any)        | nav.* on a disabled button                        | (stays, notice says why)                        |
 * | (root)       | desk.lang                                         | (language changes)                              |
 */
import { assign, enqueueActions, fromPromise, setup } from 'xstate';
import { sumNotes } from '../src/domain/cash/settlement.js';
import { ZERO } from '../src/domain/money.js';
import { amountDue } from '../src/domain/orders/orders.js';
import type { DeskPaymentRequest } from '../src/domain/cash/deskPayment.js';
import type { Banknote } from '../src/domain/rules.js';
import { moveFocus, resolveNav } from './buttons.js';
import { IO_TAG } from './settled.js';
import { codeComplete, deskButtons, handedCovers, type DeskScreen } from './desk/deskButtons.js';
import { initialDeskContext, type DeskContext, type DeskEvent, type DeskInput, type LookUpInput, type LookUpOutput, type PayOutput } from './desk/deskContext.js';
import { typeDigits } from './terminal/kioskContext.js';
import { tillMachine } from './desk/till.js';
import { errorText } from '../src/domain/errorText.js';

export type { DeskContext, DeskEvent, DeskInput, DeskRole } from './desk/deskContext.js';

const unprovided = (name: string) => () => Promise.reject(new Error(`the desk's "${name}" actor was not provided`));

const navOn = (screen: DeskScreen) => ({
  'nav.move': { actions: { type: 'moveFocus', params: { screen } } },
  'nav.activate': { actions: { type: 'pressButton', params: { screen } } },
  'nav.press': { actions: { type: 'pressButton', params: { screen } } },
}) as const;


export const deskMachine = setup({
  types: {
    context: {} as DeskContext,
    events: {} as DeskEvent,
    input: {} as DeskInput,
    tags: {} as typeof IO_TAG,
  },
  actors: {
    // Stryker disable next-line StringLiteral: equivalent, because a failed look-up's error is never shown (onError refuses the code as "unavailable" without reading it)
    lookUp: fromPromise<LookUpOutput, LookUpInput>(unprovided('lookUp')),
    payAtDesk: fromPromise<PayOutput, Omit<DeskPaymentRequest, 'at'>>(unprovided('payAtDesk')),
    // the cashier's role: its store actors are provided by src/adapters/deskActors.ts (provideTill)
    till: tillMachine,
  },
  guards: {
    playsCashier: ({ context }) => context.role === 'cashier',
    codeComplete: ({ context }) => codeComplete(context),
    handedCovers: ({ context }) => handedCovers(context),
  },
  actions: {
    resetFocus: assign({ focus: 0, notice: null }),
    moveFocus: assign(({ context, event }, params: { screen: DeskScreen }) => {
      if (event.type !== 'nav.move') return {};
      return { focus: moveFocus(context.focus, deskButtons(params.screen, context).length, 1, event.dir), notice: null };
    }),
    pressButton: enqueueActions(({ context, event, enqueue }, params: { screen: DeskScreen }) => {
      if (event.type !== 'nav.activate' && event.type !== 'nav.press') return;
      const resolved = resolveNav(deskButtons(params.screen, context), context.focus, event);
      if (resolved?.enabled) enqueue.raise(resolved.event);
      else if (resolved?.whyDisabled) enqueue.assign({ notice: resolved.whyDisabled });
    }),
    nextTicket: assign(({ context }) => ({ ticket: context.ticket + 1, code: '', readBack: null, handed: [], refusal: null, returned: null, receipt: null, scroll: 0, fault: null })),
    setRole: assign(({ event }) => (event.type === 'desk.setRole' ? { role: event.role } : {})),
    switchRole: assign(({ context }) => ({ role: context.role === 'customer' ? ('cashier' as const) : ('customer' as const) })),
    typeCode: assign(({ context, event }) => {
      if (event.type !== 'input.text') return {};
      const { digits, notice } = typeDigits(context.code, event.text, context.rules.orderNumberLength);
      return { code: digits, notice };
    }),
    eraseCode: assign(({ context }) => ({ code: context.code.slice(0, -1), notice: null })),
    keepReadBack: assign((_, params: { result: LookUpOutput }) => {
      const r = params.result;
      if (r.kind !== 'payable') return { refusal: r.reason };
      // a partially paid order: only the rest is due (R-CODE-5); an awaiting order has paid 0.00 (orders.ts)
      return { readBack: { code: r.code, due: amountDue(r.order), paidBefore: r.order.paid } };
    }),
    refuseUnavailable: assign({ refusal: 'unavailable' as const }),
    takeNote: assign(({ context, event }) => {
      if (event.type !== 'desk.note') return {};
      // the cashier takes good roubles; a torn note or foreign money is handed straight back
      if (event.note === 0) return { notice: 'desk.foreignNote' };
      if (event.worn) return { notice: 'desk.wornNote' };
      return { handed: [...context.handed, event.note as Banknote], notice: null };
    }),
    giveBackNotes: assign({ handed: [] }),
    keepPayment: assign(({ context }, params: { outcome: PayOutput }) => {
      const o = params.outcome;
      if (o.kind === 'paid') return { receipt: o.receipt, handed: [], scroll: 0 };
      // paid elsewhere while counting: nothing taken, the money goes back (R-CASH-1: exactly one credit)
      return { refusal: 'paidMeanwhile' as const, returned: sumNotes(context.handed), handed: [] };
    }),
    keepFault: assign(({ context }, params: { error: unknown }) => ({ refusal: 'fault' as const, fault: errorText(params.error), returned: sumNotes(context.handed), handed: [] })),
    scrollReceipt: assign(({ context, event }) => (event.type === 'desk.scroll' ? { scroll: Math.max(0, context.scroll + event.lines) } : {})),
    setLang: assign(({ event }) => (event.type === 'desk.lang' ? { lang: event.lang } : {})),
    // sent straight to the child: forwardTo/sendTo here defeat the typing of the other actions
    forwardToTill: ({ self, event }) => self.getSnapshot().children.till?.send(event),
    tillMoved: assign({}),
  },
}).createMachine({
  id: 'desk',
  context: ({ input }) => initialDeskContext(input),
  initial: 'entering',
  on: { 'desk.lang': { actions: 'setLang' } },
  states: {
    entering: { always: [{ guard: 'playsCashier', target: 'cashierRole' }, { target: 'greeting' }] },
    greeting: {
      entry: ['resetFocus', 'nextTicket'],
      on: {
        ...navOn('greeting'),
        'desk.payAli': 'code',
        'desk.role': { target: 'cashierRole', actions: 'switchRole' },
        'desk.setRole': { target: 'entering', actions: 'setRole' },
      },
    },
    code: {
      entry: 'resetFocus',
      on: {
        ...navOn('code'),
        'input.text': { actions: 'typeCode' },
        'input.backspace': { actions: 'eraseCode' },
        'desk.next': { guard: 'codeComplete', target: 'lookingUp' },
        'nav.back': 'greeting',
      },
    },
    lookingUp: {
      tags: [IO_TAG],
      invoke: {
        src: 'lookUp',
        input: ({ context }) => ({ code: context.code, cap: context.cap }),
        onDone: [
          { guard: ({ event }) => event.output.kind === 'payable', target: 'readBack', actions: { type: 'keepReadBack', params: ({ event }) => ({ result: event.output }) } },
          { target: 'refused', actions: { type: 'keepReadBack', params: ({ event }) => ({ result: event.output }) } },
        ],
        onError: { target: 'refused', actions: 'refuseUnavailable' },
      },
    },
    readBack: { entry: 'resetFocus', on: { ...navOn('readBack'), 'desk.confirm': 'cash', 'nav.back': 'code' } },
    cash: {
      entry: 'resetFocus',
      on: {
        ...navOn('cash'),
        'desk.note': { actions: 'takeNote' },
        'desk.handOver': { guard: 'handedCovers', target: 'paying' },
        'nav.back': { target: 'readBack', actions: 'giveBackNotes' },
      },
    },
    paying: {
      tags: [IO_TAG],
      invoke: {
        src: 'payAtDesk',
        // Stryker disable next-line StringLiteral: equivalent, because paying is reached only through a payable read-back, so the code's fallback is never taken
        input: ({ context }) => ({ place: context.place, code: context.readBack?.code ?? '', due: context.readBack?.due ?? ZERO, received: sumNotes(context.handed) }),
        onDone: [
          { guard: ({ event }) => event.output.kind === 'paid', target: 'receipt', actions: { type: 'keepPayment', params: ({ event }) => ({ outcome: event.output }) } },
          { target: 'refused', actions: { type: 'keepPayment', params: ({ event }) => ({ outcome: event.output }) } },
        ],
        onError: { target: 'refused', actions: { type: 'keepFault', params: ({ event }) => ({ error: event.error }) } },
      },
    },
    receipt: { entry: 'resetFocus', on: { ...navOn('receipt'), 'desk.scroll': { actions: 'scrollReceipt' }, 'desk.showQr': 'qr', 'desk.done': 'greeting' } },
    qr: { entry: 'resetFocus', on: { ...navOn('qr'), 'nav.back': 'receipt', 'desk.showQr': 'receipt' } },
    refused: { entry: 'resetFocus', on: { ...navOn('refused'), 'desk.done': 'greeting', 'nav.back': 'greeting' } },
    cashierRole: {
      entry: 'resetFocus',
      invoke: {
        id: 'till',
        src: 'till',
        input: ({ context }) => ({ place: context.place, orderNumberLength: context.rules.orderNumberLength }),
        // the desk emits a snapshot whenever the till moves, so whoever waits on the desk (isSettled) sees its I/O end
        onSnapshot: { actions: 'tillMoved' },
      },
      on: {
        ...navOn('cashierRole'),
        'till.*': { actions: 'forwardToTill' },
        'input.text': { actions: 'forwardToTill' },
        'input.backspace': { actions: 'forwardToTill' },
        'desk.role': { target: 'greeting', actions: 'switchRole' },
        'desk.setRole': { target: 'entering', actions: 'setRole' },
      },
    },
  },
});

export type DeskActor = import('xstate').ActorRefFrom<typeof deskMachine>;
