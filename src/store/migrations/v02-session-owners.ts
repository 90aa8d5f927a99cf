import type { Migration } from './migration.js';

export const v02SessionOwners: Migration = {
  version: 2,
  name: 'session owners (host, pid) for recovery across processes; one receipt per session',
  sql: `
    ALTER TABLE cash_sessions ADD COLUMN owner_host TEXT;
    ALTER TABLE cash_sessions ADD COLUMN owner_pid INTEGER CHECK (owner_pid IS NULL OR owner_pid > 0);
    -- NULL only for receipts written before version 2
    ALTER TABLE receipts ADD COLUMN session_id TEXT REFERENCES cash_sessions (id);
    CREATE UNIQUE INDEX receipts_one_per_session ON receipts (session_id) WHERE session_id IS NOT NULL;
    CREATE INDEX cash_journal_by_time ON cash_journal (at, id);
  `,
};
