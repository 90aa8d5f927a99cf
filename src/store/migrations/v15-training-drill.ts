import type { Migration } from './migration.js';

export const v15TrainingDrill: Migration = {
  version: 15,
  name: "training_drill (issue 18): each trainee's missed rules on a spaced-repetition schedule (FSRS)",
  sql: `
    -- one card per trainee and rule; memory is the scheduler's state (stability, difficulty, …) as JSON,
    -- due is program-clock epoch ms. Written in the transaction of the attempt that reviewed it.
    CREATE TABLE training_drill (
      trainee TEXT NOT NULL CHECK (trim(trainee) <> ''),
      rule TEXT NOT NULL CHECK (trim(rule) <> ''),
      due INTEGER NOT NULL,
      memory TEXT NOT NULL CHECK (json_valid(memory)),
      last_attempt_id TEXT NOT NULL REFERENCES training_attempts (id),
      PRIMARY KEY (trainee, rule)
    ) STRICT;
  `,
};
