/** Training attempts in SQLite (issue 15): one row per attempt, one per checkpoint, written together. */
import type { Database as Connection } from 'better-sqlite3';
import type { AnswerRecord, AttemptRecord, CheckpointResult, ScoreCounts } from '../domain/training/attempt.js';
import { checkAttemptRecord } from '../domain/training/attemptCheck.js';
import type { Checkpoint, TrainingAttemptFilter } from '../domain/store.js';

export interface AttemptRow {
  id: string;
  trainee: string;
  exercise_id: string;
  exercise_title_ru: string;
  exercise_title_en: string;
  lang: AttemptRecord['lang'];
  started_at: number;
  duration_ms: number;
  status: AttemptRecord['status'];
  score: number;
  max_score: number;
  pass_score: number | null;
  exam: 0 | 1;
  seed: number | null;
  tape: string;
  score_counts: ScoreCounts | null;
  attempts_allowed: number | null;
  answers: string | null;
}

export interface CheckpointRow {
  attempt_id: string;
  position: number;
  id: string;
  rule: string;
  title_ru: string;
  title_en: string;
  points: number;
  earned: number;
  passed: 0 | 1;
  at_ms: number | null;
  source_ru: string | null;
  source_en: string | null;
  right_action_ru: string | null;
  right_action_en: string | null;
}

const bilingual = (ru: string | null, en: string | null) => (ru === null || en === null ? undefined : { ru, en });

export function toCheckpoint(row: CheckpointRow): CheckpointResult {
  const source = bilingual(row.source_ru, row.source_en);
  const rightAction = bilingual(row.right_action_ru, row.right_action_en);
  return {
    id: row.id, rule: row.rule, title: { ru: row.title_ru, en: row.title_en }, points: row.points, earned: row.earned,
    passed: row.passed === 1, atMs: row.at_ms, ...(source ? { source } : {}), ...(rightAction ? { rightAction } : {}),
  };
}

export function toAttempt(row: AttemptRow, checkpoints: CheckpointResult[]): AttemptRecord {
  return {
    id: row.id, trainee: row.trainee, exerciseId: row.exercise_id, exerciseTitle: { ru: row.exercise_title_ru, en: row.exercise_title_en },
    lang: row.lang, startedAt: row.started_at, durationMs: row.duration_ms, status: row.status, score: row.score, maxScore: row.max_score,
    ...(row.pass_score !== null ? { passScore: row.pass_score } : {}),
    exam: row.exam === 1, ...(row.seed !== null ? { seed: row.seed } : {}), checkpoints, tape: row.tape,
    ...(row.answers !== null ? { answers: JSON.parse(row.answers) as AnswerRecord[] } : {}),
    ...(row.score_counts !== null ? { scoreCounts: row.score_counts } : {}),
    ...(row.attempts_allowed !== null ? { attemptsAllowed: row.attempts_allowed } : {}),
  };
}

/**
 * Inside a write transaction: the attempt and every checkpoint, or nothing. An id kept before is left
 * as it was (the first save wins: an attempt saved abandoned stays so). Returns whether it was new.
 */
export function recordAttemptInTransaction(db: Connection, record: AttemptRecord, checkpoint: Checkpoint): boolean {
  checkAttemptRecord(record);
  if (db.prepare('SELECT 1 FROM training_attempts WHERE id = ?').get(record.id)) return false;
  db.prepare(
    `INSERT INTO training_attempts (id, trainee, exercise_id, exercise_title_ru, exercise_title_en, lang, started_at, duration_ms, status,
       score, max_score, pass_score, exam, seed, tape, score_counts, attempts_allowed, answers)
     VALUES (@id, @trainee, @exerciseId, @titleRu, @titleEn, @lang, @startedAt, @durationMs, @status, @score, @maxScore, @passScore, @exam, @seed, @tape,
       @scoreCounts, @attemptsAllowed, @answers)`,
  ).run({
    id: record.id, trainee: record.trainee, exerciseId: record.exerciseId, titleRu: record.exerciseTitle.ru, titleEn: record.exerciseTitle.en,
    lang: record.lang, startedAt: record.startedAt, durationMs: record.durationMs, status: record.status, score: record.score,
    maxScore: record.maxScore, passScore: record.passScore ?? null, exam: record.exam ? 1 : 0, seed: record.seed ?? null, tape: record.tape,
    scoreCounts: record.scoreCounts ?? null, attemptsAllowed: record.attemptsAllowed ?? null,
    answers: record.answers ? JSON.stringify(record.answers) : null,
  });
  checkpoint('training:during');
  const insert = db.prepare(
    `INSERT INTO training_checkpoints (attempt_id, position, id, rule, title_ru, title_en, points, earned, passed, at_ms,
       source_ru, source_en, right_action_ru, right_action_en)
     VALUES (@attemptId, @position, @id, @rule, @titleRu, @titleEn, @points, @earned, @passed, @atMs, @sourceRu, @sourceEn, @rightRu, @rightEn)`,
  );
  record.checkpoints.forEach((c, position) =>
    insert.run({
      attemptId: record.id, position, id: c.id, rule: c.rule, titleRu: c.title.ru, titleEn: c.title.en, points: c.points, earned: c.earned,
      passed: c.passed ? 1 : 0, atMs: c.atMs, sourceRu: c.source?.ru ?? null, sourceEn: c.source?.en ?? null,
      rightRu: c.rightAction?.ru ?? null, rightEn: c.rightAction?.en ?? null,
    }),
  );
  return true;
}

export function listAttempts(db: Connection, filter: TrainingAttemptFilter = {}): AttemptRecord[] {
  // the same filter for both queries: the checkpoints read are those of the attempts listed
  const params = { trainee: filter.trainee ?? null, since: filter.since ?? null };
  const attempts = db
    .prepare<AttemptRow>(
      `SELECT * FROM training_attempts
       WHERE (@trainee IS NULL OR trainee = @trainee) AND (@since IS NULL OR started_at >= @since)
       ORDER BY started_at, id`,
    )
    .all(params);
  const byAttempt = new Map<string, CheckpointResult[]>(attempts.map((a) => [a.id, []]));
  const checkpoints = db
    .prepare<CheckpointRow>(
      `SELECT c.* FROM training_checkpoints c JOIN training_attempts a ON a.id = c.attempt_id
       WHERE (@trainee IS NULL OR a.trainee = @trainee) AND (@since IS NULL OR a.started_at >= @since)
       ORDER BY c.attempt_id, c.position`,
    )
    .all(params);
  for (const row of checkpoints) byAttempt.get(row.attempt_id)?.push(toCheckpoint(row));
  return attempts.map((row) => toAttempt(row, byAttempt.get(row.id)!));
}
