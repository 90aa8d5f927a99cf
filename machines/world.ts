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
 * | site    | place.go {terminal}            | terminal                                                |
 * | terminal| place.go {site}                | site                                                    |
 * | site, terminal | place.go {phone}        | phone (remembers where it came from; the phone reloads) |
 * | phone   | place.back (Esc on the phone's home) · place.go {site|terminal} | the place it came from · that place |
 * | (any)   | place.go {a place not built}   | stays; hint "no such place"                             |
 * | (any)   | key.unknown {key}              | stays; hint names the keys that do something            |
 * | (any)   | clock.advance {ms}             | moveClock (the places' timers fire at their moments) · readClock · expireOverdue · tickSite |
 * | (any)   | clock.tick                     | readClock · expireOverdue · tickSite (the interactive run ticks it every second) |
 *
 * Keys are mapped in src/app/keyFeed.ts: F1–F3, F9, F10 (and Esc on the phone) come here; every
 * other key goes straight to the place that has the keys, as that place's own event.
 */
import { assign, setup, sendTo, type ActorRefFrom } from 'xstate';
import { DEMO_PHONE } from '../src/domain/orders/demo.js';
import type { Lang } from '../src/domain/money.js';
import type { KioskRules } from '../src/domain/rules.js';
import { phoneMachine } from './phone.js';
import { siteMachine, type SiteInput } from './site.js';
import { terminalMachine } from './terminal.js';

/** The places that have a key on the place bar, in its order. F4 Cashier and F5 Post come later. */
export const PLACES = ['site', 'phone', 'terminal'] as const;
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
}

export type WorldHint = { kind: 'unknownPlace'; place: string } | { kind: 'unknownKey'; key: string };

export interface WorldContext {
  /** the place given at start (`kiosk --place`, a tape's `Set Place`) */
  start: Place;
  terminal: ActorRefFrom<typeof terminalMachine>;
  site: ActorRefFrom<typeof siteMachine>;
  phone: ActorRefFrom<typeof phoneMachine>;
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
  | { type: 'clock.tick' };

/**
 * `place.go` from one place, the same table everywhere: to itself only clears the hint, to another
 * place that is built goes there, to anything else says there is no such place. Built from PLACES,
 * so a new place (F4 Cashier, F5 Post) is one entry there, not a row in every state.
 */
const placeGo = (here: Place) => [
  { guard: { type: 'goesTo' as const, params: { place: here } }, actions: 'clearHint' as const },
  ...PLACES.filter((place) => place !== here).map((place) => ({ guard: { type: 'goesTo' as const, params: { place } }, target: place })),
  { actions: 'hintUnknownPlace' as const },
];

export const worldMachine = setup({
  types: {
    context: {} as WorldContext,
    events: {} as WorldEvent,
    input: {} as WorldInput,
  },
  actors: { terminal: terminalMachine, site: siteMachine, phone: phoneMachine },
  guards: {
    goesTo: ({ event }, params: { place: Place }) => event.type === 'place.go' && event.place === params.place,
    startsAt: ({ context }, params: { place: Place }) => context.start === params.place,
    cameFromSite: ({ context }) => context.behindPhone === 'site',
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
    // the phone shows what the store has now: the SMS a payment or an order sent since it last looked
    tickSite: sendTo(({ context }) => context.site, { type: 'clock.tick' as const }),
    refreshPhone: sendTo(({ context }) => context.phone, ({ context }) => ({ type: 'phone.refresh' as const, phone: customerPhone(context) })),
  },
}).createMachine({
  id: 'world',
  context: ({ input, spawn }) => ({
    terminal: spawn('terminal', { id: 'terminal', input: { ...langAndRules(input) } }),
    // the world ticks the site (clock.tick, clock.advance): a site timer every second would make F10 or `Advance 2d` crawl
    site: spawn('site', { id: 'site', input: { clock: input.clock, hostTicks: true, phone: input.phone ?? DEMO_PHONE, ...langAndRules(input) } }),
    phone: spawn('phone', { id: 'phone', input: { phone: input.phone ?? DEMO_PHONE } }),
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
    'clock.advance': { actions: [{ type: 'moveClock', params: ({ event }) => ({ ms: event.ms }) }, 'readClock', 'expireOverdue', 'tickSite'] },
    'clock.tick': { actions: ['readClock', 'expireOverdue', 'tickSite'] },
  },
  states: {
    starting: {
      always: [
        { guard: { type: 'startsAt', params: { place: 'site' } }, target: 'site' },
        { guard: { type: 'startsAt', params: { place: 'phone' } }, target: 'phone' },
        { target: 'terminal' },
      ],
    },
    site: {
      // the site reads the store again when it gets the keys (a mobile payment answered on the phone meanwhile)
      entry: ['clearHint', { type: 'rememberBehind', params: { place: 'site' } }, 'tickSite'],
      on: {
        'place.go': placeGo('site'),
      },
    },
    terminal: {
      entry: ['clearHint', { type: 'rememberBehind', params: { place: 'terminal' } }],
      on: {
        'place.go': placeGo('terminal'),
      },
    },
    phone: {
      entry: ['clearHint', 'refreshPhone'],
      on: {
        'place.back': [{ guard: 'cameFromSite', target: 'site' }, { target: 'terminal' }],
        'place.go': placeGo('phone'),
      },
    },
  },
});

const langAndRules = (input: WorldInput) => ({ ...(input.lang ? { lang: input.lang } : {}), ...(input.rules ? { rules: input.rules } : {}) });

/**
 * Whose phone the phone place is: the phone of the newest SMS a place sent (a code from the site,
 * change from the terminal), else the phone the world was started with (the demo phone). Kept simple on purpose.
 */
function customerPhone(context: WorldContext): string {
  const mobile = context.site.getSnapshot().context.mobile.payment;
  const sent = [
    ...context.terminal.getSnapshot().context.sms,
    ...context.site.getSnapshot().context.sms,
    // the phone a mobile payment's SMS went to (issue 13)
    ...(mobile ? [{ phone: mobile.phone, at: mobile.requestedAt }] : []),
  ];
  const newest = sent.reduce<(typeof sent)[number] | undefined>((last, sms) => (!last || sms.at >= last.at ? sms : last), undefined);
  return newest?.phone ?? context.phone.getSnapshot().context.phone;
}

export type WorldActor = ActorRefFrom<typeof worldMachine>;
