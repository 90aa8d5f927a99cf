/**
 * The world: the places of the program (the site, the terminal — the kiosk, as is — and the phone
 * beside them), which of them has the keys, and the program's clock. The site reads the time from
 * the clock the world's input gives (the host's program clock: machines never import adapters). Each place is a child actor
 * that runs whether or not it has the keys, so switching never loses what a place was doing, and
 * its timers keep running on the one clock of the actor system (SimulatedClock in tests and tapes).
 * The clock is moved only through the provided `moveClock` action; `readClock` copies its time
 * into `now` for the status line (both provided by src/adapters/worldActors.ts).
 *
 * | state   | events                         | goes to / does                                          |
 * |---------|--------------------------------|---------------------------------------------------------|
 * | site, terminal, cashier, post, training | place.go {another of them} | that place                 |
 * | site, terminal, cashier, post, training | place.go {phone} | phone (remembers where it came from; the phone reloads) |
 * | training (exit)  | (leaving it)          | abandonExercise: an exercise running is recorded `abandoned` |
 * | phone   | place.back (Esc on the phone's home) · place.go {a place} | the place it came from · that place |
 * | (any)   | desk.setRole {role}            | both desks play that role from their next customer (`Set Role`); not open yet: rememberRole |
 * | (any)   | place.go {a place not built}   | stays; hint "no such place"                             |
 * | (any)   | key.unknown {key}              | stays; hint names the keys that do something            |
 * | (any)   | clock.advance {ms}             | moveClock (the places' timers fire at their moments) · readClock · expireOverdue · tickSite (places open) |
 * | (any)   | clock.tick                     | readClock · expireOverdue · tickSite (places open; the interactive run ticks it every second) |
 * | (any)   | xstate.snapshot.terminal (its language changed) | followTerminalLang: the site shows the terminal's language |
 * | (any)   | world.open · entering site, cashier, post, training | openPlaces: the site, the desks, the Training place start (once) |
 *
 * Input `openLater` (the interactive kiosk, issue 16): the places its first screen does not draw
 * start at `world.open`, sent right after that screen, not with the world; null until then, told
 * nothing, and started with the terminal's language and the role set meanwhile (`opening`).
 *
 * The Training place (F6, machines/training.ts) runs each exercise in a sandbox world of its own,
 * which has the keys while an exercise runs. The cashier (F4) and the Post (F5) are two runs of one
 * desk machine (machines/desk.ts): the place's words and receipt form are its input, as data.
 * Keys are mapped in src/app/keyFeed.ts: F1–F5, F9, F10 (and Esc on the phone) come here; every
 * other key goes straight to the place that has the keys, as that place's own event.
 */
import { assign, setup, sendTo, type ActorRefFrom, type Spawner } from 'xstate';
import { DEMO_PHONE } from '../src/domain/orders/demo.js';
import type { Lang, Money } from '../src/domain/money.js';
import type { KioskRules } from '../src/domain/rules.js';
import { phoneMachine } from './phone.js';
import { siteMachine, type SiteInput } from './site.js';
import { terminalMachine } from './terminal.js';
import { deskMachine, type DeskRole } from './desk.js';
import { trainingMachine } from './training.js';
import type { Exercise } from '../src/domain/training/exercise.js';

/** The places that have a key on the place bar, in its order (F1…F6). */
export const PLACES = ['site', 'phone', 'terminal', 'cashier', 'post', 'training'] as const;
export type Place = (typeof PLACES)[number];
/** The places the phone stands beside: Esc on the phone gives the keys back to one of these. */
export type MainPlace = Exclude<Place, 'phone'>;
export const isPlace = (name: string): name is Place => (PLACES as readonly string[]).includes(name);

export interface WorldInput {
  place?: Place;
  lang?: Lang;
  rules?: KioskRules;
  /** the customer's phone; omitted, the demo phone */
  phone?: string;
  /** the program's clock, which the site reads for its countdowns and its orders' times */
  clock: SiteInput['clock'];
  /** who the trainee plays at the desks (`kiosk --role`, a tape's `Set Role`); default the customer */
  role?: DeskRole;
  /** [choice] the most a desk takes for one order; omitted, no limit */
  deskCap?: Money;
  /** the Training place (F6, `kiosk train`): its exercises, the trainee (empty: asked for), `--exam` */
  training?: { exercises: readonly Exercise[] | (() => readonly Exercise[]); trainee?: string; exam?: boolean; drillRules?: readonly string[]; seed?: number; drawSeed?: () => number };
  /**
   * true: the site, the desks and the Training place start at `world.open` (or on entering one of
   * them), not with the world: the interactive kiosk draws its first screen without them (issue 16)
   */
  openLater?: boolean;
}

