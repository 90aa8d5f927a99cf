/**
 * The kiosk's test model for `xstate/graph`: which events reach it from outside, an exact
 * abstraction of its snapshots, and spies in place of the two `sendParent` actions so that it runs
 * standalone.
 */
import { vi } from 'vitest';
import { createTestModel } from 'xstate/graph';
import { transition, type SnapshotFrom } from 'xstate';
import { kioskMachine, type KioskEvent } from '../../machines/terminal/kiosk.js';
import { kioskButtons, type KioskScreen } from '../../machines/terminal/kioskButtons.js';
import type { LookupRefusal } from '../../src/domain/orders/orders.js';
import type { Receipt } from '../../src/domain/store.js';

export const requestLookup = vi.fn();
export const requestCash = vi.fn();
export const requestTopUpCash = vi.fn();
const requestCassette = vi.fn();
const requestEncash = vi.fn();
const requestServiceLock = vi.fn();
const requestLoadPaper = vi.fn();
const requestClearJam = vi.fn();
/** The kiosk asks its parent (the terminal) for lookups, cash and the service side with `sendParent`; standalone, spies take those calls. */
export const machine = kioskMachine.provide({ actions: { requestLookup, requestCash, requestTopUpCash, requestCassette, requestEncash, requestServiceLock, requestLoadPaper, requestClearJam } });
export type Snap = SnapshotFrom<typeof machine>;
export const INPUT = { lang: 'en' as const, orderNumberLength: 10 };

/** Events that reach the kiosk from outside; button events (menu.other, order.submit, …) are raised by the kiosk from nav.*. */
const EXTERNAL = new Set([
  'kiosk.wake', 'timer.inactivity', 'nav.back', 'nav.move', 'nav.activate', 'nav.press', 'input.text', 'input.backspace', 'input.clear',
  'io.orderLookedUp', 'io.paymentCompleted', 'io.cashCancelled',
  'service.key', 'io.cassetteRead', 'io.encashed', 'service.locked', 'service.unlocked', 'printer.paper', 'io.jammed',
  'registry.lost', 'registry.back',
]);
export const REGISTRY_REASON = 'postgres://kiosk@127.0.0.1:5999/kiosk: connect ECONNREFUSED 127.0.0.1:5999';
export const BUTTON_SCREENS = new Set<string>(['idle', 'menu', 'services', 'catalogs', 'orderEntry', 'refused', 'checkData', 'phoneEntry', 'topupPhone', 'receipt', 'servicePin', 'service', 'serviceReceipt', 'outOfService']);
/** The service PIN the model knows (the default) and one wrong PIN. */
const RIGHT_PIN = '0000';
const WRONG_PIN = '1111';
const CASSETTE = { terminalId: 'T-1', cassetteId: 'T-1-C1', since: null, notes: { 5000: 1 }, count: 1, total: '5000.00' };
const REFUSALS: LookupRefusal[] = ['unknown', 'expired', 'alreadyPaid', 'overCap', 'region', 'unavailable'];

export const DEMO_CODE = '1000000001';
const PHONE_MTS = '9161234567';
const PHONE_NO_OPERATOR = '9401234567';

/**
 * Typing, kept to a few concrete values so the model stays exact: the order number is always a
 * prefix of one code (digit by digit, pasted whole, pasted too long), the phone a prefix of an MTS
 * number or a number no operator is guessed for; plus letters, and a phone not starting with 9.
 */
function typed(s: Snap): string[] {
  const { orderDigits, phoneDigits } = s.context;
  if (s.value === 'orderEntry') {
    if (orderDigits.length === 10) return ['9', 'ab'];
    return [DEMO_CODE[orderDigits.length] ?? '', ...(orderDigits === '' ? [DEMO_CODE, `${DEMO_CODE}99`] : []), 'ab'];
  }
  if (s.value === 'servicePin') return s.context.pinDigits === '' ? [RIGHT_PIN, WRONG_PIN] : ['a'];
  if (s.value === 'phoneEntry' || s.value === 'topupPhone') {
    const next = PHONE_MTS.startsWith(phoneDigits) && phoneDigits.length < 10 ? [PHONE_MTS[phoneDigits.length] ?? ''] : [];
    return [...next, ...(phoneDigits === '' ? [PHONE_NO_OPERATOR, '7'] : []), 'x'];
  }
  return [];
}

