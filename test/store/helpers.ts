/** Temp directories and demo data for the store tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { DEMO_PHONE, seedDemo } from '../../src/domain/orders/demo.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import type { CashSession, KioskStore, SyncKioskStore } from '../../src/domain/store.js';

/** 2025-01-15 12:00 UTC: every test runs at the same fixed moment. */
export const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

/** A fresh directory per call, removed after each test. */
export function useTempDirs(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-store-'));
    dirs.push(dir);
    return dir;
  };
}

type SessionFields = Partial<Omit<CashSession, 'notes'>>;
const sessionOf = (id: string, code: string, due: string, fields: SessionFields): Omit<CashSession, 'notes'> =>
  ({ id, terminalId: 'T1', code, due, phone: DEMO_PHONE, operator: 'mts', openedAt: NOW, ...fields });

export async function openCashSession(store: KioskStore, id: string, code: string, due: string, fields: SessionFields = {}): Promise<void> {
  await store.openSession(sessionOf(id, code, due, fields));
}

/** journals the notes one after another, a second apart */
export async function insertNotes(store: KioskStore, sessionId: string, notes: number[]): Promise<void> {
  for (const [i, note] of notes.entries()) await store.journalNote(sessionId, note, NOW + 1000 * (i + 1));
}

/** `openCashSession` on a synchronous store (a SQLite file a process test prepares) */
export function openCashSessionSync(store: SyncKioskStore, id: string, code: string, due: string, fields: SessionFields = {}): void {
  store.openSession(sessionOf(id, code, due, fields));
}

export function insertNotesSync(store: SyncKioskStore, sessionId: string, notes: number[]): void {
  notes.forEach((note, i) => store.journalNote(sessionId, note, NOW + 1000 * (i + 1)));
}

/** A closed kiosk.db in `dir` holding the demo orders, as a first start leaves it; returns its path. */
export function seededDatabaseIn(dir: string): string {
  const path = join(dir, 'kiosk.db');
  const store = SqliteStore.open(path);
  seedDemo(store, NOW);
  store.close();
  return path;
}

/** Records the crash points a store passes; `crashAt` names the one that throws `killed at <name>` (none: ''). */
export function crashPoints() {
  const points = {
    seen: [] as string[],
    crashAt: '',
    checkpoint: (name: string) => {
      points.seen.push(name);
      if (name === points.crashAt) throw new Error(`killed at ${name}`);
    },
  };
  return points;
}
