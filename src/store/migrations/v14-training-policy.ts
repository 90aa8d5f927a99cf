import type { Migration } from './migration.js';

export const v14TrainingPolicy: Migration = {
  version: 14,
  name: 'training attempts (issue 18): the exercise policy at the time (which attempt counts, attempts allowed) and the answers given',
  sql: `
    -- NULL in records made before: the defaults (the best attempt counts, no limit, no answers kept)
    ALTER TABLE training_attempts ADD COLUMN score_counts TEXT CHECK (score_counts IS NULL OR score_counts IN ('first', 'best', 'last'));
    ALTER TABLE training_attempts ADD COLUMN attempts_allowed INTEGER CHECK (attempts_allowed IS NULL OR attempts_allowed >= 1);
    -- the customer's questions answered, as JSON [{question, ask, options, chosen, right, atMs}]: read whole, never queried
    ALTER TABLE training_attempts ADD COLUMN answers TEXT CHECK (answers IS NULL OR json_valid(answers));
  `,
};
