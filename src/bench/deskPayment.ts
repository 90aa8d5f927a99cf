/**
 * Row 12: the desk's durable payment (SqliteStore.payAtDesk: the order's credit, the fiscal
 * receipt and the register's counters in one transaction) against a raw better-sqlite3 prepared
 * INSERT of one receipt row with the same pragmas (WAL, synchronous=FULL), files in the same temp
 * dir on disk, taking turns payment by payment. Each payment pays an order of its own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '../store/sqliteStore.js';
import { addPathOrders, newClock, ORDER_AMOUNT, orderCode } from './euroset.js';
import { row, type Row } from './report.js';
import { median, quantile, timed } from './stats.js';

function rawReceipts(path: string) {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE desk_receipts (number TEXT PRIMARY KEY, code TEXT NOT NULL, due TEXT NOT NULL, received TEXT NOT NULL, at INTEGER NOT NULL)');
  const insert = db.prepare('INSERT INTO desk_receipts (number, code, due, received, at) VALUES (?, ?, ?, ?, ?)');
  return { write: (n: number, at: number) => void insert.run(`R-${n}`, orderCode(n), ORDER_AMOUNT, '5000.00', at), close: () => db.close() };
}

export async function deskPayment(payments: number): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-desk-'));
  const store = SqliteStore.open(join(dir, 'store.db'));
  const raw = rawReceipts(join(dir, 'raw.db'));
  try {
    const clock = newClock();
    addPathOrders(store, clock.now(), 0, payments + 1);
    const pay = (n: number, at: number) => {
      const outcome = store.payAtDesk({ place: n % 2 ? 'post' : 'cashier', code: orderCode(n), due: ORDER_AMOUNT, received: '5000.00', at });
      if (outcome.kind !== 'paid') throw new Error(`desk payment ${n} was refused: ${outcome.reason}`);
    };
    // one unmeasured payment each: statements compiled, files and WAL created
    pay(payments, clock.now());
    raw.write(payments, clock.now());
    const viaStore: number[] = [];
    const viaRaw: number[] = [];
    for (let i = 0; i < payments; i++) {
      const at = clock.now() + i;
      if (i % 2 === 0) {
        viaStore.push(timed(() => pay(i, at)));
        viaRaw.push(timed(() => raw.write(i, at)));
      } else {
        viaRaw.push(timed(() => raw.write(i, at)));
        viaStore.push(timed(() => pay(i, at)));
      }
    }
    const storeMs = median(viaStore);
    const rawMs = median(viaRaw);
    return row({
      id: 12,
      name: "desk's durable payment",
      figure: storeMs,
      baseline: rawMs,
      unit: 'ms',
      ratio: storeMs / rawMs,
      target: { on: 'ratio', op: '<=', limit: 2 },
      detail:
        `median of ${payments} payments each, taking turns, files in ${tmpdir()}: SqliteStore.payAtDesk (credit, receipt, counters in one transaction) p90 ${quantile(viaStore, 0.9).toFixed(3)} ms; ` +
        `raw prepared INSERT of a receipt row (WAL, synchronous=FULL) p90 ${quantile(viaRaw, 0.9).toFixed(3)} ms`,
      samples: { storeMs: viaStore, rawMs: viaRaw },
    });
  } finally {
    store.close();
    raw.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
