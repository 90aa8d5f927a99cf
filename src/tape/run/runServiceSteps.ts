/** Runs what language/parseServiceSteps.ts parses: service mode by keys, as the staff enters it; faults through the driver. */
import { SERVICE_SEQUENCE } from '../../domain/cash/service.js';
import type { Step } from '../language/ast.js';
import { KEY_BYTES } from '../language/keys.js';
import { StepFailure } from './failure.js';
import type { StepContext } from './stepContext.js';

export async function runServiceStep(ctx: StepContext, step: Extract<Step, { kind: 'service' | 'fault' }>): Promise<void> {
  const { harness } = ctx;
  if (step.kind === 'fault') {
    if (!harness.inject) throw new StepFailure('tape', `Fault ${step.fault} needs the in-process kiosk (not --pty)`);
    return harness.inject(step.fault);
  }
  const view = harness.view();
  // on the PIN screen already (a PIN was wrong): only the PIN again
  const onPin = view.statePath === 'kiosk.servicePin';
  // the hidden sequence works on the idle screen and on the out-of-service one (a jam)
  if (!onPin && view.statePath !== 'kiosk.idle' && view.statePath !== 'kiosk.outOfService') {
    throw new StepFailure('assertion', `Service needs the idle or out-of-service screen (the hidden sequence is typed there), but the kiosk is at ${view.statePath}`);
  }
  if (!onPin) for (const key of SERVICE_SEQUENCE) await harness.keys(key);
  for (const digit of step.pin) await harness.keys(digit);
  await harness.keys(KEY_BYTES.Enter);
}
