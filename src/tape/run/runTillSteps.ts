/**
 * What the till's tape steps do (the runner of language/parseTillSteps.ts): `Customer` and `Give`
 * are events to the till of the desk that has the keys; `ExpectDrawer` reads that desk's drawer as
 * the store saved it (what a crash would leave), not the screen.
 */
import { countOf, type Drawer } from '../../domain/cash/drawer.js';
import { scriptedCustomer, siteOrderCustomer } from '../../domain/cash/tillCustomers.js';
import type { Money } from '../../domain/money.js';
import type { DeskEvent } from '../../../machines/desk.js';
import type { Step } from '../language/ast.js';
import { StepFailure } from './failure.js';
import type { StepContext } from './stepContext.js';

type TillStep = Extract<Step, { kind: 'tillCustomer' | 'give' | 'expectDrawer' }>;

const drawerOf = (notes: readonly Money[]): Drawer => notes.reduce<Record<Money, number>>((d, face) => ({ ...d, [face]: (d[face] ?? 0) + 1 }), {});

/** What `Customer` and `Give` send to the till (Try from here replays them into a sandbox's desk the same way). */
export function tillEventsOf(step: Extract<Step, { kind: 'tillCustomer' | 'give' }>): DeskEvent[] {
  if (step.kind === 'give') return step.faces.map((face) => ({ type: 'till.give', face }));
  const brings = drawerOf(step.brings);
  const customer = step.code === null ? siteOrderCustomer(step.siteOrderId ?? '', brings, step.says) : scriptedCustomer(step.code, brings, step.says);
  return [{ type: 'till.queue', customer }];
}

export async function runTillStep(ctx: StepContext, step: TillStep): Promise<void> {
  const { harness } = ctx;
  const desk = harness.deskView?.();
  if (!harness.sendToDesk || desk === undefined) throw new StepFailure('tape', 'the till\'s steps run only in-process');
  if (!desk?.till) throw new StepFailure('tape', 'the till runs at a desk in the cashier\'s role: Set Role cashier, then Go cashier or Go post');
  if (step.kind !== 'expectDrawer') {
    for (const event of tillEventsOf(step)) await harness.sendToDesk(event);
    return;
  }
  const saved = ctx.store.tillState(desk.place);
  if (!saved) throw new StepFailure('assertion', `expected ${step.count} × ${step.face} in the drawer, but no shift was ever opened at the ${desk.place}`);
  const count = countOf(saved.drawer, step.face);
  if (count !== step.count) {
    const all = Object.entries(saved.drawer).filter(([, n]) => n > 0).map(([face, n]) => `${face}×${n}`).join(' ');
    throw new StepFailure('assertion', `expected ${step.count} × ${step.face} in the drawer at the ${desk.place}, it holds ${count}`, [`the drawer: ${all}`]);
  }
}
