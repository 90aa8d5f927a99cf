/** Training attempts in the registry (issue 15, 20): a class's attempts from every machine, one report. */
import type { AttemptRecord, CheckpointResult } from '../../domain/training/attempt.js';
import type { DrillCard, DrillMemory } from '../../domain/training/drill.js';
import { checkAttemptRecord } from '../../domain/training/attemptCheck.js';
import type { Checkpoint, TrainingAttemptFilter } from '../../domain/store.js';
import { toAttempt, toCheckpoint, type AttemptRow, type CheckpointRow } from '../trainingRows.js';
import type { Sql } from './pgRows.js';

/**
 * Inside the caller's transaction: the attempt and every checkpoint, or nothing. The first save of an
 * id wins, in one statement (ON CONFLICT DO NOTHING), so two machines saving one attempt keep one.
 */
export async function recordAttempt(sql: Sql, record: AttemptRecord, checkpoint: Checkpoint, drill: readonly DrillCard[] = []): Promise<void> {
  checkAttemptRecord(record);
  const { rowCount } = await sql.query(
    `INSERT INTO training_attempts (id, trainee, exercise_id, exercise_title_ru, exercise_title_en, lang, started_at, duration_ms, status,
       score, max_score, pass_score, exam, tape, score_counts, attempts_allowed, answers, seed)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) ON CONFLICT (id) DO NOTHING`,
    [record.id, record.trainee, record.exerciseId, record.exerciseTitle.ru, record.exerciseTitle.en, record.lang, record.startedAt,
      record.durationMs, record.status, record.score, record.maxScore, record.passScore ?? null, record.exam ? 1 : 0, record.tape,
      record.scoreCounts ?? null, record.attemptsAllowed ?? null, record.answers ? JSON.stringify(record.answers) : null, record.seed ?? null],
  );
  // the drill moves only with a new attempt: saving one twice reviews nothing twice
  if (rowCount !== 1) return;
  for (const card of drill) {
    await sql.query(
      `INSERT INTO training_drill (trainee, rule, due, memory, last_attempt_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (trainee, rule) DO UPDATE SET due = EXCLUDED.due, memory = EXCLUDED.memory, last_attempt_id = EXCLUDED.last_attempt_id`,
      [card.trainee, card.rule, card.due, JSON.stringify(card.memory), card.lastAttemptId],
    );
  }
  checkpoint('training:during');
  for (const [position, c] of record.checkpoints.entries()) {
    await sql.query(
      `INSERT INTO training_checkpoints (attempt_id, position, id, rule, title_ru, title_en, points, earned, passed, at_ms,
         source_ru, source_en, right_action_ru, right_action_en)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [record.id, position, c.id, c.rule, c.title.ru, c.title.en, c.points, c.earned, c.passed ? 1 : 0, c.atMs,
        c.source?.ru ?? null, c.source?.en ?? null, c.rightAction?.ru ?? null, c.rightAction?.en ?? null],
    );
  }
}

export async function listAttempts(sql: Sql, filter: TrainingAttemptFilter = {}): Promise<AttemptRecord[]> {
  const params = [filter.trainee ?? null, filter.since ?? null];
  const where = '($1::text IS NULL OR a.trainee = $1) AND ($2::bigint IS NULL OR a.started_at >= $2)';
  const attempts = await sql.query<AttemptRow>(`SELECT a.* FROM training_attempts a WHERE ${where} ORDER BY a.started_at, a.id`, params);
  const byAttempt = new Map<string, CheckpointResult[]>(attempts.rows.map((a) => [a.id, []]));
  const checkpoints = await sql.query<CheckpointRow>(
    `SELECT c.* FROM training_checkpoints c JOIN training_attempts a ON a.id = c.attempt_id WHERE ${where} ORDER BY c.attempt_id, c.position`,
    params,
  );
  for (const row of checkpoints.rows) byAttempt.get(row.attempt_id)?.push(toCheckpoint(row));
  return attempts.rows.map((row) => toAttempt(row, byAttempt.get(row.id)!));
}

export async function listDrillCards(sql: Sql, trainee: string): Promise<DrillCard[]> {
  const found = await sql.query<{ trainee: string; rule: string; due: number; memory: string; last_attempt_id: string }>(
    'SELECT * FROM training_drill WHERE trainee = $1 ORDER BY rule COLLATE "C"',
    [trainee],
  );
  return found.rows.map((row) => ({ trainee: row.trainee, rule: row.rule, due: row.due, memory: JSON.parse(row.memory) as DrillMemory, lastAttemptId: row.last_attempt_id }));
}
