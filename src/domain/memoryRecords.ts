/**
 * The in-memory store's records that stand on their own: the program clock and the training
 * attempts with their drill cards. `MemoryOrders` (memoryOrders.ts) and `MemoryStore`
 * (memoryStore.ts) build on it.
 */
import type { AttemptRecord } from './training/attempt.js';
import { checkAttemptRecord } from './training/attemptCheck.js';
import { checkDrillCard, type DrillCard } from './training/drill.js';
import type { TrainingAttemptFilter } from './store.js';

export abstract class MemoryRecords {
  /** how far the program's clock runs ahead of real time */
  private clockOffset = 0;
  /** training attempts by id, in the order they were kept */
  private attempts = new Map<string, AttemptRecord>();
  /** drill cards by trainee and rule */
  private drill = new Map<string, DrillCard>();

  programClockOffset(): number {
    return this.clockOffset;
  }
  setProgramClockOffset(ms: number): void {
    this.clockOffset = Math.max(this.clockOffset, Math.round(ms));
  }
  recordTrainingAttempt(record: AttemptRecord, drill: readonly DrillCard[] = []): void {
    // checked whole before it is kept: nothing half-written; the first save of an id wins
    checkAttemptRecord(record);
    drill.forEach(checkDrillCard);
    if (this.attempts.has(record.id)) return;
    this.attempts.set(record.id, structuredClone(record));
    for (const card of drill) this.drill.set(`${card.trainee}\u0000${card.rule}`, structuredClone(card));
  }
  drillCards(trainee: string): DrillCard[] {
    // a trainee's rules are unique (the map's key): no two compare equal
    return [...this.drill.values()].filter((c) => c.trainee === trainee).sort((a, b) => (a.rule < b.rule ? -1 : 1)).map((c) => structuredClone(c));
  }
  listTrainingAttempts(filter: TrainingAttemptFilter = {}): AttemptRecord[] {
    return [...this.attempts.values()]
      .filter((a) => (filter.trainee === undefined || a.trainee === filter.trainee) && (filter.since === undefined || a.startedAt >= filter.since))
      // ids are unique: no two attempts compare equal
      .sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1))
      .map((a) => structuredClone(a));
  }
  close(): void {}
}
