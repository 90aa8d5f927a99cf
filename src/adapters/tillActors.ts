/**
 * The till's I/O: its named actors on a `KioskStore` and the program's clock. A payment is saved
 * with the drawer's movement in one transaction (`payAtTill`) before the machine shows the receipt.
 */
import { fromPromise } from 'xstate';
import { tillMachine, type TillPayInput } from '../../machines/desk/till.js';
import type { Drawer } from '../domain/cash/drawer.js';
import { evaluateDeskLookup } from '../domain/cash/deskPayment.js';
import type { DeskPlace } from '../domain/fiscal/desks.js';
import type { Money } from '../domain/money.js';
import type { KioskRules } from '../domain/rules.js';
import type { KioskStore } from '../domain/store.js';
import type { Clock } from './terminalActors.js';

export interface TillDeps {
  store: KioskStore;
  clock: Clock;
  rules: KioskRules;
}

export function provideTill({ store, clock, rules }: TillDeps) {
  return tillMachine.provide({
    actors: {
      openShift: fromPromise(async ({ input }: { input: { place: DeskPlace; float: Drawer } }) => store.openTillShift(input.place, input.float, clock.now())),
      lookUp: fromPromise(async ({ input }: { input: { code: string; cap: Money | null } }) => evaluateDeskLookup(input.code, await store.findOrder(input.code), clock.now(), rules, input.cap)),
      payAtTill: fromPromise(async ({ input }: { input: TillPayInput }) => store.payAtTill({ ...input, at: clock.now() })),
      sendAway: fromPromise(async ({ input }: { input: { place: DeskPlace } }) => store.sendAwayAtTill(input.place, clock.now())),
      report: fromPromise(async ({ input }: { input: { place: DeskPlace; kind: 'X' | 'Z' } }) => {
        const report = await store.tillReport(input.place, input.kind, clock.now());
        return { report, till: await store.tillState(input.place) };
      }),
    },
  });
}
