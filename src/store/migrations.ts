/**
 * The schema, as numbered migrations; the version applied is `PRAGMA user_version`. Migrations
 * are append-only: never edit one that has shipped, add the next number instead.
 */
import type { Database } from 'better-sqlite3';
import { StoreError } from './errors.js';

export { StoreError, type StoreErrorCode } from './errors.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Money is TEXT in the canonical form ("4750.00", "-12.50"), never REAL: binary floats lose kopecks. */
const money = (column: string) => {
  const digits = `ltrim(${column}, '-')`;
  return `${column} TEXT NOT NULL CHECK (${digits} GLOB '[0-9]*.[0-9][0-9]' AND ${digits} NOT GLOB '*[^0-9.]*'
    AND ${column} NOT GLOB '--*' AND length(${column}) - length(replace(${column}, '.', '')) = 1)`;
};
const operator = (column: string) => `${column} IN ('mts', 'megafon', 'beeline', 'tele2')`;

export const MIGRATIONS: readonly Migration[] = [
  {
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
  },
  {
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
  },
  {
    version: 3,
    name: "the session owner's process start time, so that a reused pid is not taken for the owner",
    sql: `ALTER TABLE cash_sessions ADD COLUMN owner_started TEXT;`,
  },
  {
    version: 4,
    name: "the order's life: stage, refunds, history, settlements, renewals; SMS with a sender and a kind",
    sql: `
      ALTER TABLE orders ADD COLUMN stage TEXT NOT NULL DEFAULT 'placed'
        CHECK (stage IN ('placed', 'shipped', 'delivered', 'released', 'cancelled', 'disputed', 'refunded'));
      ALTER TABLE orders ADD COLUMN refunded TEXT NOT NULL DEFAULT '0.00' CHECK (refunded GLOB '[0-9]*.[0-9][0-9]');
      ALTER TABLE orders ADD COLUMN renewed_from TEXT;
      ALTER TABLE orders ADD COLUMN renewed_as TEXT;
      ALTER TABLE orders ADD COLUMN site_order_id TEXT;

      -- every change of an order, oldest first (id order)
      CREATE TABLE order_events (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL REFERENCES orders (code),
        at INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('issued', 'paid', 'repriced', 'cancelled', 'shipped', 'delivered', 'released',
          'disputed', 'refunded', 'reshipment', 'renewed', 'renewedFrom')),
        why TEXT NOT NULL DEFAULT '',
        amount TEXT CHECK (amount IS NULL OR amount GLOB '[0-9]*.[0-9][0-9]'),
        ref TEXT
      ) STRICT;
      CREATE INDEX order_events_by_code ON order_events (code, id);

      -- R-CODE-6: cash accepted at a terminal, processing until settles_at
      CREATE TABLE order_credits (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL REFERENCES orders (code),
        receipt TEXT NOT NULL REFERENCES receipts (number),
        ${money('amount')},
        accepted_at INTEGER NOT NULL,
        settles_at INTEGER NOT NULL CHECK (settles_at >= accepted_at)
      ) STRICT;
      CREATE INDEX order_credits_by_code ON order_credits (code, id);

      -- what the earlier schema knew, as history: the issue of each code, and each payment, which
      -- that version counted as settled when it was accepted
      INSERT INTO order_events (code, at, kind, amount) SELECT code, issued_at, 'issued', code_amount FROM orders ORDER BY rowid;
      INSERT INTO order_events (code, at, kind, amount, ref)
        SELECT code, at, 'paid', to_order, number FROM receipts WHERE to_order <> '0.00' ORDER BY at, rowid;
      INSERT INTO order_credits (code, receipt, amount, accepted_at, settles_at)
        SELECT code, number, to_order, at, at FROM receipts WHERE to_order <> '0.00' ORDER BY at, rowid;

      -- SMS: a sender, more kinds, and a receipt only for change credited by a terminal
      CREATE TABLE sms_v4 (
        id INTEGER PRIMARY KEY,
        phone TEXT NOT NULL,
        at INTEGER NOT NULL,
        sender TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('code', 'topup', 'refund', 'cancellation')),
        ${money('amount')},
        receipt TEXT REFERENCES receipts (number),
        code TEXT,
        CHECK ((kind = 'topup') = (receipt IS NOT NULL)),
        CHECK ((kind = 'topup') = (code IS NULL))
      ) STRICT;
      INSERT INTO sms_v4 (id, phone, at, sender, kind, amount, receipt)
        SELECT s.id, s.phone, s.at,
          CASE r.operator WHEN 'mts' THEN 'MTS' WHEN 'megafon' THEN 'MegaFon' WHEN 'beeline' THEN 'Beeline' ELSE 'Tele2' END,
          s.kind, s.amount, s.receipt
        FROM sms s JOIN receipts r ON r.number = s.receipt ORDER BY s.id;
      DROP TABLE sms;
      ALTER TABLE sms_v4 RENAME TO sms;
      CREATE INDEX sms_by_phone ON sms (phone, id);
    `,
  },
  {
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
  },
  {
    version: 6,
    name: 'mobile payments (issue 13): phone settings, payments and their events, mobile SMS, credits by transaction, no negative balance',
    sql: `
      CREATE TABLE phone_settings (
        phone TEXT PRIMARY KEY,
        tariff TEXT NOT NULL CHECK (tariff IN ('standard', 'corporate', 'forbidden')),
        new_subscriber INTEGER NOT NULL CHECK (new_subscriber IN (0, 1)),
        outage INTEGER NOT NULL CHECK (outage IN (0, 1))
      ) STRICT;

      -- seq numbers the transactions (id = "M-<seq, 6 digits>")
      CREATE TABLE mobile_payments (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        phone TEXT NOT NULL,
        operator TEXT NOT NULL CHECK (${operator('operator')}),
        code TEXT NOT NULL REFERENCES orders (code),
        ${money('amount')},
        ${money('commission')},
        ${money('total')},
        requested_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('awaiting', 'confirmed', 'cancelled', 'expired', 'refused')),
        answered_at INTEGER,
        settles_at INTEGER,
        reason TEXT,
        CHECK ((state = 'awaiting') = (answered_at IS NULL)),
        CHECK ((state = 'confirmed') = (settles_at IS NOT NULL))
      ) STRICT;
      CREATE INDEX mobile_payments_by_phone ON mobile_payments (phone, seq);
      CREATE INDEX mobile_payments_awaiting ON mobile_payments (state, expires_at);

      CREATE TABLE mobile_events (
        id INTEGER PRIMARY KEY,
        payment TEXT NOT NULL REFERENCES mobile_payments (id),
        at INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('requested', 'smsSent', 'refused', 'confirmed', 'debited', 'commission', 'cancelled', 'expired',
          'refundDue', 'refunded')),
        why TEXT NOT NULL,
        amount TEXT CHECK (amount IS NULL OR amount GLOB '[0-9]*.[0-9][0-9]')
      ) STRICT;
      CREATE INDEX mobile_events_by_payment ON mobile_events (payment, id);

      -- R-MOB-8: a refund of a mobile payment, due back to the paying balance after working days
      CREATE TABLE mobile_refunds (
        id INTEGER PRIMARY KEY,
        payment TEXT NOT NULL REFERENCES mobile_payments (id),
        phone TEXT NOT NULL,
        code TEXT NOT NULL,
        ${money('amount')},
        at INTEGER NOT NULL,
        due_at INTEGER NOT NULL CHECK (due_at >= at),
        why TEXT NOT NULL,
        landed INTEGER NOT NULL DEFAULT 0 CHECK (landed IN (0, 1))
      ) STRICT;
      CREATE INDEX mobile_refunds_due ON mobile_refunds (landed, due_at);

      -- SMS of mobile payments: the transaction (ref) and the refusal (detail)
      CREATE TABLE sms_v6 (
        id INTEGER PRIMARY KEY,
        phone TEXT NOT NULL,
        at INTEGER NOT NULL,
        sender TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('code', 'topup', 'refund', 'cancellation',
          'mobileRequest', 'mobilePaid', 'mobileCancelled', 'mobileExpired', 'mobileRefused', 'mobileRefund')),
        ${money('amount')},
        receipt TEXT REFERENCES receipts (number),
        code TEXT,
        ref TEXT,
        detail TEXT,
        CHECK ((kind = 'topup') = (receipt IS NOT NULL)),
        CHECK ((kind = 'topup') = (code IS NULL)),
        CHECK ((kind GLOB 'mobile*') = (ref IS NOT NULL))
      ) STRICT;
      INSERT INTO sms_v6 (id, phone, at, sender, kind, amount, receipt, code)
        SELECT id, phone, at, sender, kind, amount, receipt, code FROM sms ORDER BY id;
      DROP TABLE sms;
      ALTER TABLE sms_v6 RENAME TO sms;
      CREATE INDEX sms_by_phone ON sms (phone, id);

      -- a balance never goes below zero, whoever writes it
      CREATE TRIGGER phone_balance_not_negative_insert BEFORE INSERT ON phone_accounts WHEN NEW.balance GLOB '-*'
        BEGIN SELECT RAISE(ABORT, 'a phone balance never goes below zero'); END;
      CREATE TRIGGER phone_balance_not_negative_update BEFORE UPDATE OF balance ON phone_accounts WHEN NEW.balance GLOB '-*'
        BEGIN SELECT RAISE(ABORT, 'a phone balance never goes below zero'); END;
    `,
  },
  {
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
  },
  {
    version: 8,
    name: "the program's clock: how far it runs ahead of real time (F9/F10), shared by every process on the store",
    sql: `
      CREATE TABLE program_clock (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        offset_ms INTEGER NOT NULL CHECK (offset_ms >= 0)
      ) STRICT;
    `,
  },
  {
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
  },
  {
    version: 10,
    name: 'orders.top_up_phone: a phone top-up bought on the site (R-MOB-10)',
    sql: `
      -- R-MOB-10: the phone whose balance gets what this order is paid; NULL for an order of goods
      ALTER TABLE orders ADD COLUMN top_up_phone TEXT;
    `,
  },
  {
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
  },
  {
    version: 12,
    name: 'training attempts (issue 15): who, which exercise, score, time, each checkpoint, and the tape to replay',
    sql: `
      -- only the record of each attempt: the practice itself ran on a sandbox store, so no training
      -- money is in orders, receipts, the journal or encashments. Scores are whole points, never REAL.
      CREATE TABLE training_attempts (
        id TEXT PRIMARY KEY CHECK (id <> ''),
        trainee TEXT NOT NULL CHECK (trim(trainee) <> ''),
        exercise_id TEXT NOT NULL,
        exercise_title_ru TEXT NOT NULL,
        exercise_title_en TEXT NOT NULL,
        lang TEXT NOT NULL CHECK (lang IN ('ru', 'en')),
        started_at INTEGER NOT NULL,
        duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
        status TEXT NOT NULL CHECK (status IN ('finished', 'abandoned')),
        score INTEGER NOT NULL CHECK (score >= 0),
        max_score INTEGER NOT NULL CHECK (max_score >= score),
        pass_score INTEGER CHECK (pass_score IS NULL OR (pass_score >= 0 AND pass_score <= max_score)),
        exam INTEGER NOT NULL CHECK (exam IN (0, 1)),
        tape TEXT NOT NULL
      ) STRICT;
      CREATE INDEX training_attempts_by_trainee ON training_attempts (trainee, started_at);
      CREATE INDEX training_attempts_by_start ON training_attempts (started_at, id);

      -- each checkpoint of an attempt, in the attempt's order (position)
      CREATE TABLE training_checkpoints (
        attempt_id TEXT NOT NULL REFERENCES training_attempts (id),
        position INTEGER NOT NULL CHECK (position >= 0),
        id TEXT NOT NULL,
        rule TEXT NOT NULL,
        title_ru TEXT NOT NULL,
        title_en TEXT NOT NULL,
        points INTEGER NOT NULL CHECK (points >= 0),
        earned INTEGER NOT NULL CHECK (earned >= 0 AND earned <= points),
        passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
        at_ms INTEGER,
        source_ru TEXT,
        source_en TEXT,
        right_action_ru TEXT,
        right_action_en TEXT,
        CHECK ((source_ru IS NULL) = (source_en IS NULL)),
        CHECK ((right_action_ru IS NULL) = (right_action_en IS NULL)),
        PRIMARY KEY (attempt_id, position)
      ) STRICT;
    `,
  },
  {
    version: 13,
    name: "cash_journal.kind: a note the jammed bill acceptor holds is journaled as 'held', counted once service clears the jam",
    sql: `
      -- issue 14 (the jam): 'held' rows are in no payment and no cassette until "Clear jam" makes them 'accepted'
      ALTER TABLE cash_journal ADD COLUMN kind TEXT NOT NULL DEFAULT 'accepted' CHECK (kind IN ('accepted', 'held'));
    `,
  },
  {
    version: 14,
    name: 'training attempts (issue 18): the exercise policy at the time (which attempt counts, attempts allowed) and the answers given',
    sql: `
      -- NULL in records made before: the defaults (the best attempt counts, no limit, no answers kept)
      ALTER TABLE training_attempts ADD COLUMN score_counts TEXT CHECK (score_counts IS NULL OR score_counts IN ('first', 'best', 'last'));
      ALTER TABLE training_attempts ADD COLUMN attempts_allowed INTEGER CHECK (attempts_allowed IS NULL OR attempts_allowed >= 1);
      -- the customer's questions answered, as JSON [{question, ask, options, chosen, right, atMs}]: read whole, never queried
      ALTER TABLE training_attempts ADD COLUMN answers TEXT CHECK (answers IS NULL OR json_valid(answers));
    `,
  },
  {
    version: 15,
    name: "training_drill (issue 18): each trainee's missed rules on a spaced-repetition schedule (FSRS)",
    sql: `
      -- one card per trainee and rule; memory is the scheduler's state (stability, difficulty, …) as JSON,
      -- due is program-clock epoch ms. Written in the transaction of the attempt that reviewed it.
      CREATE TABLE training_drill (
        trainee TEXT NOT NULL CHECK (trim(trainee) <> ''),
        rule TEXT NOT NULL CHECK (trim(rule) <> ''),
        due INTEGER NOT NULL,
        memory TEXT NOT NULL CHECK (json_valid(memory)),
        last_attempt_id TEXT NOT NULL REFERENCES training_attempts (id),
        PRIMARY KEY (trainee, rule)
      ) STRICT;
    `,
  },
  {
    version: 16,
    name: 'training_attempts.seed: the seed an attempt drew its numbers from (issue 18), to play it again with --seed',
    sql: `
      -- NULL: the exercise's own numbers (fixed, or a tape that named no seed); kept as 32 bits
      ALTER TABLE training_attempts ADD COLUMN seed INTEGER CHECK (seed IS NULL OR (seed >= 0 AND seed <= 4294967295));
    `,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

export function schemaVersion(db: Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** Refuses a database written by a newer kiosk: we would not know what its tables mean. */
export function assertKnownSchema(version: number, path: string): void {
  if (version > LATEST_SCHEMA_VERSION) {
    throw new StoreError(
      'newer-schema',
      path,
      `${path} has schema version ${version}, but this kiosk knows only up to version ${LATEST_SCHEMA_VERSION}; ` +
        'upgrade the kiosk (the file was left untouched)',
    );
  }
}

/**
 * Brings the schema up to date in one IMMEDIATE transaction, re-reading the version under the write
 * lock so that two processes starting together apply each migration once; a database created now
 * gets `seedNewDatabase` (the demo orders) in that transaction.
 */
export function migrate(db: Database, path: string, seedNewDatabase?: () => void): void {
  db.transaction(() => {
    const current = schemaVersion(db);
    assertKnownSchema(current, path);
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
    // in the same transaction: a new database is never seen half-created or seeded twice
    if (current === 0) seedNewDatabase?.();
  }).immediate();
}
