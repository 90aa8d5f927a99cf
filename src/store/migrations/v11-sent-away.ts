import type { Migration } from './migration.js';

export const v11SentAway: Migration = {
  version: 11,
  name: "customers sent away from a till for the payment code (they had only the site's order id)",
  sql: `
    -- R-CASH-1: one row per customer the trainee sent back for the code; the shift's reports count them
    CREATE TABLE till_sent_away (
      id INTEGER PRIMARY KEY,
      register_id TEXT NOT NULL,
      shift INTEGER NOT NULL,
      at INTEGER NOT NULL,
      FOREIGN KEY (register_id, shift) REFERENCES till_shifts (register_id, number)
    ) STRICT;
  `,
};
