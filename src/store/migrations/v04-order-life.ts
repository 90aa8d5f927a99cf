import { money, type Migration } from './migration.js';

export const v04OrderLife: Migration = {
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
};
