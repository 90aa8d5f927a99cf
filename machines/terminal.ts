/**
 * The terminal: runs the kiosk screens and, while cash is being taken, a cash session; does the
 * I/O they ask for through named actors (provided by src/adapters), and owns the inactivity
 * watchdog. Its delays run on the actor system's clock, so tests drive them with SimulatedClock.
 * States tagged `io` wait on an invoked I/O actor: the terminal is settled in none (machines/settled.ts).
 * The service-mode I/O states (clearingJam, readingCassette, encashing) are in ./terminal/serviceStates.ts.
 *
 * | region   | state       | events                                  | goes to                     |
 * |----------|-------------|-----------------------------------------|-----------------------------|
 * | flow     | recovering (io) | (recoverUnfinished done / error)    | checkingJam · fault · closed (quit) |
 * | flow     | recovered   | recovered.ok                            | kiosk                       |
 * | flow     | kiosk       | io.lookupOrder · io.openCash (kept as cashRequest) | lookingUp · openingCash |
 * | flow     | lookingUp (io) | (lookupOrder done)                      | kiosk                       |
 * | flow     | openingCash (io) | (openCashSession done / error)          | cash · fault                |
 * | flow     | cash        | io.journalNote · cash session done      | journaling · committing · cancelling |
 * | flow     | journaling (io) | (journalNote done / error)              | cash                        |
 * | flow     | committing (io) | (commitPayment done / error)            | kiosk · fault · closed (quit) |
 * | flow     | cancelling (io) | (abandonCashSession done)               | kiosk · closed (quit)       |
 * | flow     | kiosk, recovered, fault | quit.request                | closed                      |
 * | flow     | cash, journaling | quit.request                       | to the cash session: with cash in it asks "Quit? Pay…" |
 * | flow     | recovering, lookingUp, openingCash, committing, cancelling | quit.request | (remembered; closed once the I/O is done) |
 * | flow     | closed      | (the app exits; run.tsx reports paidOnQuit and the fault; watchdog and countdown switch off) | |
 * | flow     | kiosk       | io.readCassette · io.encash (service mode) | readingCassette · encashing |
 * | flow     | readingCassette (io) | (readCassette done / error)    | kiosk (io.cassetteRead) · fault |
 * | flow     | encashing (io) | (encash done / error)                | kiosk (io.encashed; a forced full cassette is empty again) · fault |
 * | serviceLock | open/locked | io.serviceLock · after 5 min         | locked · open (the kiosk is told both) |
 * | (root)   |             | fault.inject cassette-full (tests, tapes) | the cassette counts as full: the cash session takes no more notes, the next lookup is refused |
 * | (root)   |             | fault.inject paper-out (tests, tapes) · io.loadPaper (service) | paperLeft 0 / reset; the kiosk is told (printer.paper) |
 * | (root)   |             | fault.inject jam (tests, tapes)          | jamArmed: the next note jams the bill acceptor |
 * | (root)   |             | registry.lost · registry.back (app shell, from the registry's link) | told to the kiosk: out of service before a payment, back in service by itself |
 * | flow     | cash        | io.journalNote while jamArmed            | holdingNote                 |
 * | flow     | holdingNote (io) | (holdNote done / error)             | kiosk (the held note is journaled; cash session stopped; io.jammed: out of service) · cash (note returned) · closed (quit) |
 * | flow     | recovering  | (recoverUnfinished done)                | checkingJam                 |
 * | flow     | checkingJam (io) | (findJam done: a held note left by an earlier run) | recovered · kiosk (io.jammed if any) · closed (quit) |
 * | flow     | kiosk       | io.clearJam (service mode)               | clearingJam                 |
 * | flow     | clearingJam (io) | (clearJam done / error)             | kiosk (receipt printed, io.paymentCompleted) · fault · closed (quit) |
 * | flow     | committing  | (commitPayment done)                    | a receipt uses paper; without paper it goes by SMS to the change phone |
 * | watchdog | check/armed/off | input, child snapshots · after inactivity | check (re-armed) — machines/terminal/watchdog.ts |
 * | countdown | check/ticking/off | as the watchdog · after 1 s while "Need more time?" or "Quit?" shows | countdown − 1 — machines/terminal/watchdog.ts |
 * | (root)   |             | nav.* input.* cash.* moreTime.* kiosk.* | routed to the active screen (RoutedEvent) |
 *
 * Quitting never loses inserted cash: with cash in, the session first asks "Quit?" and, on "Pay and
 * quit", a second Ctrl+C or no answer, pays with it (as a timeout would); the program quits only once
 * that payment is committed. With none in, it quits at once.
 */
