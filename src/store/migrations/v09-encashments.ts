import type { Migration } from './migration.js';

export const v09Encashments: Migration = {
  version: 9,
  name: 'encashments: each cassette taken out of a terminal, with the journal rows it held',
  sql: `
    -- R-TERM-4 (service mode): a cassette holds the notes journaled on its terminal after the
    -- previous encashment's last_journal_id, up to its own; counts are kept as printed
    CREATE TABLE encashments (
      id INTEGER PRIMARY KEY,
      terminal_id TEXT NOT NULL,
      number INTEGER NOT NULL CHECK (number > 0),
      cassette_id TEXT NOT NULL,
      since INTEGER,
      at INTEGER NOT NULL,
      last_journal_id INTEGER NOT NULL,
      notes TEXT NOT NULL,
      count INTEGER NOT NULL CHECK (count >= 0),
      total TEXT NOT NULL,
      UNIQUE (terminal_id, number)
    ) STRICT;
    CREATE INDEX cash_sessions_by_terminal ON cash_sessions (terminal_id, id);
  `,
};
