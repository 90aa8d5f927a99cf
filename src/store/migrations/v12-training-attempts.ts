import type { Migration } from './migration.js';

export const v12TrainingAttempts: Migration = {
  version: 12,
  name: 'training attempts (issue 15): who, which exercise, score, time, each checkpoint, and the tape to replay',
  sql: `
    -- only the record of each attempt: the practice itself ran on a sandbox store, so no training
    -- money is in orders, receipts, the journal or encashments. Scores are whole points, never REAL.
    CREATE TABLE training_attempts (
      id TEXT PRIMARY KEY CHECK (id <> ''),
      trainee TEXT NOT NULL CHECK (trim(trainee) <> ''),
      exercise_id TEXT NOT NULL,
      exercise_title_ru TEXT NOT NULL,
      exercise_title_en TEXT NOT NULL,
      lang TEXT NOT NULL CHECK (lang IN ('ru', 'en')),
      started_at INTEGER NOT NULL,
      duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
      status TEXT NOT NULL CHECK (status IN ('finished', 'abandoned')),
      score INTEGER NOT NULL CHECK (score >= 0),
      max_score INTEGER NOT NULL CHECK (max_score >= score),
      pass_score INTEGER CHECK (pass_score IS NULL OR (pass_score >= 0 AND pass_score <= max_score)),
      exam INTEGER NOT NULL CHECK (exam IN (0, 1)),
      tape TEXT NOT NULL
    ) STRICT;
    CREATE INDEX training_attempts_by_trainee ON training_attempts (trainee, started_at);
    CREATE INDEX training_attempts_by_start ON training_attempts (started_at, id);

    -- each checkpoint of an attempt, in the attempt's order (position)
    CREATE TABLE training_checkpoints (
      attempt_id TEXT NOT NULL REFERENCES training_attempts (id),
      position INTEGER NOT NULL CHECK (position >= 0),
      id TEXT NOT NULL,
      rule TEXT NOT NULL,
      title_ru TEXT NOT NULL,
      title_en TEXT NOT NULL,
      points INTEGER NOT NULL CHECK (points >= 0),
      earned INTEGER NOT NULL CHECK (earned >= 0 AND earned <= points),
      passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
      at_ms INTEGER,
      source_ru TEXT,
      source_en TEXT,
      right_action_ru TEXT,
      right_action_en TEXT,
      CHECK ((source_ru IS NULL) = (source_en IS NULL)),
      CHECK ((right_action_ru IS NULL) = (right_action_en IS NULL)),
      PRIMARY KEY (attempt_id, position)
    ) STRICT;
  `,
};