export type WorldHint = { kind: 'unknownPlace'; place: string } | { kind: 'unknownKey'; key: string };

export interface WorldContext {
  /** the place given at start (`kiosk --place`, a tape's `Set Place`) */
  start: Place;
  terminal: ActorRefFrom<typeof terminalMachine>;
  phone: ActorRefFrom<typeof phoneMachine>;
  /** null until the world opens its places (input `openLater`: at `world.open`) */
  site: ActorRefFrom<typeof siteMachine> | null;
  cashier: ActorRefFrom<typeof deskMachine> | null;
  post: ActorRefFrom<typeof deskMachine> | null;
  training: ActorRefFrom<typeof trainingMachine> | null;
  /** what the places opened later start with (the world's input, the role set meanwhile) */
  opening: WorldInput;
  /** where Esc on the phone goes back to */
  behindPhone: MainPlace;
  /** the program's time as the clock last told it (the status line) */
  now: number;
  hint: WorldHint | null;
}

export type WorldEvent =
  | { type: 'place.go'; place: string }
  | { type: 'place.back' }
  | { type: 'key.unknown'; key: string }
  | { type: 'clock.advance'; ms: number }
  | { type: 'clock.tick' }
  /** the terminal's snapshot (spawned with syncSnapshot): the world keeps the site in the terminal's language */
  | { type: 'xstate.snapshot.terminal' }
  | { type: 'desk.setRole'; role: DeskRole }
  | { type: 'world.open' };

/**
 * `place.go` from one place, the same table everywhere: to itself only clears the hint, to another
 * place that is built goes there, to anything else says there is no such place. Built from PLACES,
 * so a new place (F4 Cashier, F5 Post) is one entry there, not a row in every state.
 */
const placeGo = (here: Place) => [
  { guard: { type: 'goesTo' as const, params: { place: here } }, actions: 'clearHint' as const },
  // Stryker disable next-line MethodExpression,ConditionalExpression: equivalent, because a `place.go` to `here` is taken by the clearHint entry above (same guard, first wins): the filter only leaves out a transition never reached
  ...PLACES.filter((place) => place !== here).map((place) => ({ guard: { type: 'goesTo' as const, params: { place } }, target: place })),
  { actions: 'hintUnknownPlace' as const },
];

