/** Pieces of the registry's schema shared by its migrations (pgMigrations.ts), and the later migrations' SQL. */

/** money is text with two decimals, as in SQLite (decimal.js on the way in and out) */
export const MONEY = (column: string) => `${column} TEXT NOT NULL CHECK (${column} ~ '^-?[0-9]+\\.[0-9]{2}$')`;
export const OPERATOR = `CHECK (operator IN ('mts', 'megafon', 'beeline', 'tele2'))`;

/** migration 8 */
export const MOBILE_PAYMENTS_SQL = `
      -- issue 13 in the registry: mobile payments, their events and refunds due (as SQLite's 6 and 7)
      CREATE TABLE mobile_payments (
        seq BIGINT PRIMARY KEY CHECK (seq > 0),
        id TEXT NOT NULL UNIQUE,
        phone TEXT NOT NULL,
        operator TEXT NOT NULL ${OPERATOR},
        code TEXT NOT NULL REFERENCES orders (code),
        ${MONEY('amount')}, ${MONEY('commission')}, ${MONEY('total')},
        requested_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('awaiting', 'confirmed', 'cancelled', 'expired', 'refused')),
        answered_at BIGINT,
        settles_at BIGINT,
        reason TEXT,
        CHECK ((state = 'awaiting') = (answered_at IS NULL)),
        CHECK ((state = 'confirmed') = (settles_at IS NOT NULL))
      );
      CREATE INDEX mobile_payments_by_phone ON mobile_payments (phone, seq);
      CREATE INDEX mobile_payments_awaiting ON mobile_payments (state, expires_at);
      CREATE TABLE mobile_events (
        id BIGSERIAL PRIMARY KEY,
        payment TEXT NOT NULL REFERENCES mobile_payments (id),
        at BIGINT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('requested', 'smsSent', 'refused', 'confirmed', 'debited', 'commission', 'cancelled', 'expired',
          'refundDue', 'refunded')),
        why TEXT NOT NULL,
        amount TEXT CHECK (amount IS NULL OR amount ~ '^[0-9]+\\.[0-9]{2}$')
      );
      CREATE INDEX mobile_events_by_payment ON mobile_events (payment, id);
      -- R-MOB-8: a refund of a mobile payment, due back to the paying balance after working days
      CREATE TABLE mobile_refunds (
        id BIGSERIAL PRIMARY KEY,
        payment TEXT NOT NULL REFERENCES mobile_payments (id),
        phone TEXT NOT NULL,
        code TEXT NOT NULL,
        ${MONEY('amount')},
        at BIGINT NOT NULL,
        due_at BIGINT NOT NULL CHECK (due_at >= at),
        why TEXT NOT NULL,
        landed INTEGER NOT NULL DEFAULT 0 CHECK (landed IN (0, 1))
      );
      CREATE INDEX mobile_refunds_due ON mobile_refunds (landed, due_at);
      -- the transaction numbers M-000001…: drawn from one row, so two requests at once wait for each other
      CREATE TABLE mobile_counter (id INTEGER PRIMARY KEY CHECK (id = 1), seq BIGINT NOT NULL CHECK (seq > 0));
      -- as SQLite's triggers: a balance never goes below zero, whoever writes it
      ALTER TABLE phone_accounts ADD CONSTRAINT "a phone balance never goes below zero" CHECK (balance !~ '^-');
    `;

/**
 * Migration 9 (issue 20): the payments terminals forwarded from their own journal's outbox, keyed by
 * (terminal id, sequence number) as a processing centre keys a terminal's transactions: a payment
 * sent twice (the terminal killed before it heard the answer) is stored once.
 */
export const FORWARDED_PAYMENTS_SQL = `
  CREATE TABLE forwarded_payments (
    terminal_id TEXT NOT NULL,
    seq INTEGER NOT NULL CHECK (seq > 0),
    session_id TEXT NOT NULL UNIQUE REFERENCES cash_sessions (id),
    receipt TEXT NOT NULL REFERENCES receipts (number),
    forwarded_at BIGINT NOT NULL,
    PRIMARY KEY (terminal_id, seq)
  );
`;
