/** The world's places bound to one store and one clock: the terminal's actors, the site's, the phone's, the clock's actions. */
import { assign, fromPromise, SimulatedClock } from 'xstate';
import { phoneMachine, type PhoneState } from '../../machines/phone.js';
import { worldMachine } from '../../machines/world.js';
import { guessOperator } from '../domain/mobile/phone.js';
import type { KioskStore } from '../domain/store.js';
import { jumpClock, RealProgramClock, type ProgramClock } from './programClock.js';
import { provideSite } from './siteActors.js';
import { provideDesk, type DeskDeps } from './deskActors.js';
import { provideTerminal, type TerminalDeps } from './terminalActors.js';
import { mobilePhoneActors, mobileSiteActors } from './mobileActors.js';
import { provideTraining, type MistakeFinder, type SandboxWorldStarter } from './trainingActors.js';

export interface WorldDeps extends Omit<TerminalDeps, 'clock'>, Pick<DeskDeps, 'onDeskPayment'> {
  clock: ProgramClock;
  /** training attempts' ids (the real program: random UUIDs) */
  newAttemptId: () => string;
  /** how an exercise's sandbox world is started (src/app/session.ts startWorld) */
  startSandbox: SandboxWorldStarter;
  /** the debrief's first mistake (issue 18): given by the program, which may load the tape engine */
  findMistake?: MistakeFinder;
  /** a number in [0, 1) for the site's payment codes; omitted, node:crypto (tapes pass a seeded one) */
  random?: () => number;
}

/** The phone's account as the store has it, the inbox newest first. */
export async function loadPhoneState(store: KioskStore, phone: string): Promise<PhoneState> {
  const account = await store.phoneAccount(phone);
  // a number the store knows no operator of (no payment reached it yet) is on the one its DEF code names
  const operator = account.operator ?? guessOperator(phone.replace(/^\+7/, ''));
  // newest first; SMS of one moment (a request and its answer) keep the order they were sent in, reversed
  return { phone, operator, balance: account.balance, inbox: [...account.sms].reverse().sort((a, b) => b.at - a.at) };
}

export function provideWorld(deps: WorldDeps) {
  const { clock, store } = deps;
  // one stream for the cash and the mobile orders' codes, drawn in the order the site asks
  const random = deps.random ? { random: deps.random } : {};
  return worldMachine.provide({
    actors: {
      terminal: provideTerminal({ ...deps, clock }),
      site: provideSite({ store, clock, rules: deps.rules, ...random }).provide({ actors: mobileSiteActors({ store, clock, rules: deps.rules, ...random }) }),
      // the cashier and the Post: one machine, one set of actors; the place is the desk's input
      // exercises run in sandbox worlds of their own; only the attempt's record reaches this store
      training: provideTraining({
        store,
        rules: deps.rules,
        newAttemptId: deps.newAttemptId,
        now: () => clock.now(),
        ...(deps.findMistake ? { findMistake: deps.findMistake } : {}),
        startWorld: deps.startSandbox,
        // a simulated world (tests, the --pty hook) gets simulated sandboxes: nothing runs by real time
        ...(clock instanceof RealProgramClock ? {} : { simulatedClock: simulatedAt }),
      }),
      desk: provideDesk({ store, clock, rules: deps.rules, ...(deps.onDeskPayment ? { onDeskPayment: deps.onDeskPayment } : {}) }),
      phone: phoneMachine.provide({
        actors: {
          // a request whose reply time ran out is cancelled (with its SMS) before the phone shows the inbox
          loadPhone: fromPromise(async ({ input }: { input: { phone: string } }) => {
            await store.expireMobilePayments(clock.now());
            return loadPhoneState(store, input.phone);
          }),
          ...mobilePhoneActors({ store, clock, rules: deps.rules }),
        },
      }),
    },
    actions: {
      moveClock: (_, params: { ms: number }) => {
        jumpClock(clock, params.ms);
        // every process on this store (a restart, `kiosk orders cancel`) goes on at the time reached
        // a registry out of reach keeps the old offset until the next jump (the terminal says it is out of service)
        if (clock instanceof RealProgramClock) void store.setProgramClockOffset(clock.offsetMs).catch(() => undefined);
      },
      readClock: assign({ now: () => clock.now() }),
      // each expiry is dated at its own deadline, so expiring late (at the end of a jump) changes no time
      // and refunds of mobile payments land when due (R-MOB-8)
      expireOverdue: () => {
        const now = clock.now();
        // a registry out of reach (issue 20): expired on a later tick, once it answers; never an unhandled rejection
        void store.expireMobilePayments(now).then(() => store.landMobileRefunds(now)).catch(() => undefined);
      },
    },
  });
}

function simulatedAt(startMs: number): SimulatedClock {
  const clock = new SimulatedClock();
  clock.set(startMs);
  return clock;
}