const receiptFor = (s: Snap): Receipt => ({
  number: 'T-1-000001', terminalId: 'T-1', at: 0, code: s.context.payable?.code ?? '', due: s.context.payable?.due ?? '0.00',
  accepted: '5000.00', toOrder: '4750.00', toPhone: '250.00', phone: `+7${s.context.phoneDigits}`, operator: s.context.operator ?? 'mts',
  orderStatus: 'paid', owed: '0.00', recovered: false,
});

/**
 * Keys, the watchdog, and the parent's answers to a lookup (payable, or each refusal) and to a
 * cash session (paid, or left before any note), for the code and phone in hand as the terminal
 * gives them.
 */
function eventsFor(s: Snap): KioskEvent[] {
  const screen = String(s.value);
  const code = s.context.orderDigits;
  const buttons = BUTTON_SCREENS.has(screen) ? kioskButtons(screen as KioskScreen, s.context) : [];
  return [
    { type: 'kiosk.wake' },
    { type: 'timer.inactivity' },
    ...(['up', 'down', 'left', 'right'] as const).map((dir) => ({ type: 'nav.move' as const, dir })),
    { type: 'nav.activate' },
    ...buttons.map((b) => ({ type: 'nav.press' as const, id: b.id })),
    ...typed(s).map((text) => ({ type: 'input.text' as const, text })),
    { type: 'input.backspace' },
    { type: 'input.clear' },
    { type: 'io.orderLookedUp', result: { kind: 'payable', code, due: '4750.00', order: {} as never } },
    ...REFUSALS.map((reason): KioskEvent => ({
      type: 'io.orderLookedUp',
      result: reason === 'overCap' ? { kind: 'refused', code, reason, due: '16990.00' } : { kind: 'refused', code, reason },
    })),
    { type: 'io.paymentCompleted', receipt: receiptFor(s) },
    { type: 'io.cashCancelled' },
    { type: 'io.cashCancelled', back: true },
    { type: 'service.key', key: '*' },
    { type: 'service.key', key: '#' },
    { type: 'io.cassetteRead', cassette: CASSETTE, capacity: 1500 },
    { type: 'io.encashed', encashment: { ...CASSETTE, number: 1, at: 0 } },
    { type: 'service.locked' },
    { type: 'service.unlocked' },
    // paper loaded: the transition is walked; paper out is walked with its warnings in terminal.paper.test.ts
    // (carrying it through every screen would double the model for one notice line)
    { type: 'printer.paper', out: false },
    // the acceptor jams (the terminal tells the kiosk while cash is taken; the kiosk goes out of service from any
    // screen): walked from the idle screen, whose data is clean, as the out-of-service and service screens read none of it
    ...(screen === 'idle' && s.context.jam === null && serviceQuiet(s) && s.context.focus === 0 ? [{ type: 'io.jammed' as const, jam: { sessionId: 's1', code, phone: `+7${s.context.phoneDigits}`, held: [5000], inserted: '0.00' } }] : []),
    // the registry goes out of reach (the terminal tells the kiosk) from every screen as it opens, with its
    // fields empty or whole, and comes back; what a customer does meanwhile is walked in
    // test/machines/terminal.registry.test.ts (from every screen with every half-typed field, it doubled the model's cost)
    ...(s.context.registryDown === null
      ? s.context.jam === null && serviceQuiet(s) && settledData(s) && s.context.focus === focusOnEntry(s) ? [{ type: 'registry.lost' as const, reason: REGISTRY_REASON }] : []
      : [{ type: 'registry.back' as const }]),
  ];
}

/**
 * Fields are typed and edited on their own screen; the model leaves a screen only with them empty
 * or whole (the code; the MTS number; the other number with its operator chosen as MTS). Without
 * this, every half-typed field would be carried through every other screen and the model would
 * have tens of thousands of states that differ only in data the other screens never read.
 */
const settledData = (s: Snap): boolean => {
  const { orderDigits, phoneDigits, operator, operatorChosen, pinDigits } = s.context;
  const phone = JSON.stringify([phoneDigits, operator, operatorChosen]);
  return (
    (orderDigits === '' || orderDigits === DEMO_CODE) &&
    ['', RIGHT_PIN, WRONG_PIN].includes(pinDigits) &&
    [JSON.stringify(['', null, false]), JSON.stringify([PHONE_MTS, 'mts', false]), JSON.stringify([PHONE_NO_OPERATOR, 'mts', true])].includes(phone)
  );
};

