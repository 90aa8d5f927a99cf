/**
 * Two terminals on one data directory pay the same order at the same moment: one payment credits the
 * order in full, the other finds it paid and its cash goes to the phone (R-TERM-2) — never twice to
 * the order. Both processes are real (the headless terminal for the bulk, dist/kiosk.js under a pty
 * for a few), each with its own terminal id, on one SQLite file.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { add } from '../../src/domain/money.js';
import { DEMO_PHONE, seedDemo } from '../../src/domain/orders/demo.js';
import { newOrder } from '../../src/domain/orders/orders.js';
import { openDataStore } from '../../src/store/dataDir.js';
import { useTempDirs } from '../store/helpers.js';
import { headlessDrive, ptyDrive, type Drive } from './drives.js';
import { bundleHeadless } from './headlessKiosk.js';
import { generator } from './killPlan.js';
import { trials } from '../heavy.js';

const tempDir = useTempDirs();
const HEADLESS_TRIALS = trials(12, 50);
const PTY_TRIALS = trials(3, 6);
/** each terminal's notes for a 3,000 ₽ order: exact, or more than due */
const NOTE_SETS = [[1000, 2000], [2000, 1000], [5000], [1000, 1000, 1000], [2000, 2000]];

interface ReceiptRow {
  number: string;
  accepted: string;
  to_order: string;
  to_phone: string;
  order_status: string;
  text: string | null;
}

async function insert(drive: Drive, notes: number[]): Promise<void> {
  let total = 0;
  for (const note of notes) {
    drive.pressNote(note);
    total += note;
    await drive.noteShown(total);
  }
}

async function race(start: (dir: string, env: Record<string, string>) => Drive, trials: number, prefix: string) {
  const dir = tempDir();
  const random = generator(trials);
  const store = openDataStore(dir, { seed: (s) => seedDemo(s, Date.now()) });
  const codes = Array.from({ length: trials }, (_, i) => `${prefix}${String(i).padStart(8, '0')}`);
  for (const code of codes) store.addOrder(newOrder({ code, codeAmount: '3000.00', phone: DEMO_PHONE, issuedAt: Date.now() }));
  store.close();

  const terminals = [start(dir, {}), start(dir, {})];
  await Promise.all(terminals.map((t) => t.start(false)));
  const db = new Database(join(dir, 'kiosk.db'), { readonly: true });
  let phone = '0.00';
  for (const code of codes) {
    const notes = terminals.map(() => NOTE_SETS[Math.floor(random() * NOTE_SETS.length)]!);
    // both find the order unpaid and take the cash
    await Promise.all(terminals.map((t) => t.openCash(code)));
    await Promise.all(terminals.map((t, i) => insert(t, notes[i]!)));
    // Pay on both at once
    for (const t of terminals) t.pressPay();
    await Promise.all(terminals.map((t) => t.receiptShown()));

    const receipts = db.prepare<ReceiptRow>('SELECT * FROM receipts WHERE code = ? ORDER BY number').all(code);
    const where = `order ${code}, notes ${JSON.stringify(notes)}`;
    expect(receipts, where).toHaveLength(2);
    const full = receipts.filter((r) => r.to_order === '3000.00');
    const none = receipts.filter((r) => r.to_order === '0.00');
    expect(full, where).toHaveLength(1);
    expect(none, where).toHaveLength(1);
    // the later payment was told the order is paid: everything it took went to the phone
    expect(none[0]!.order_status, where).toBe('paid');
    expect(none[0]!.to_phone, where).toBe(none[0]!.accepted);
    expect(none[0]!.text, where).toContain('Already paid elsewhere: cash went to the phone');
    expect(full[0]!.text, where).not.toContain('Already paid');
    expect(db.prepare('SELECT status, paid, owed FROM orders WHERE code = ?').get(code), where).toEqual({ status: 'paid', paid: '3000.00', owed: '0.00' });
    phone = add(phone, full[0]!.to_phone, none[0]!.to_phone);
    expect(db.prepare<{ balance: string }>('SELECT balance FROM phone_accounts WHERE phone = ?').get(DEMO_PHONE)?.balance, where).toBe(phone);
    await Promise.all(terminals.map((t) => t.finish()));
  }
  const numbers = db.prepare<{ number: string }>('SELECT number FROM receipts').all().map((r) => r.number);
  expect(new Set(numbers).size).toBe(trials * 2);
  db.close();
  for (const t of terminals) t.quit();
  await Promise.all(terminals.map((t) => t.died()));
  terminals.forEach((t) => t.dispose());
}

describe('two terminals pay the same code at once', () => {
  it(`exactly one full credit in each of ${HEADLESS_TRIALS} races (headless terminals) and ${PTY_TRIALS} (the real kiosk under a pty)`, async () => {
    await bundleHeadless();
    await Promise.all([race(headlessDrive, HEADLESS_TRIALS, '50'), race(ptyDrive, PTY_TRIALS, '60')]);
    console.log(`race test: ${HEADLESS_TRIALS + PTY_TRIALS} races, each one full credit and one "already paid" with the cash to the phone`);
  }, 180_000);
});
