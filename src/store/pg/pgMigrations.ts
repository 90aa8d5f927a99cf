/**
 * The PostgreSQL registry's own migrations, numbered; `kiosk_schema` keeps the version reached.
 * The same data as the SQLite store's latest schema for what the registry keeps so far (orders,
 * phones, cash sessions and their journal, receipts, the program clock; training attempts; mobile payments). Money is text with two
 * decimals (as in SQLite, decimal.js on the way in and out); times are epoch milliseconds (bigint).
 * The later subjects' SQL lives beside it: pgSchemaTraining.ts (2, 7), pgSchemaDesks.ts (5, 6),
 * pgSchemaParts.ts (8, 9).
 */
import type { PoolClient } from 'pg';
import { FORWARDED_PAYMENTS_SQL, MOBILE_PAYMENTS_SQL, MONEY, OPERATOR } from './pgSchemaParts.js';
import { DESK_RECEIPTS_SQL, TILLS_SQL } from './pgSchemaDesks.js';
import { TRAINING_ATTEMPTS_SQL, TRAINING_POLICY_SQL } from './pgSchemaTraining.js';
import { PAY_FUNCTION_SQL } from './pgSchemaPay.js';

export const PG_MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE orders (
        seq BIGSERIAL UNIQUE,
        code TEXT PRIMARY KEY,
        ${MONEY('code_amount')}, ${MONEY('price')},
        phone TEXT NOT NULL,
        issued_at BIGINT NOT NULL,
        region TEXT NOT NULL,
        channel TEXT NOT NULL CHECK (channel IN ('pc', 'app')),
        status TEXT NOT NULL CHECK (status IN ('awaiting', 'partially_paid', 'paid')),
        ${MONEY('paid')}, ${MONEY('owed')},
        stage TEXT NOT NULL DEFAULT 'placed'
          CHECK (stage IN ('placed', 'shipped', 'delivered', 'released', 'cancelled', 'disputed', 'refunded')),
        ${MONEY('refunded')},
        renewed_from TEXT, renewed_as TEXT, site_order_id TEXT, top_up_phone TEXT
      );
      CREATE TABLE order_events (
        id BIGSERIAL PRIMARY KEY,
        code TEXT NOT NULL REFERENCES orders (code),
        at BIGINT NOT NULL,
        kind TEXT NOT NULL,
        why TEXT NOT NULL DEFAULT '',
        amount TEXT CHECK (amount IS NULL OR amount ~ '^[0-9]+\\.[0-9]{2}$'),
        ref TEXT
      );
      CREATE INDEX order_events_by_code ON order_events (code, id);
      CREATE TABLE order_credits (
        id BIGSERIAL PRIMARY KEY,
        code TEXT NOT NULL REFERENCES orders (code),
        receipt TEXT NOT NULL,
        ${MONEY('amount')},
        accepted_at BIGINT NOT NULL,
        settles_at BIGINT NOT NULL CHECK (settles_at >= accepted_at)
      );
      CREATE INDEX order_credits_by_code ON order_credits (code, id);
      CREATE TABLE phone_accounts (
        phone TEXT PRIMARY KEY,
        operator TEXT CHECK (operator IS NULL OR operator IN ('mts', 'megafon', 'beeline', 'tele2')),
        ${MONEY('balance')}
      );
      CREATE TABLE ledger (
        id BIGSERIAL PRIMARY KEY,
        phone TEXT NOT NULL REFERENCES phone_accounts (phone),
        at BIGINT NOT NULL,
        ${MONEY('amount')},
        reason TEXT NOT NULL
      );
      CREATE INDEX ledger_by_phone ON ledger (phone, id);
      CREATE TABLE cash_sessions (
        seq BIGSERIAL UNIQUE,
        id TEXT PRIMARY KEY,
        terminal_id TEXT NOT NULL,
        code TEXT NOT NULL,
        ${MONEY('due')},
        phone TEXT NOT NULL,
        operator TEXT NOT NULL ${OPERATOR},
        opened_at BIGINT NOT NULL,
        state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'paid', 'abandoned')),
        owner_host TEXT, owner_pid INTEGER CHECK (owner_pid IS NULL OR owner_pid > 0), owner_started TEXT
      );
      CREATE INDEX cash_sessions_by_state ON cash_sessions (state, terminal_id);
      CREATE TABLE cash_journal (
        id BIGSERIAL PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES cash_sessions (id),
        note INTEGER NOT NULL CHECK (note > 0),
        at BIGINT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'accepted' CHECK (kind IN ('accepted', 'held'))
      );
      CREATE INDEX cash_journal_by_session ON cash_journal (session_id, id);
      -- each terminal numbers its own receipts: the next number is drawn atomically here
      CREATE TABLE receipt_counters (terminal_id TEXT PRIMARY KEY, seq INTEGER NOT NULL CHECK (seq > 0));
      CREATE TABLE receipts (
        number TEXT PRIMARY KEY,
        terminal_id TEXT NOT NULL,
        seq INTEGER NOT NULL CHECK (seq > 0),
        at BIGINT NOT NULL,
        code TEXT NOT NULL,
        ${MONEY('due')}, ${MONEY('accepted')}, ${MONEY('to_order')}, ${MONEY('to_phone')},
        phone TEXT NOT NULL,
        operator TEXT NOT NULL ${OPERATOR},
        order_status TEXT NOT NULL CHECK (order_status IN ('awaiting', 'partially_paid', 'paid')),
        ${MONEY('owed')},
        recovered INTEGER NOT NULL CHECK (recovered IN (0, 1)),
        text TEXT,
        session_id TEXT UNIQUE REFERENCES cash_sessions (id),
        UNIQUE (terminal_id, seq)
      );
      CREATE TABLE sms (
        id BIGSERIAL PRIMARY KEY,
        phone TEXT NOT NULL,
        at BIGINT NOT NULL,
        sender TEXT NOT NULL,
        kind TEXT NOT NULL,
        ${MONEY('amount')},
        receipt TEXT REFERENCES receipts (number),
        code TEXT, ref TEXT, detail TEXT,
        CHECK ((kind = 'topup') = (receipt IS NOT NULL)),
        CHECK ((kind = 'topup') = (code IS NULL))
      );
      CREATE INDEX sms_by_phone ON sms (phone, id);
      CREATE TABLE program_clock (id INTEGER PRIMARY KEY CHECK (id = 1), offset_ms BIGINT NOT NULL CHECK (offset_ms >= 0));
    `,
  },
  { version: 2, sql: TRAINING_ATTEMPTS_SQL },
  {
    version: 3,
    sql: `
      -- a journaled note is in the cassette until an encashment takes it: marked with it, in one statement
      ALTER TABLE cash_journal ADD COLUMN encashment BIGINT;
      CREATE INDEX cash_journal_in_cassette ON cash_journal (session_id) WHERE encashment IS NULL;
      CREATE TABLE encashments (
        id BIGSERIAL PRIMARY KEY,
        terminal_id TEXT NOT NULL,
        number INTEGER NOT NULL CHECK (number > 0),
        cassette_id TEXT NOT NULL,
        since BIGINT,
        at BIGINT NOT NULL,
        notes TEXT NOT NULL,
        count INTEGER NOT NULL CHECK (count >= 0),
        ${MONEY('total')},
        UNIQUE (terminal_id, number)
      );
    `,
  },
  {
    version: 4,
    sql: `
      CREATE TABLE phone_settings (
        phone TEXT PRIMARY KEY,
        tariff TEXT NOT NULL CHECK (tariff IN ('standard', 'corporate', 'forbidden')),
        new_subscriber INTEGER NOT NULL CHECK (new_subscriber IN (0, 1)),
        outage INTEGER NOT NULL CHECK (outage IN (0, 1))
      );
    `,
  },
  { version: 5, sql: DESK_RECEIPTS_SQL },
  { version: 6, sql: TILLS_SQL },
  { version: 7, sql: TRAINING_POLICY_SQL },
  { version: 8, sql: MOBILE_PAYMENTS_SQL },
  { version: 9, sql: FORWARDED_PAYMENTS_SQL },
  { version: 10, sql: PAY_FUNCTION_SQL },
];

export const PG_LATEST_VERSION = PG_MIGRATIONS[PG_MIGRATIONS.length - 1]!.version;

/**
 * Brings the schema up to date, each migration in its own transaction; an advisory lock makes two
 * kiosks starting at once on an empty registry migrate it once. Refuses a newer schema.
 */
export async function migratePg(client: PoolClient): Promise<number> {
  await client.query('SELECT pg_advisory_lock(20200)');
  try {
    // a registry already made is only read: the salon's terminals log in with a role that may not create tables (README)
    const made = (await client.query<{ made: boolean }>(`SELECT to_regclass('kiosk_schema') IS NOT NULL AS made`)).rows[0]!.made;
    if (!made) await client.query('CREATE TABLE kiosk_schema (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)');
    const found = await client.query<{ version: number }>('SELECT version FROM kiosk_schema WHERE id = 1');
    let version = found.rows[0]?.version ?? 0;
    if (version > PG_LATEST_VERSION) {
      throw new Error(`the registry has schema version ${version}, newer than this kiosk knows (${PG_LATEST_VERSION}): upgrade the kiosk`);
    }
    for (const migration of PG_MIGRATIONS.filter((m) => m.version > version)) {
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query(
          'INSERT INTO kiosk_schema (id, version) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version',
          [migration.version],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      version = migration.version;
    }
    return version;
  } finally {
    await client.query('SELECT pg_advisory_unlock(20200)');
  }
}