/** Where the focus is when a screen opens: on Next on the entry screens, on the first button elsewhere. */
const focusOnEntry = (s: Snap): number =>
  s.value === 'orderEntry' || s.value === 'phoneEntry' || s.value === 'topupPhone' || s.value === 'servicePin' ? kioskButtons(s.value, s.context).findIndex((b) => b.id === 'next') : 0;

const SERVICE_SIDE = new Set(['idle', 'servicePin', 'serviceLoading', 'service', 'encashing', 'serviceReceipt', 'clearingJam']);
/**
 * Out of service with a jam, the staff type the hidden sequence (no wrong PIN or lock yet): walked only
 * with the jam, which comes from a clean idle screen, so the customer screens' data never multiplies it.
 */
const jammedTypingSequence = (s: Snap): boolean =>
  s.value === 'outOfService' && s.context.jam !== null && s.context.serviceAttempts === 0 && !s.context.serviceLocked;
const JAMLESS_SCREENS = new Set(['encashing', 'serviceReceipt']);
const serviceQuiet = (s: Snap): boolean => s.context.serviceAttempts === 0 && !s.context.serviceLocked && s.context.serviceKeys === '';

/**
 * The last step `explored` computed. xstate/graph asks `filterEvents` about a step and then takes the same
 * step itself (the same snapshot and event objects): `traversed` answers that from here, so each of the
 * model's steps is computed once, not twice. Actors in the tests run `machine` itself.
 */
let lastStep: { from: Snap; event: KioskEvent; next: Snap } | null = null;
const traversed: typeof machine = Object.create(machine, {
  transition: {
    value: (from: Snap, event: KioskEvent, scope: never): Snap =>
      lastStep?.from === from && lastStep.event === event ? lastStep.next : machine.transition(from, event, scope),
  },
}) as typeof machine;

function explored(s: Snap, e: KioskEvent): boolean {
  if (!EXTERNAL.has(e.type)) return false;
  const [next] = transition(machine, s, e);
  lastStep = { from: s, event: e, next };
  // with the registry out of reach, only its coming back is walked (the out-of-service screen reads nothing else)
  if (next.context.registryDown !== null && e.type !== 'registry.lost') return false;
  // wrong PINs, a lock or a half-typed sequence are explored around the idle and service screens only,
  // not carried through every customer screen (they change nothing there)
  if (!SERVICE_SIDE.has(String(next.value)) && !serviceQuiet(next) && !jammedTypingSequence(next)) return false;
  // with a jam, the service side is walked without wrong PINs or the lock (walked from idle already)
  // nor the encashment (walked without a jam; the store's jam contract counts a cleared note in it):
  // carrying the jam through every service screen would multiply the model for one flag
  if (next.context.jam && (next.context.serviceAttempts > 0 || next.context.serviceLocked || next.context.pinDigits === WRONG_PIN || JAMLESS_SCREENS.has(String(next.value)))) return false;
  if (settledData(next)) return true;
  // Half-typed data stays on its screen, with the focus where the screen put it.
  return next.value === s.value && next.context.focus === focusOnEntry(next);
}

/**
 * Everything in the context that decides what the kiosk does next. Left out: the language (only
 * the language button reads it) and the notice, refusal and receipt (drawn, never read).
 */
export const abstract = (s: Snap) =>
  JSON.stringify([
    s.value, s.context.focus, s.context.orderDigits, s.context.phoneDigits, s.context.operator, s.context.operatorChosen, s.context.payable,
    s.context.serviceKeys, s.context.pinDigits, s.context.serviceAttempts, s.context.serviceLocked, s.context.jam !== null, s.context.registryDown !== null,
  ]);

export const model = createTestModel(traversed, {
  input: INPUT,
  events: eventsFor,
  filterEvents: explored,
  // One node per state reached by an event from a state: shortest paths to all of them take every transition.
  // (a pressed button by its id: "Cancel" and a third wrong PIN both lead from the PIN screen to idle)
  serializeState: (s, e, prev) => `${abstract(s)}${e && prev ? ` <- ${e.type}${e.type === 'nav.press' ? `:${e.id}` : ''} from ${String(prev.value)}` : ''}`,
});