import { assertEvent, assign } from 'xstate';
import { DEFAULT_RULES } from '../src/domain/rules.js';
import { DEFAULT_SKIN } from '../src/domain/skins/index.js';
import { IO_TAG } from './settled.js';
import { cashRequestOf, unavailableLookup } from './terminal/terminalContext.js';
import { servicePinOf } from '../src/domain/cash/service.js';
import { terminalSetup } from './terminal/terminalSetup.js';
import { clearingJam, encashing, readingCassette } from './terminal/serviceStates.js';
import { countdownRegion, watchdogRegion } from './terminal/watchdog.js';

export { SMS_KEPT, type OpenCashRequest, type RoutedEvent, type TerminalContext, type TerminalEvent, type TerminalInput } from './terminal/terminalContext.js';

/** The customer's input goes to the active screen and re-arms the watchdog. */
const routeAndRearm = { actions: ['routeInput', 'rearmWatchdog'] } as const;

export const terminalMachine = terminalSetup.createMachine({
  id: 'terminal',
  type: 'parallel',
  context: ({ input, spawn }) => ({
    rules: input.rules ?? DEFAULT_RULES,
    kiosk: spawn('kiosk', { id: 'kiosk', syncSnapshot: true, input: { lang: input.lang ?? 'ru', orderNumberLength: (input.rules ?? DEFAULT_RULES).orderNumberLength, skin: (input.rules ?? DEFAULT_RULES).skin ?? DEFAULT_SKIN, servicePin: servicePinOf(input.rules ?? DEFAULT_RULES) } }),
    cash: null,
    cashRequest: null,
    sessionId: null,
    recovered: [],
    sms: [],
    trigger: 'pay',
    cashEnding: 'pay',
    quitRequested: false,
    paidOnQuit: null,
    countdown: null,
    fault: null,
    cassetteForcedFull: false,
    paperLeft: input.rules?.paperReceipts ?? null,
    // Stryker disable next-line BooleanLiteral: equivalent, because checkingJam's keepJam sets jamArmed false on every way to the kiosk
    jamArmed: false,
    jam: null,
  }),
  // Every key re-arms the watchdog, even one that changes nothing on screen (a touch on a real kiosk does).
  on: {
    'nav.*': routeAndRearm, 'input.*': routeAndRearm, 'cash.*': routeAndRearm, 'moreTime.*': routeAndRearm, 'kiosk.*': routeAndRearm,
    'service.key': routeAndRearm,
    'fault.inject': { actions: 'injectFault' },
    'io.loadPaper': { actions: 'loadPaper' },
    'registry.lost': { actions: 'tellRegistry' },
    'registry.back': { actions: 'tellRegistry' },
  },
  states: {
    flow: {
      initial: 'recovering',
      states: {
        recovering: {
          tags: [IO_TAG],
          on: { 'quit.request': { actions: 'rememberQuit' } },
          invoke: {
            src: 'recoverUnfinished',
            onDone: [
              { guard: 'quitRequested', target: 'closed' },
              { target: 'checkingJam', actions: { type: 'keepRecovered', params: ({ event }) => ({ outcomes: event.output }) } },
            ],
            onError: { target: 'fault', actions: { type: 'keepFault', params: ({ event }) => ({ error: event.error }) } },
          },
        },
        // a note held by a jam before a crash or quit is still held: out of service until it is cleared
        checkingJam: {
          tags: [IO_TAG],
          on: { 'quit.request': { actions: 'rememberQuit' } },
          invoke: {
            src: 'findJam',
            onDone: [
              { guard: 'quitRequested', target: 'closed' },
              { guard: 'showsRecovered', target: 'recovered', actions: { type: 'keepJam', params: ({ event }) => ({ jam: event.output }) } },
              { target: 'kiosk', actions: { type: 'keepJam', params: ({ event }) => ({ jam: event.output }) } },
            ],
            onError: { target: 'fault', actions: { type: 'keepFault', params: ({ event }) => ({ error: event.error }) } },
          },
        },
        recovered: { on: { 'recovered.ok': { target: 'kiosk', actions: 'forgetRecovered' }, 'quit.request': 'closed' } },
        kiosk: {
          on: {
            'io.lookupOrder': 'lookingUp',
            'io.openCash': { target: 'openingCash', actions: 'keepCashRequest' },
            'io.readCassette': 'readingCassette',
            'io.encash': 'encashing',
            'io.clearJam': 'clearingJam',
            'quit.request': 'closed',
          },
        },
        clearingJam,
        readingCassette,
        encashing,
        lookingUp: {
          tags: [IO_TAG],
          on: { 'quit.request': { actions: 'rememberQuit' } },
          invoke: {
            src: 'lookupOrder',
            input: ({ context, event }) => {
              assertEvent(event, 'io.lookupOrder');
              return { code: event.code, forcedFull: context.cassetteForcedFull };
            },
            onDone: [
              { guard: 'quitRequested', target: 'closed' },
              { target: 'kiosk', actions: { type: 'deliverLookup', params: ({ event }) => ({ result: event.output }) } },
            ],
            onError: [
              { guard: 'quitRequested', target: 'closed' },
              {
                target: 'kiosk',
                actions: { type: 'deliverLookup', params: ({ context }) => ({ result: unavailableLookup(context.kiosk.getSnapshot().context.orderDigits) }) },
              },
            ],
          },
        },
        openingCash: {
          tags: [IO_TAG],
          on: { 'quit.request': { actions: 'rememberQuit' } },
          invoke: {
            src: 'openCashSession',
            input: ({ context, event }) => ({ ...cashRequestOf(event), forcedFull: context.cassetteForcedFull }),
            // a quit asked meanwhile goes to the new, empty session, which ends it (nothing is in)
            onDone: [
              { guard: 'quitRequested', target: 'cash', actions: [{ type: 'startCash', params: ({ event }) => event.output }, 'raiseQuit'] },
              { target: 'cash', actions: { type: 'startCash', params: ({ event }) => event.output } },
            ],
            onError: { target: 'fault', actions: { type: 'keepFault', params: ({ event }) => ({ error: event.error }) } },
          },
        },
        cash: {
          on: {
            'io.journalNote': [{ guard: 'jamArmed', target: 'holdingNote' }, { target: 'journaling' }],
            'quit.request': { actions: 'routeInput' },
            'xstate.done.actor.cash': [
              {
                guard: { type: 'cashSettled', params: ({ event }) => ({ output: event.output }) },
                target: 'committing',
                actions: { type: 'keepCashEnding', params: ({ event }) => ({ output: event.output }) },
              },
              { target: 'cancelling', actions: { type: 'keepCashEnding', params: ({ event }) => ({ output: event.output }) } },
            ],
          },
        },
        journaling: {
          tags: [IO_TAG],
          on: { 'quit.request': { actions: 'routeInput' } },
          invoke: {
            src: 'journalNote',
            input: ({ context, event }) => {
              assertEvent(event, 'io.journalNote');
              // Stryker disable next-line StringLiteral: equivalent, because startCash sets the session id before the cash session can journal, hold, commit or cancel
              return { sessionId: context.sessionId ?? '', note: event.note };
            },
            onDone: { target: 'cash', actions: 'confirmNote' },
            onError: { target: 'cash', actions: 'refuseNote' },
          },
        },
        // the acceptor jammed on this note: it is journaled as held before the screen says anything
        holdingNote: {
          tags: [IO_TAG],
          on: { 'quit.request': { actions: 'rememberQuit' } },
          invoke: {
            src: 'holdNote',
            input: ({ context, event }) => {
              assertEvent(event, 'io.journalNote');
              // Stryker disable next-line StringLiteral: equivalent, because startCash sets the session id before the cash session can journal, hold, commit or cancel
              return { sessionId: context.sessionId ?? '', note: event.note };
            },
            onDone: [
              { guard: 'quitRequested', target: 'closed', actions: ['finishCash', { type: 'keepJam', params: ({ event }) => ({ jam: event.output }) }] },
              { target: 'kiosk', actions: ['finishCash', { type: 'keepJam', params: ({ event }) => ({ jam: event.output }) }] },
            ],
            // not saved: the acceptor hands the note back, as a failed journal does
            onError: { target: 'cash', actions: ['refuseNote', assign({ jamArmed: false })] },
          },
        },
        committing: {
          tags: [IO_TAG],
          on: { 'quit.request': { actions: 'rememberQuit' } },
          invoke: {
            src: 'commitPayment',
            // Stryker disable next-line StringLiteral: equivalent, because startCash sets the session id before the cash session can journal, hold, commit or cancel
            input: ({ context }) => ({ sessionId: context.sessionId ?? '', trigger: context.trigger }),
            onDone: [
              // quitting: the payment is durable now, so the program may end
              {
                guard: 'quitRequested',
                target: 'closed',
                actions: [
                  'finishCash',
                  { type: 'keepSms', params: ({ event }) => ({ outcome: event.output }) },
                  { type: 'printReceipt', params: ({ event }) => ({ outcome: event.output, deliver: false }) },
                  { type: 'keepPaidOnQuit', params: ({ event }) => ({ outcome: event.output }) },
                ],
              },
              {
                target: 'kiosk',
                actions: [
                  'finishCash',
                  { type: 'keepSms', params: ({ event }) => ({ outcome: event.output }) },
                  { type: 'printReceipt', params: ({ event }) => ({ outcome: event.output, deliver: true }) },
                ],
              },
            ],
            onError: [
              { guard: 'quitRequested', target: 'closed', actions: { type: 'keepFault', params: ({ event }) => ({ error: event.error }) } },
              { target: 'fault', actions: { type: 'keepFault', params: ({ event }) => ({ error: event.error }) } },
            ],
          },
        },
        cancelling: {
          tags: [IO_TAG],
          on: { 'quit.request': { actions: 'rememberQuit' } },
          invoke: {
            src: 'abandonCashSession',
            // Stryker disable next-line StringLiteral: equivalent, because startCash sets the session id before the cash session can journal, hold, commit or cancel
            input: ({ context }) => ({ sessionId: context.sessionId ?? '' }),
            onDone: [{ guard: 'quitRequested', target: 'closed', actions: 'finishCash' }, { target: 'kiosk', actions: ['finishCash', 'deliverCancel'] }],
            onError: [{ guard: 'quitRequested', target: 'closed', actions: 'finishCash' }, { target: 'kiosk', actions: ['finishCash', 'deliverCancel'] }],
          },
        },
        fault: { on: { 'quit.request': 'closed' } },
        // The program ends here (src/app/App.tsx exits Ink); nothing is in flight any more.
        // re-checks the watchdog and countdown, which then switch off (hasInactivityTimeout)
        closed: { entry: 'rearmWatchdog' },
      },
    },
    // three wrong service PINs lock the service login for 5 minutes of the program's clock
    serviceLock: {
      initial: 'open',
      states: {
        open: { on: { 'io.serviceLock': 'locked' } },
        locked: { entry: 'tellServiceLocked', after: { serviceLockout: { target: 'open', actions: 'tellServiceUnlocked' } } },
      },
    },
    watchdog: watchdogRegion,
    countdown: countdownRegion,
  },
});

export type TerminalActor = import('xstate').Actor<typeof terminalMachine>;
