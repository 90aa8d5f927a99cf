import type { Migration } from './migration.js';

export const v16TrainingSeed: Migration = {
  version: 16,
  name: 'training_attempts.seed: the seed an attempt drew its numbers from (issue 18), to play it again with --seed',
  sql: `
    -- NULL: the exercise's own numbers (fixed, or a tape that named no seed); kept as 32 bits
    ALTER TABLE training_attempts ADD COLUMN seed INTEGER CHECK (seed IS NULL OR (seed >= 0 AND seed <= 4294967295));
  `,
};
