import { money, operator, type Migration } from './migration.js';

export const v06MobilePayments: Migration = {
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
};