export const worldMachine = setup({
  types: {
    context: {} as WorldContext,
    events: {} as WorldEvent,
    input: {} as WorldInput,
  },
  actors: { terminal: terminalMachine, site: siteMachine, phone: phoneMachine, desk: deskMachine, training: trainingMachine },
  guards: {
    goesTo: ({ event }, params: { place: Place }) => event.type === 'place.go' && event.place === params.place,
    startsAt: ({ context }, params: { place: Place }) => context.start === params.place,
    cameFrom: ({ context }, params: { place: MainPlace }) => context.behindPhone === params.place,
    opened: ({ context }) => context.site !== null,
    terminalLangChanged: ({ context }) =>
      context.site !== null &&
      // Stryker disable next-line ConditionalExpression: equivalent, because `true` only adds a `site.lang` with the language the site already has (it starts in the terminal's, and nothing else sends it `site.lang`); the comparison spares the site a message per terminal snapshot
      terminalLang(context) !== context.site.getSnapshot().context.lang,
  },
  actions: {
    // provided by src/adapters/worldActors.ts: the clock is the adapters' business, not the machine's
    moveClock: (_, _params: { ms: number }) => {},
    readClock: () => {},
    // provided: cancels the mobile payments whose reply time ran out (issue 13), wherever the keys are
    expireOverdue: () => {},
    clearHint: assign({ hint: null }),
    hintUnknownPlace: assign(({ event }) => ({ hint: event.type === 'place.go' ? { kind: 'unknownPlace' as const, place: event.place } : null })),
    hintUnknownKey: assign(({ event }) => ({ hint: event.type === 'key.unknown' ? { kind: 'unknownKey' as const, key: event.key } : null })),
    rememberBehind: assign((_, params: { place: MainPlace }) => ({ behindPhone: params.place })),
    // one language in the world: the kiosk's language button switches the site too
    followTerminalLang: sendTo(({ context }) => opened(context).site, ({ context }) => ({ type: 'site.lang' as const, lang: terminalLang(context) })),
    tickSite: sendTo(({ context }) => opened(context).site, { type: 'clock.tick' as const }),
    roleAtCashier: sendTo(({ context }) => opened(context).cashier, ({ event }: { event: WorldEvent }) => roleEvent(event)),
    roleAtPost: sendTo(({ context }) => opened(context).post, ({ event }: { event: WorldEvent }) => roleEvent(event)),
    // desks not open yet start with the role set meanwhile
    rememberRole: assign(({ context, event }) => ({ opening: { ...context.opening, role: roleEvent(event).role } })),
    // leaving the Training place mid-exercise ends the attempt `abandoned` (saved, never lost)
    abandonExercise: sendTo(({ context }) => opened(context).training, { type: 'training.quit' as const }),
    // the places the first screen does not draw, in the terminal's language now (once)
    openPlaces: assign(({ context, spawn }) => (context.site ? {} : laterPlaces(spawn, { ...context.opening, lang: terminalLang(context) }))),
    // the phone shows what the store has now: the SMS a payment or an order sent since it last looked
    refreshPhone: sendTo(({ context }) => context.phone, ({ context }) => ({ type: 'phone.refresh' as const, phone: customerPhone(context) })),
  },
}).createMachine({
  id: 'world',
  context: ({ input, spawn }) => ({
    terminal: spawn('terminal', { id: 'terminal', syncSnapshot: true, input: { ...langAndRules(input) } }),
    ...(input.openLater ? { site: null, cashier: null, post: null, training: null } : laterPlaces(spawn, input)),
    phone: spawn('phone', { id: 'phone', input: { phone: input.phone ?? DEMO_PHONE } }),
    opening: input,
    start: input.place ?? 'terminal',
    behindPhone: 'terminal',
    now: 0,
    hint: null,
  }),
  initial: 'starting',
  entry: 'readClock',
  on: {
    'place.go': { actions: 'hintUnknownPlace' },
    'key.unknown': { actions: 'hintUnknownKey' },
    'clock.advance': [
      { guard: 'opened', actions: [{ type: 'moveClock', params: ({ event }) => ({ ms: event.ms }) }, 'readClock', 'expireOverdue', 'tickSite'] },
      { actions: [{ type: 'moveClock', params: ({ event }) => ({ ms: event.ms }) }, 'readClock', 'expireOverdue'] },
    ],
    'clock.tick': [{ guard: 'opened', actions: ['readClock', 'expireOverdue', 'tickSite'] }, { actions: ['readClock', 'expireOverdue'] }],
    'xstate.snapshot.terminal': { guard: 'terminalLangChanged', actions: 'followTerminalLang' },
    'desk.setRole': [{ guard: 'opened', actions: ['roleAtCashier', 'roleAtPost'] }, { actions: 'rememberRole' }],
    'world.open': { actions: 'openPlaces' },
  },
  states: {
    starting: {
      always: [
        { guard: { type: 'startsAt', params: { place: 'site' } }, target: 'site' },
        { guard: { type: 'startsAt', params: { place: 'phone' } }, target: 'phone' },
        { guard: { type: 'startsAt', params: { place: 'cashier' } }, target: 'cashier' },
        { guard: { type: 'startsAt', params: { place: 'post' } }, target: 'post' },
        { guard: { type: 'startsAt', params: { place: 'training' } }, target: 'training' },
        { target: 'terminal' },
      ],
    },
    site: {
      // the phone beside the place reads the store again (a seller's refund); the site too (a mobile payment answered on the phone)
      entry: ['openPlaces', 'clearHint', { type: 'rememberBehind', params: { place: 'site' } }, 'refreshPhone', 'tickSite'],
      on: {
        'place.go': placeGo('site'),
      },
    },
    terminal: {
      entry: ['clearHint', { type: 'rememberBehind', params: { place: 'terminal' } }, 'refreshPhone'],
      on: {
        'place.go': placeGo('terminal'),
      },
    },
    cashier: {
      entry: ['openPlaces', 'clearHint', { type: 'rememberBehind', params: { place: 'cashier' } }],
      on: {
        'place.go': placeGo('cashier'),
      },
    },
    post: {
      entry: ['openPlaces', 'clearHint', { type: 'rememberBehind', params: { place: 'post' } }],
      on: {
        'place.go': placeGo('post'),
      },
    },
    training: {
      entry: ['openPlaces', 'clearHint', { type: 'rememberBehind', params: { place: 'training' } }],
      exit: 'abandonExercise',
      on: {
        'place.go': placeGo('training'),
      },
    },
    phone: {
      entry: ['clearHint', 'refreshPhone'],
      on: {
        'place.back': [
          { guard: { type: 'cameFrom', params: { place: 'site' } }, target: 'site' },
          { guard: { type: 'cameFrom', params: { place: 'cashier' } }, target: 'cashier' },
          { guard: { type: 'cameFrom', params: { place: 'post' } }, target: 'post' },
          { guard: { type: 'cameFrom', params: { place: 'training' } }, target: 'training' },
          { target: 'terminal' },
        ],
        'place.go': placeGo('phone'),
      },
    },
  },
});

