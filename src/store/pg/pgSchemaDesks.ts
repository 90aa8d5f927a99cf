/** The registry's tables of the cashier's and Post desks (pgMigrations.ts): their fiscal receipts, then their tills. */
import { MONEY } from './pgSchemaParts.js';

/** migration 5 */
export const DESK_RECEIPTS_SQL = `
      CREATE TABLE desk_registers (
        register_id TEXT PRIMARY KEY,
        shift INTEGER NOT NULL CHECK (shift >= 1),
        in_shift INTEGER NOT NULL CHECK (in_shift >= 1),
        fd INTEGER NOT NULL CHECK (fd >= 1)
      );
      CREATE TABLE desk_receipts (
        seq BIGSERIAL UNIQUE,
        number TEXT PRIMARY KEY,
        place TEXT NOT NULL CHECK (place IN ('cashier', 'post')),
        register_id TEXT NOT NULL REFERENCES desk_registers (register_id),
        shift INTEGER NOT NULL,
        in_shift INTEGER NOT NULL,
        fd INTEGER NOT NULL,
        fp TEXT NOT NULL,
        at BIGINT NOT NULL,
        code TEXT NOT NULL REFERENCES orders (code),
        ${MONEY('total')}, ${MONEY('received')}, ${MONEY('change')},
        order_status TEXT NOT NULL CHECK (order_status IN ('awaiting', 'partially_paid', 'paid')),
        ${MONEY('owed')},
        qr TEXT NOT NULL,
        UNIQUE (register_id, fd)
      );
    `;

/** migration 6 */
export const TILLS_SQL = `
      CREATE TABLE till_shifts (
        register_id TEXT NOT NULL,
        number INTEGER NOT NULL CHECK (number >= 1),
        place TEXT NOT NULL CHECK (place IN ('cashier', 'post')),
        opened_at BIGINT NOT NULL,
        closed_at BIGINT CHECK (closed_at IS NULL OR closed_at >= opened_at),
        PRIMARY KEY (register_id, number)
      );
      CREATE UNIQUE INDEX till_one_open_shift ON till_shifts (register_id) WHERE closed_at IS NULL;
      CREATE TABLE till_drawer (
        register_id TEXT NOT NULL,
        shift INTEGER NOT NULL,
        which TEXT NOT NULL CHECK (which IN ('float', 'now')),
        face TEXT NOT NULL CHECK (face ~ '^[0-9]+\\.[0-9]{2}$'),
        count INTEGER NOT NULL CHECK (count >= 0),
        PRIMARY KEY (register_id, shift, which, face),
        FOREIGN KEY (register_id, shift) REFERENCES till_shifts (register_id, number)
      );
      CREATE TABLE till_payments (
        id BIGSERIAL PRIMARY KEY,
        register_id TEXT NOT NULL,
        shift INTEGER NOT NULL,
        receipt TEXT NOT NULL UNIQUE REFERENCES desk_receipts (number),
        ${MONEY('total')}, ${MONEY('received')}, ${MONEY('change_due')}, ${MONEY('change_given')},
        verdict TEXT NOT NULL CHECK (verdict IN ('exact', 'short', 'over')),
        FOREIGN KEY (register_id, shift) REFERENCES till_shifts (register_id, number)
      );
      CREATE TABLE till_sent_away (
        id BIGSERIAL PRIMARY KEY,
        register_id TEXT NOT NULL,
        shift INTEGER NOT NULL,
        at BIGINT NOT NULL,
        FOREIGN KEY (register_id, shift) REFERENCES till_shifts (register_id, number)
      );
    `;
