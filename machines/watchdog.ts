/** Which inactivity timeout applies to what the customer sees now; null when none runs. */
import type { SnapshotFrom } from 'xstate';
import type { Timeouts } from '../src/domain/rules.js';
import type { cashMachine } from './cash.js';
import type { kioskMachine } from './kiosk.js';

export function inactivityMs(
  kiosk: SnapshotFrom<typeof kioskMachine>,
  cash: SnapshotFrom<typeof cashMachine> | undefined,
  timeouts: Timeouts,
): number | null {
  if (cash && cash.status === 'active') {
    if (cash.hasTag('cash.moreTime')) return timeouts.moreTimeMs;
    if (cash.hasTag('cash.holding')) return timeouts.cashWithNoteMs;
    if (cash.hasTag('cash.empty')) return timeouts.cashNoNoteMs;
    return null;
  }
  if (kiosk.hasTag('entry')) return timeouts.entryMs;
  if (kiosk.hasTag('menu')) return timeouts.menuMs;
  return null;
}
