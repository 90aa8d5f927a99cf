/**
 * Drill cards (issue 18), the same in every store: kept with the attempt that reviewed them, in one
 * write; replaced per trainee and rule; moved only by a new attempt; refused whole when malformed;
 * in SQLite, kept across a restart and left untouched by a crash inside the write (in PostgreSQL:
 * test/store/pgDrill.test.ts).
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { crashHookFromEnv } from '../../src/adapters/crashHook.js';
import type { KioskStore, SyncKioskStore } from '../../src/domain/store.js';
import { reviewDrill } from '../../src/domain/training/drill.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/store/migrations.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { attempt, checkpoint, MINUTE, T0 } from '../domain/training/fixtures.js';
import { storeAdapters } from './adapters.js';
import { useTempDirs } from './helpers.js';

const tempDir = useTempDirs();

const ADAPTERS = storeAdapters(tempDir, { pg: true });

const first = attempt('Anna', 'terminal-change', [checkpoint('path', 'R-TERM-1', true), checkpoint('no-change', 'R-TERM-2', false)], { at: 0 });
const second = attempt('Anna', 'terminal-change', [checkpoint('path', 'R-TERM-1', true), checkpoint('no-change', 'R-TERM-2', true)], { at: 60 });
const boris = attempt('Boris', 'terminal-cap', [checkpoint('cap', 'R-TERM-3', false)], { at: 5 });

/** Saves an attempt as the Training place does: the cards it reviews, with it. */
async function save(store: KioskStore, record: typeof first, now: number): Promise<void> {
  await store.recordTrainingAttempt(record, reviewDrill(await store.drillCards(record.trainee), record, now));
}

function saveSync(store: SyncKioskStore, record: typeof first, now: number): void {
  store.recordTrainingAttempt(record, reviewDrill(store.drillCards(record.trainee), record, now));
}

describe.each(ADAPTERS)('%s keeps the drill contract', (_name, open) => {
  it('R-TERM-2: a missed rule gets a card with the attempt; a later attempt replaces it; trainees apart', async () => {
    const store = await open();
    await save(store, first, T0);
    await save(store, boris, T0 + 5 * MINUTE);
    const [card] = await store.drillCards('Anna');
    expect((await store.drillCards('Anna')).map((c) => c.rule)).toEqual(['R-TERM-2']);
    expect(card).toEqual(reviewDrill([], first, T0)[0]);
    expect((await store.drillCards('Boris')).map((c) => c.rule)).toEqual(['R-TERM-3']);
    await save(store, second, T0 + 60 * MINUTE);
    const [after] = await store.drillCards('Anna');
    expect(after?.lastAttemptId).toBe(second.id);
    expect(after?.memory.reps).toBe(2);
    expect(after!.due).toBeGreaterThan(card!.due);
    await store.close();
  });

  it('lists a trainee\'s cards by rule; names and rules that run together stay apart; hands back copies', async () => {
    const store = await open();
    await save(store, attempt('Anna', 'x', [checkpoint('no-change', 'R-TERM-2', false), checkpoint('cap', 'R-TERM-3', false), checkpoint('path', 'R-TERM-1', false)], { at: 0 }), T0);
    // "AnnaR" + "-TERM-1" runs together as "Anna" + "R-TERM-1" does
    await save(store, attempt('AnnaR', 'x', [checkpoint('odd', '-TERM-1', false)], { at: 1 }), T0);
    const cards = await store.drillCards('Anna');
    expect(cards.map((c) => c.rule)).toEqual(['R-TERM-1', 'R-TERM-2', 'R-TERM-3']);
    expect((await store.drillCards('AnnaR')).map((c) => [c.trainee, c.rule])).toEqual([['AnnaR', '-TERM-1']]);
    cards[0]!.due = 0;
    expect((await store.drillCards('Anna'))[0]!.due).toBeGreaterThan(0);
    await store.close();
  });

  it('saving the same attempt again moves no card (the first save wins)', async () => {
    const store = await open();
    await save(store, first, T0);
    const before = await store.drillCards('Anna');
    // the same id again, with cards a second review would make: the attempt is not new, so nothing moves
    await store.recordTrainingAttempt(first, reviewDrill([], { ...first, id: 'other' }, T0 + 99 * MINUTE));
    expect(await store.drillCards('Anna')).toEqual(before);
    await store.close();
  });

  it('refuses a malformed card, keeping neither the card nor the attempt', async () => {
    const store = await open();
    const [card] = reviewDrill([], first, T0);
    await expect(store.recordTrainingAttempt(first, [{ ...card!, due: 1.5 }])).rejects.toThrow('drill card "Anna"/"R-TERM-2": due must be epoch milliseconds, got 1.5');
    await expect(store.recordTrainingAttempt(first, [{ ...card!, memory: { ...card!.memory, stability: Number.NaN } }])).rejects.toThrow('memory.stability must be a number');
    expect(await store.listTrainingAttempts()).toEqual([]);
    expect(await store.drillCards('Anna')).toEqual([]);
    await store.close();
  });
});

describe('SqliteStore: drill cards on disk', () => {
  it('survive a restart', () => {
    const path = join(tempDir(), 'kiosk.db');
    const store = SqliteStore.open(path);
    saveSync(store, first, T0);
    const cards = store.drillCards('Anna');
    store.close();
    const reopened = SqliteStore.open(path);
    expect(reopened.drillCards('Anna')).toEqual(cards);
    reopened.close();
  });

  it('a version-13 database upgrades with its attempts kept and no cards, then keeps cards', () => {
    const path = join(tempDir(), 'kiosk.db');
    const raw = new Database(path);
    for (const migration of MIGRATIONS.slice(0, 13)) raw.exec(migration.sql);
    raw.pragma('user_version = 13');
    raw.close();
    const store = SqliteStore.open(path);
    expect(store.drillCards('Anna')).toEqual([]);
    saveSync(store, first, T0);
    expect(store.drillCards('Anna').map((c) => c.rule)).toEqual(['R-TERM-2']);
    store.close();
    const reopened = new Database(path, { readonly: true });
    expect(reopened.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(reopened.prepare('SELECT trainee, rule, last_attempt_id FROM training_drill').all()).toEqual([{ trainee: 'Anna', rule: 'R-TERM-2', last_attempt_id: first.id }]);
    reopened.close();
  });

  it('a crash inside the attempt write leaves no card either', () => {
    const path = join(tempDir(), 'kiosk.db');
    const crashAt = crashHookFromEnv({ KIOSK_TEST_CRASH_AT: 'training:during' }, () => {
      throw new Error('power cut');
    });
    const store = SqliteStore.open(path, { checkpoint: crashAt });
    expect(() => saveSync(store, first, T0)).toThrow('power cut');
    expect(store.drillCards('Anna')).toEqual([]);
    store.close();
  });
});
