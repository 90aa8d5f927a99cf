/**
 * Row 5: the durable write of one accepted banknote through the store (SqliteStore.journalNote)
 * against a raw better-sqlite3 prepared insert with the same pragmas (WAL, synchronous=FULL), both
 * on files in the same temp dir on disk, taking turns note by note.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '../store/sqliteStore.js';
import { newClock } from './euroset.js';
import { row, type Row } from './report.js';
import { median, quantile, timed } from './stats.js';

function rawJournal(path: string) {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE cash_journal (id INTEGER PRIMARY KEY, session_id TEXT NOT NULL, note INTEGER NOT NULL, at INTEGER NOT NULL)');
  const insert = db.prepare('INSERT INTO cash_journal (session_id, note, at) VALUES (?, ?, ?)');
  return { write: (note: number, at: number) => void insert.run('s-1', note, at), close: () => db.close() };
}

export async function journaling(notes: number): Promise<Row> {
  // tmpdir, not tmpfs: the point is the fsync a banknote costs on a real disk
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-journal-'));
  const store = SqliteStore.open(join(dir, 'store.db'));
  const raw = rawJournal(join(dir, 'raw.db'));
  try {
    const clock = newClock();
    store.openSession({ id: 's-1', terminalId: 'T-1', code: '1000000001', due: '4750.00', phone: '+79161234567', operator: 'mts', openedAt: clock.now() });
    // one unmeasured write each: statements compiled, files and WAL created
    store.journalNote('s-1', 10, clock.now());
    raw.write(10, clock.now());
    const viaStore: number[] = [];
    const viaRaw: number[] = [];
    for (let i = 0; i < notes; i++) {
      const at = clock.now() + i;
      if (i % 2 === 0) {
        viaStore.push(timed(() => store.journalNote('s-1', 100, at)));
        viaRaw.push(timed(() => raw.write(100, at)));
      } else {
        viaRaw.push(timed(() => raw.write(100, at)));
        viaStore.push(timed(() => store.journalNote('s-1', 100, at)));
      }
    }
    const storeMs = median(viaStore);
    const rawMs = median(viaRaw);
    return row({
      id: 5,
      name: 'journal one banknote (durable)',
      figure: storeMs,
      baseline: rawMs,
      unit: 'ms',
      ratio: storeMs / rawMs,
      target: { on: 'ratio', op: '<=', limit: 2 },
      detail:
        `median of ${notes} notes each, taking turns, files in ${tmpdir()}: SqliteStore.journalNote p90 ${quantile(viaStore, 0.9).toFixed(3)} ms; ` +
        `raw prepared INSERT (WAL, synchronous=FULL) p90 ${quantile(viaRaw, 0.9).toFixed(3)} ms`,
      samples: { storeMs: viaStore, rawMs: viaRaw },
    });
  } finally {
    store.close();
    raw.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
