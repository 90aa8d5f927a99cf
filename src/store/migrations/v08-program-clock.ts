import type { Migration } from './migration.js';

export const v08ProgramClock: Migration = {
  version: 8,
  name: "the program's clock: how far it runs ahead of real time (F9/F10), shared by every process on the store",
  sql: `
    CREATE TABLE program_clock (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      offset_ms INTEGER NOT NULL CHECK (offset_ms >= 0)
    ) STRICT;
  `,
};
