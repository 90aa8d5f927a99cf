import { money, operator, type Migration } from './migration.js';

export const v01Orders: Migration = {
  version: 1,
  name: 'orders, phone accounts, cash sessions, journal and receipts',
  sql: `
    CREATE TABLE orders (
      code TEXT PRIMARY KEY,
      ${money('code_amount')},
      ${money('price')},
      phone TEXT NOT NULL,
      issued_at INTEGER NOT NULL,
      region TEXT NOT NULL,
      channel TEXT NOT NULL CHECK (channel IN ('pc', 'app')),
      status TEXT NOT NULL CHECK (status IN ('awaiting', 'partially_paid', 'paid')),
      ${money('paid')},
      ${money('owed')}
    ) STRICT;

    CREATE TABLE phone_accounts (
      phone TEXT PRIMARY KEY,
      operator TEXT CHECK (operator IS NULL OR ${operator('operator')}),
      ${money('balance')}
    ) STRICT;

    CREATE TABLE ledger (
      id INTEGER PRIMARY KEY,
      phone TEXT NOT NULL REFERENCES phone_accounts (phone),
      at INTEGER NOT NULL,
      ${money('amount')},
      reason TEXT NOT NULL
    ) STRICT;
    CREATE INDEX ledger_by_phone ON ledger (phone, id);

    CREATE TABLE cash_sessions (
      id TEXT PRIMARY KEY,
      terminal_id TEXT NOT NULL,
      code TEXT NOT NULL,
      ${money('due')},
      phone TEXT NOT NULL,
      operator TEXT NOT NULL CHECK (${operator('operator')}),
      opened_at INTEGER NOT NULL,
      state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'paid', 'abandoned'))
    ) STRICT;
    CREATE INDEX cash_sessions_by_state ON cash_sessions (state, terminal_id);

    -- one row per accepted banknote, written before the screen shows it
    CREATE TABLE cash_journal (
      id INTEGER PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES cash_sessions (id),
      note INTEGER NOT NULL CHECK (note > 0),
      at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX cash_journal_by_session ON cash_journal (session_id, id);

    -- seq numbers receipts per terminal; number is "<terminal>-<seq, 6 digits>"
    CREATE TABLE receipts (
      number TEXT PRIMARY KEY,
      terminal_id TEXT NOT NULL,
      seq INTEGER NOT NULL CHECK (seq > 0),
      at INTEGER NOT NULL,
      code TEXT NOT NULL,
      ${money('due')},
      ${money('accepted')},
      ${money('to_order')},
      ${money('to_phone')},
      phone TEXT NOT NULL,
      operator TEXT NOT NULL CHECK (${operator('operator')}),
      order_status TEXT NOT NULL CHECK (order_status IN ('awaiting', 'partially_paid', 'paid')),
      ${money('owed')},
      recovered INTEGER NOT NULL CHECK (recovered IN (0, 1)),
      text TEXT,
      UNIQUE (terminal_id, seq)
    ) STRICT;

    CREATE TABLE sms (
      id INTEGER PRIMARY KEY,
      phone TEXT NOT NULL,
      at INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('topup')),
      ${money('amount')},
      receipt TEXT NOT NULL REFERENCES receipts (number)
    ) STRICT;
    CREATE INDEX sms_by_phone ON sms (phone, id);
  `,
};