/** The language the terminal shows now (its kiosk's: the language button, or the default after a session). */
const terminalLang = (context: Pick<WorldContext, 'terminal'>): Lang => context.terminal.getSnapshot().context.kiosk.getSnapshot().context.lang;
/** The places opened later: read only where the world has them (guard `opened`, or after `openPlaces`). */
export function opened(context: Pick<WorldContext, 'site' | 'cashier' | 'post' | 'training'>) {
  const { site, cashier, post, training } = context;
  if (!site || !cashier || !post || !training) throw new Error('the world has not opened its places yet (world.open)');
  return { site, cashier, post, training };
}

/** The world's children, as `setup({ actors })` above names them (what its `spawn` takes). */
type Child<S extends string, L> = { src: S; logic: L; id: string | undefined };
type WorldChildren = Child<'terminal', typeof terminalMachine> | Child<'site', typeof siteMachine> | Child<'phone', typeof phoneMachine>
  | Child<'desk', typeof deskMachine> | Child<'training', typeof trainingMachine>;

/** The places opened later, spawned. The world ticks the site: a site timer every second would make F10 crawl. */
function laterPlaces(spawn: Spawner<WorldChildren>, input: WorldInput) {
  return {
    site: spawn('site', { id: 'site', input: { clock: input.clock, hostTicks: true, phone: input.phone ?? DEMO_PHONE, ...langAndRules(input) } }),
    cashier: spawn('desk', { id: 'cashier', input: { place: 'cashier', ...deskInput(input) } }),
    post: spawn('desk', { id: 'post', input: { place: 'post', ...deskInput(input) } }),
    training: spawn('training', { id: 'training', input: trainingInput(input) }),
  };
}

const roleEvent = (event: WorldEvent) => ({ type: 'desk.setRole' as const, role: event.type === 'desk.setRole' ? event.role : ('customer' as const) });

const deskInput = (input: WorldInput) => ({ ...(input.role ? { role: input.role } : {}), ...(input.deskCap ? { cap: input.deskCap } : {}), ...langAndRules(input) });

const trainingInput = (input: WorldInput) => ({
  // a function: read only now (the kiosk's catalog is parsed when the Training place opens)
  exercises: typeof input.training?.exercises === 'function' ? input.training.exercises() : (input.training?.exercises ?? []),
  trainee: input.training?.trainee ?? '',
  exam: input.training?.exam ?? false,
  ...(input.training?.drillRules ? { drillRules: input.training.drillRules } : {}),
  ...(input.training?.seed !== undefined ? { seed: input.training.seed } : {}),
  ...(input.training?.drawSeed ? { drawSeed: input.training.drawSeed } : {}),
  ...(input.lang ? { lang: input.lang } : {}),
});

const langAndRules = (input: WorldInput) => ({ ...(input.lang ? { lang: input.lang } : {}), ...(input.rules ? { rules: input.rules } : {}) });

/**
 * Whose phone the phone place is: the phone of the newest SMS a place sent (a code from the site, change
 * from the terminal), else the phone the world was started with (the demo phone). Kept simple on purpose.
 */
export function customerPhone(context: WorldContext): string {
  const mobile = context.site?.getSnapshot().context.mobile.payment;
  const sent = [
    ...context.terminal.getSnapshot().context.sms,
    ...(context.site?.getSnapshot().context.sms ?? []),
    // the phone a mobile payment's SMS went to (issue 13)
    ...(mobile ? [{ phone: mobile.phone, at: mobile.requestedAt }] : []),
  ];
  const newest = sent.reduce<(typeof sent)[number] | undefined>((last, sms) => (!last || sms.at >= last.at ? sms : last), undefined);
  return newest?.phone ?? context.phone.getSnapshot().context.phone;
}

export type WorldActor = ActorRefFrom<typeof worldMachine>;
