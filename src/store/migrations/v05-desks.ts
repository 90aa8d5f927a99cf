import { money, type Migration } from './migration.js';

export const v05Desks: Migration = {
  version: 5,
  name: "desks (cashier, Post): fiscal receipts and each register's counters; an order's credit may come from a desk",
  sql: `
    -- one row per register: its counters after its last receipt (the FD number is never reused)
    CREATE TABLE desk_registers (
      register_id TEXT PRIMARY KEY,
      shift INTEGER NOT NULL CHECK (shift >= 1),
      in_shift INTEGER NOT NULL CHECK (in_shift >= 1),
      fd INTEGER NOT NULL CHECK (fd >= 1)
    ) STRICT;

    CREATE TABLE desk_receipts (
      number TEXT PRIMARY KEY,
      place TEXT NOT NULL CHECK (place IN ('cashier', 'post')),
      register_id TEXT NOT NULL REFERENCES desk_registers (register_id),
      shift INTEGER NOT NULL,
      in_shift INTEGER NOT NULL,
      fd INTEGER NOT NULL,
      fp TEXT NOT NULL,
      at INTEGER NOT NULL,
      code TEXT NOT NULL REFERENCES orders (code),
      ${money('total')},
      ${money('received')},
      ${money('change')},
      order_status TEXT NOT NULL CHECK (order_status IN ('awaiting', 'partially_paid', 'paid')),
      ${money('owed')},
      qr TEXT NOT NULL,
      UNIQUE (register_id, fd)
    ) STRICT;

    -- a credit's receipt is a terminal's or a desk's: the reference is checked by the code that
    -- writes both in one transaction (SQLite cannot point one column at either of two tables)
    CREATE TABLE order_credits_v5 (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL REFERENCES orders (code),
      receipt TEXT NOT NULL,
      ${money('amount')},
      accepted_at INTEGER NOT NULL,
      settles_at INTEGER NOT NULL CHECK (settles_at >= accepted_at)
    ) STRICT;
    INSERT INTO order_credits_v5 (id, code, receipt, amount, accepted_at, settles_at)
      SELECT id, code, receipt, amount, accepted_at, settles_at FROM order_credits ORDER BY id;
    DROP TABLE order_credits;
    ALTER TABLE order_credits_v5 RENAME TO order_credits;
    CREATE INDEX order_credits_by_code ON order_credits (code, id);
  `,
};
