/** Drill cards in SQLite (issue 18): one row per trainee and rule, the scheduler's memory as JSON. */
import type { Database as Connection } from 'better-sqlite3';
import { checkDrillCard, type DrillCard, type DrillMemory } from '../domain/training/drill.js';

interface DrillRow {
  trainee: string;
  rule: string;
  due: number;
  memory: string;
  last_attempt_id: string;
}

/** Inside the attempt's write transaction: each card replaces the trainee's card of its rule. */
export function saveDrillInTransaction(db: Connection, cards: readonly DrillCard[]): void {
  const upsert = db.prepare(
    `INSERT INTO training_drill (trainee, rule, due, memory, last_attempt_id) VALUES (@trainee, @rule, @due, @memory, @lastAttemptId)
     ON CONFLICT (trainee, rule) DO UPDATE SET due = excluded.due, memory = excluded.memory, last_attempt_id = excluded.last_attempt_id`,
  );
  for (const card of cards) upsert.run({ trainee: card.trainee, rule: card.rule, due: card.due, memory: JSON.stringify(card.memory), lastAttemptId: card.lastAttemptId });
}

export const checkDrill = (cards: readonly DrillCard[]): void => cards.forEach(checkDrillCard);

export function listDrillCards(db: Connection, trainee: string): DrillCard[] {
  return db
    .prepare<DrillRow>('SELECT * FROM training_drill WHERE trainee = ? ORDER BY rule')
    .all(trainee)
    .map((row) => ({ trainee: row.trainee, rule: row.rule, due: row.due, memory: JSON.parse(row.memory) as DrillMemory, lastAttemptId: row.last_attempt_id }));
}
