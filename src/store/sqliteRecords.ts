/**
 * The SQLite store's connection and the records that stand on their own: the program clock and the
 * training attempts with their drill cards. `SqliteOrders` (sqliteOrders.ts) and `SqliteStore`
 * (sqliteStore.ts, which opens the file) build on it; every method turns a failure of the file
 * into a StoreError naming the path (`guard`).
 */
import type { Database as Connection } from 'better-sqlite3';
import { toStoreError } from './errors.js';
import { pageCacheKiB } from './connectionMemory.js';
import type { Checkpoint } from './payments.js';
import type { AttemptRecord } from '../domain/training/attempt.js';
import type { TrainingAttemptFilter } from '../domain/store.js';
import { listAttempts, recordAttemptInTransaction } from './trainingRows.js';
import { checkDrill, listDrillCards, saveDrillInTransaction } from './drillRows.js';
import type { DrillCard } from '../domain/training/drill.js';

export abstract class SqliteRecords {
  protected constructor(
    protected readonly db: Connection,
    readonly path: string,
    protected readonly checkpoint: Checkpoint,
  ) {}

  programClockOffset(): number {
    return this.guard(() => (this.db.prepare('SELECT offset_ms AS ms FROM program_clock WHERE id = 1').get() as { ms: number } | undefined)?.ms ?? 0);
  }

  setProgramClockOffset(ms: number): void {
    this.guard(() =>
      this.db
        .prepare('INSERT INTO program_clock (id, offset_ms) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET offset_ms = max(offset_ms, excluded.offset_ms)')
        .run(Math.round(ms)),
    );
  }


  recordTrainingAttempt(record: AttemptRecord, drill: readonly DrillCard[] = []): void {
    this.guard(() => {
      checkDrill(drill);
      this.checkpoint('training:before');
      this.db
        .transaction(() => {
          // the drill moves only with a new attempt: saving one twice reviews nothing twice
          if (recordAttemptInTransaction(this.db, record, this.checkpoint)) saveDrillInTransaction(this.db, drill);
        })
        .immediate();
      this.checkpoint('training:after');
    });
  }

  drillCards(trainee: string): DrillCard[] {
    return this.guard(() => listDrillCards(this.db, trainee));
  }

  listTrainingAttempts(filter: TrainingAttemptFilter = {}): AttemptRecord[] {
    return this.guard(() => listAttempts(this.db, filter));
  }

  /** How much of the file this connection may keep in memory (KiB): bench rows 4 and 13 report it. */
  pageCacheKiB(): number {
    return this.guard(() => pageCacheKiB(this.db));
  }

  close(): void {
    // Stryker disable next-line ConditionalExpression: equivalent when made true, because better-sqlite3 closes a closed connection without error
    if (this.db.open) this.db.close();
  }


  /** Reports failures of the file itself (locked, read-only, disk full) as StoreErrors naming the path. */
  protected guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw toStoreError(error, this.path);
    }
  }
}
