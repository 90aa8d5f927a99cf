import { money, type Migration } from './migration.js';

export const v07Tills: Migration = {
  version: 7,
  name: "tills (the cashier's role): shifts with their float, the drawer by denomination, the payments taken and their change",
  sql: `
    -- one row per shift of a register; at most one open at a time
    CREATE TABLE till_shifts (
      register_id TEXT NOT NULL,
      number INTEGER NOT NULL CHECK (number >= 1),
      place TEXT NOT NULL CHECK (place IN ('cashier', 'post')),
      opened_at INTEGER NOT NULL,
      closed_at INTEGER CHECK (closed_at IS NULL OR closed_at >= opened_at),
      PRIMARY KEY (register_id, number)
    ) STRICT;
    CREATE UNIQUE INDEX till_one_open_shift ON till_shifts (register_id) WHERE closed_at IS NULL;

    -- each shift's float and its drawer now, by face value (pieces, never negative)
    CREATE TABLE till_drawer (
      register_id TEXT NOT NULL,
      shift INTEGER NOT NULL,
      which TEXT NOT NULL CHECK (which IN ('float', 'now')),
      face TEXT NOT NULL CHECK (face GLOB '[0-9]*.[0-9][0-9]'),
      count INTEGER NOT NULL CHECK (count >= 0),
      PRIMARY KEY (register_id, shift, which, face),
      FOREIGN KEY (register_id, shift) REFERENCES till_shifts (register_id, number)
    ) STRICT;

    -- the payments the trainee took, with the change due and the change actually handed back
    CREATE TABLE till_payments (
      id INTEGER PRIMARY KEY,
      register_id TEXT NOT NULL,
      shift INTEGER NOT NULL,
      receipt TEXT NOT NULL UNIQUE REFERENCES desk_receipts (number),
      ${money('total')},
      ${money('received')},
      ${money('change_due')},
      ${money('change_given')},
      verdict TEXT NOT NULL CHECK (verdict IN ('exact', 'short', 'over')),
      FOREIGN KEY (register_id, shift) REFERENCES till_shifts (register_id, number)
    ) STRICT;
  `,
};
