import type { Migration } from './migration.js';

export const v13HeldNotes: Migration = {
  version: 13,
  name: "cash_journal.kind: a note the jammed bill acceptor holds is journaled as 'held', counted once service clears the jam",
  sql: `
    -- issue 14 (the jam): 'held' rows are in no payment and no cassette until "Clear jam" makes them 'accepted'
    ALTER TABLE cash_journal ADD COLUMN kind TEXT NOT NULL DEFAULT 'accepted' CHECK (kind IN ('accepted', 'held'));
  `,
};
