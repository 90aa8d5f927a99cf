/**
 * The desks' I/O: their named actors on a `KioskStore` and the program's clock. The code is looked
 * up as a terminal looks it up, without the terminal's cap; the payment is saved in one transaction
 * (`payAtDesk`) before the machine shows the receipt. The till of the cashier's role gets its actors
 * from src/adapters/tillActors.ts.
 */
import { fromPromise } from 'xstate';
import { deskMachine } from '../../machines/desk.js';
import type { LookUpInput } from '../../machines/desk/deskContext.js';
import { evaluateDeskLookup, type DeskPaymentRequest } from '../domain/cash/deskPayment.js';
import type { KioskRules } from '../domain/rules.js';
import type { KioskStore } from '../domain/store.js';
import type { Clock } from './terminalActors.js';
import { provideTill } from './tillActors.js';

export interface DeskDeps {
  store: KioskStore;
  clock: Clock;
  rules: KioskRules;
  /** told of each desk receipt once it is saved (the tape engine keeps them) */
  onDeskPayment?: (outcome: Awaited<ReturnType<KioskStore['payAtDesk']>>) => void;
}

export function provideDesk(deps: DeskDeps) {
  const { store, clock, rules } = deps;
  return deskMachine.provide({
    actors: {
      lookUp: fromPromise(async ({ input }: { input: LookUpInput }) => evaluateDeskLookup(input.code, await store.findOrder(input.code), clock.now(), rules, input.cap)),
      payAtDesk: fromPromise(async ({ input }: { input: Omit<DeskPaymentRequest, 'at'> }) => {
        const outcome = await store.payAtDesk({ ...input, at: clock.now() });
        deps.onDeskPayment?.(outcome);
        return outcome;
      }),
      // the cashier's role: the till with its own store actors
      till: provideTill({ store, clock, rules }),
    },
  });
}
