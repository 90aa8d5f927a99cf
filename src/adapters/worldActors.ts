/** The world's places bound to one store and one clock: the terminal's actors, the site's, the phone's, the clock's actions. */
import { assign, fromPromise } from 'xstate';
import { phoneMachine, type PhoneState } from '../../machines/phone.js';
import { worldMachine } from '../../machines/world.js';
import { guessOperator } from '../domain/mobile/phone.js';
import type { KioskStore } from '../domain/store.js';
import { jumpClock, type ProgramClock } from './programClock.js';
import { provideSite } from './siteActors.js';
import { provideDesk, type DeskDeps } from './deskActors.js';
import { provideTerminal, type TerminalDeps } from './terminalActors.js';

export interface WorldDeps extends Omit<TerminalDeps, 'clock'>, Pick<DeskDeps, 'onDeskPayment'> {
  clock: ProgramClock;
}

/** The phone's account as the store has it, the inbox newest first. */
export function loadPhoneState(store: KioskStore, phone: string): PhoneState {
  const account = store.phoneAccount(phone);
  // a number the store knows no operator of (no payment reached it yet) is on the one its DEF code names
  const operator = account.operator ?? guessOperator(phone.replace(/^\+7/, ''));
  return { phone, operator, balance: account.balance, inbox: [...account.sms].sort((a, b) => b.at - a.at) };
}

export function provideWorld(deps: WorldDeps) {
  const { clock, store } = deps;
  return worldMachine.provide({
    actors: {
      terminal: provideTerminal({ ...deps, clock }),
      site: provideSite({ store, clock, rules: deps.rules }),
      // the cashier and the Post: one machine, one set of actors; the place is the desk's input
      desk: provideDesk({ store, clock, rules: deps.rules, ...(deps.onDeskPayment ? { onDeskPayment: deps.onDeskPayment } : {}) }),
      phone: phoneMachine.provide({
        actors: { loadPhone: fromPromise(async ({ input }: { input: { phone: string } }) => loadPhoneState(store, input.phone)) },
      }),
    },
    actions: {
      moveClock: (_, params: { ms: number }) => jumpClock(clock, params.ms),
      readClock: assign({ now: () => clock.now() }),
    },
  });
}
