/**
 * The customer's phone: its SMS inbox (newest first), its balance and operator, and a dialer for
 * balance codes (R-MOB-9). It reads the store only through its named actor `loadPhone` (provided by
 * src/adapters/worldActors.ts); it never writes. The world (machines/world.ts) gives it the keys.
 *
 * | state    | events                                   | goes to                                |
 * |----------|------------------------------------------|----------------------------------------|
 * | loading (io) | (loadPhone done / error)             | home                                   |
 * | home     | phone.move · phone.open                  | home (selection) · reading             |
 * | home     | phone.dial (a key of the dial pad)       | dialing                                |
 * | reading  | phone.back · phone.open                  | home                                   |
 * | dialing  | phone.dial · phone.erase · phone.call · phone.back | dialing · answered · home    |
 * | answered | phone.back · phone.open · phone.dial     | home · dialing (a new code)            |
 * | home, reading | phone.reply (an SMS waits for a reply, R-MOB-2) | replying                  |
 * | replying | phone.type · phone.erase · phone.send · phone.back | replying · sendingReply · home  |
 * | sendingReply (io) | (replySms done / error)         | loading (the answer SMS arrives) · home (says why) |
 * | (any)    | phone.refresh (the world, when the phone gets the keys) | loading                 |
 *
 * It writes only through `replySms` (src/adapters/mobileActors.ts), which answers the newest SMS that
 * expects a reply: any text confirms the mobile payment, `0` cancels it.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { Money } from '../src/domain/money.js';
import type { OperatorId } from '../src/domain/rules.js';
import type { PhoneMessage } from '../src/domain/store.js';
import { answerUssd, type UssdAnswer } from '../src/domain/mobile/ussd.js';
import { awaitingReply } from '../src/domain/mobile/inbox.js';
import { IO_TAG } from './settled.js';

/** What the phone shows of its account, as the store has it. */
export interface PhoneState {
  phone: string;
  operator: OperatorId | null;
  balance: Money;
  /** newest first */
  inbox: PhoneMessage[];
}

export interface PhoneContext extends PhoneState {
  selected: number;
  dialed: string;
  answer: (UssdAnswer & { code: string }) | null;
  /** the reply being typed to the SMS that waits for one */
  reply: string;
  /** why the last reply was not sent */
  replyError: string | null;
}

/** What the phone sends: the text, from this phone, to the SMS that waits for a reply. */
export interface ReplyInput {
  phone: string;
  text: string;
}

export type PhoneEvent =
  | { type: 'phone.refresh'; phone: string }
  | { type: 'phone.move'; dir: 'up' | 'down' }
  | { type: 'phone.open' }
  | { type: 'phone.back' }
  | { type: 'phone.dial'; key: string }
  | { type: 'phone.erase' }
  | { type: 'phone.call' }
  | { type: 'phone.reply' }
  | { type: 'phone.type'; text: string }
  | { type: 'phone.send' };

