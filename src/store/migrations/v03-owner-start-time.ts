import type { Migration } from './migration.js';

export const v03OwnerStartTime: Migration = {
  version: 3,
  name: "the session owner's process start time, so that a reused pid is not taken for the owner",
  sql: `ALTER TABLE cash_sessions ADD COLUMN owner_started TEXT;`,
};
