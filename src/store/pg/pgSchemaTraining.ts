/** The registry's training tables (pgMigrations.ts): the attempts with their checkpoints, then issue 18's policy and drill. */

/** migration 2 */
export const TRAINING_ATTEMPTS_SQL = `
      CREATE TABLE training_attempts (
        id TEXT PRIMARY KEY CHECK (id <> ''),
        trainee TEXT NOT NULL CHECK (trim(trainee) <> ''),
        exercise_id TEXT NOT NULL,
        exercise_title_ru TEXT NOT NULL,
        exercise_title_en TEXT NOT NULL,
        lang TEXT NOT NULL CHECK (lang IN ('ru', 'en')),
        started_at BIGINT NOT NULL,
        duration_ms BIGINT NOT NULL CHECK (duration_ms >= 0),
        status TEXT NOT NULL CHECK (status IN ('finished', 'abandoned')),
        score INTEGER NOT NULL CHECK (score >= 0),
        max_score INTEGER NOT NULL CHECK (max_score >= score),
        pass_score INTEGER CHECK (pass_score IS NULL OR (pass_score >= 0 AND pass_score <= max_score)),
        exam INTEGER NOT NULL CHECK (exam IN (0, 1)),
        tape TEXT NOT NULL
      );
      CREATE INDEX training_attempts_by_trainee ON training_attempts (trainee, started_at);
      CREATE INDEX training_attempts_by_start ON training_attempts (started_at, id);
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
        at_ms BIGINT,
        source_ru TEXT, source_en TEXT, right_action_ru TEXT, right_action_en TEXT,
        CHECK ((source_ru IS NULL) = (source_en IS NULL)),
        CHECK ((right_action_ru IS NULL) = (right_action_en IS NULL)),
        PRIMARY KEY (attempt_id, position)
      );
    `;

/** migration 7 */
export const TRAINING_POLICY_SQL = `
      -- issue 18: the policy of the time, the answers given, the seed of the variant (as SQLite's 14 and 16)
      ALTER TABLE training_attempts ADD COLUMN score_counts TEXT CHECK (score_counts IS NULL OR score_counts IN ('first', 'best', 'last'));
      ALTER TABLE training_attempts ADD COLUMN attempts_allowed INTEGER CHECK (attempts_allowed IS NULL OR attempts_allowed >= 1);
      ALTER TABLE training_attempts ADD COLUMN answers TEXT;
      ALTER TABLE training_attempts ADD COLUMN seed BIGINT CHECK (seed IS NULL OR (seed >= 0 AND seed <= 4294967295));
      -- issue 18: each trainee's missed rules on a spaced-repetition schedule (as SQLite's 15)
      CREATE TABLE training_drill (
        trainee TEXT NOT NULL CHECK (trim(trainee) <> ''),
        rule TEXT NOT NULL CHECK (trim(rule) <> ''),
        due BIGINT NOT NULL,
        memory TEXT NOT NULL,
        last_attempt_id TEXT NOT NULL REFERENCES training_attempts (id),
        PRIMARY KEY (trainee, rule)
      );
    `;