/** A dial pad has digits, * and #; a USSD code is short. */
const DIAL_KEYS = /^[0-9*#]$/;
const MAX_DIALED = 16;
/** one SMS */
const MAX_REPLY = 160;

export const phoneMachine = setup({
  types: {
    context: {} as PhoneContext,
    events: {} as PhoneEvent,
    input: {} as { phone: string },
    tags: {} as typeof IO_TAG,
  },
  actors: {
    // Stryker disable next-line StringLiteral: equivalent, because a failed load goes home with an empty inbox and keeps no error text
    loadPhone: fromPromise<PhoneState, { phone: string }>(() => Promise.reject(new Error('the phone\'s "loadPhone" actor was not provided'))),
    replySms: fromPromise<void, ReplyInput>(() => Promise.reject(new Error('the phone\'s "replySms" actor was not provided'))),
  },
  guards: {
    isDialKey: ({ event }) => event.type === 'phone.dial' && DIAL_KEYS.test(event.key),
    hasMessages: ({ context }) => context.inbox.length > 0,
    hasDialed: ({ context }) => context.dialed.length > 0,
    canReply: ({ context }) => awaitingReply(context.inbox) !== null,
    hasReply: ({ context }) => context.reply.trim().length > 0,
  },
  actions: {
    keepAccount: assign((_, params: { state: PhoneState }) => ({ ...params.state, selected: 0 })),
    forgetAccount: assign({ inbox: [] }),
    choosePhone: assign(({ event }) => (event.type === 'phone.refresh' ? { phone: event.phone } : {})),
    move: assign(({ context, event }) => {
      if (event.type !== 'phone.move' || context.inbox.length === 0) return {};
      const step = event.dir === 'up' ? -1 : 1;
      return { selected: Math.min(context.inbox.length - 1, Math.max(0, context.selected + step)) };
    }),
    // Stryker disable next-line StringLiteral: equivalent, because only `phone.dial` runs startDialing, so the '' branch is never taken
    startDialing: assign(({ event }) => ({ dialed: event.type === 'phone.dial' ? event.key : '', answer: null })),
    addDialKey: assign(({ context, event }) => (event.type === 'phone.dial' ? { dialed: (context.dialed + event.key).slice(0, MAX_DIALED) } : {})),
    erase: assign(({ context }) => ({ dialed: context.dialed.slice(0, -1) })),
    call: assign(({ context }) => ({ answer: { ...answerUssd(context.dialed, context.operator), code: context.dialed } })),
    clearDialer: assign({ dialed: '', answer: null }),
    startReply: assign({ reply: '', replyError: null }),
    typeReply: assign(({ context, event }) => (event.type === 'phone.type' ? { reply: (context.reply + event.text).slice(0, MAX_REPLY) } : {})),
    eraseReply: assign(({ context }) => ({ reply: context.reply.slice(0, -1) })),
    keepReplyError: assign((_, params: { error: unknown }) => ({ replyError: params.error instanceof Error ? params.error.message : String(params.error) })),
  },
}).createMachine({
  id: 'phone',
  context: ({ input }) => ({ phone: input.phone, operator: null, balance: '0.00', inbox: [], selected: 0, dialed: '', answer: null, reply: '', replyError: null }),
  initial: 'loading',
  on: {
    'phone.refresh': { target: '.loading', actions: ['choosePhone', 'clearDialer'] },
  },
  states: {
    loading: {
      tags: [IO_TAG],
      invoke: {
        src: 'loadPhone',
        input: ({ context }) => ({ phone: context.phone }),
        onDone: { target: 'home', actions: { type: 'keepAccount', params: ({ event }) => ({ state: event.output }) } },
        // a store that cannot answer leaves the phone empty rather than stuck
        onError: { target: 'home', actions: 'forgetAccount' },
      },
    },
    home: {
      on: {
        'phone.move': { actions: 'move' },
        'phone.open': { guard: 'hasMessages', target: 'reading' },
        'phone.dial': { guard: 'isDialKey', target: 'dialing', actions: 'startDialing' },
        'phone.reply': { guard: 'canReply', target: 'replying', actions: 'startReply' },
      },
    },
    reading: {
      on: { 'phone.back': 'home', 'phone.open': 'home', 'phone.reply': { guard: 'canReply', target: 'replying', actions: 'startReply' } },
    },
    replying: {
      on: {
        'phone.type': { actions: 'typeReply' },
        'phone.erase': { actions: 'eraseReply' },
        'phone.send': { guard: 'hasReply', target: 'sendingReply' },
        'phone.back': 'home',
      },
    },
    sendingReply: {
      tags: [IO_TAG],
      invoke: {
        src: 'replySms',
        input: ({ context }) => ({ phone: context.phone, text: context.reply }),
        // the operator answers by SMS: read the inbox again
        onDone: { target: 'loading' },
        onError: { target: 'home', actions: { type: 'keepReplyError', params: ({ event }) => ({ error: event.error }) } },
      },
    },
    dialing: {
      on: {
        'phone.dial': { guard: 'isDialKey', actions: 'addDialKey' },
        'phone.erase': [{ guard: 'hasDialed', actions: 'erase' }, { target: 'home' }],
        'phone.call': { guard: 'hasDialed', target: 'answered', actions: 'call' },
        'phone.back': { target: 'home', actions: 'clearDialer' },
      },
    },
    answered: {
      on: {
        'phone.back': { target: 'home', actions: 'clearDialer' },
        'phone.open': { target: 'home', actions: 'clearDialer' },
        'phone.dial': { guard: 'isDialKey', target: 'dialing', actions: 'startDialing' },
      },
    },
  },
});

export type PhoneActor = import('xstate').ActorRefFrom<typeof phoneMachine>;
