/**
 * Training attempts (issue 15), the same in every store: kept with their checkpoints, listed oldest
 * first by trainee and time, saved once however often they are saved, refused whole when they do not
 * hold together; in SQLite, a crash inside the write leaves nothing, and a version-11 file upgrades.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { crashHookFromEnv } from '../../src/adapters/crashHook.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/store/migrations.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { attempt, checkpoint, MINUTE, T0 } from '../domain/training/fixtures.js';
import { useTempDirs } from './helpers.js';
import { storeAdapters } from './adapters.js';

const tempDir = useTempDirs();

const ADAPTERS = storeAdapters(tempDir, { pg: true });

const missed = checkpoint('no-change', 'R-TERM-2', false, 10, { atMs: null });
const anna = attempt('Anna', 'terminal-change', [checkpoint('path', 'R-TERM-1', true), missed], { at: 10, passScore: 5, exam: true, lang: 'ru' });
const boris = attempt('Boris', 'terminal-cap', [checkpoint('cap', 'R-TERM-3', true)], { at: 5 });
const annaLater = attempt('Anna', 'terminal-cap', [checkpoint('cap', 'R-TERM-3', false)], { at: 30, status: 'abandoned', durationS: 12 });

describe.each(ADAPTERS)('%s keeps the training contract', (_name, open) => {
  it('keeps an attempt with every checkpoint, field for field, and lists attempts oldest first', async () => {
    const store = await open();
    for (const a of [anna, annaLater, boris]) await store.recordTrainingAttempt(a);
    expect(await store.listTrainingAttempts()).toEqual([boris, anna, annaLater]);
    // optional fields stay absent, not undefined or null
    expect(Object.keys((await store.listTrainingAttempts())[0]!)).not.toContain('passScore');
    expect(Object.keys((await store.listTrainingAttempts())[1]!.checkpoints[0]!)).not.toContain('source');
    await store.close();
  });

  it('lists by trainee and by --since (inclusive), both together', async () => {
    const store = await open();
    for (const a of [anna, annaLater, boris]) await store.recordTrainingAttempt(a);
    expect((await store.listTrainingAttempts({ trainee: 'Anna' })).map((a) => a.id)).toEqual([anna.id, annaLater.id]);
    expect(await store.listTrainingAttempts({ trainee: 'anna' })).toEqual([]);
    expect((await store.listTrainingAttempts({ since: T0 + 10 * MINUTE })).map((a) => a.id)).toEqual([anna.id, annaLater.id]);
    expect(await store.listTrainingAttempts({ trainee: 'Boris', since: T0 + 6 * MINUTE })).toEqual([]);
    await store.close();
  });

  it('lists attempts started at the same moment by id; hands back copies and keeps its own', async () => {
    const store = await open();
    const latest = attempt('Cleo', 'terminal-cap', [checkpoint('cap', 'R-TERM-3', true)], { at: 90, id: 't-3' });
    const later = attempt('Cleo', 'terminal-cap', [checkpoint('cap', 'R-TERM-3', true)], { at: 90, id: 't-2' });
    const earlier = attempt('Cleo', 'terminal-cap', [checkpoint('cap', 'R-TERM-3', false)], { at: 90, id: 't-1' });
    const kept = structuredClone([earlier, later, latest]);
    for (const a of [later, latest, earlier]) await store.recordTrainingAttempt(a);
    // the caller's record changed after the save, and the list's copy changed: the store's own stays
    later.checkpoints[0]!.earned = 0;
    const listed = await store.listTrainingAttempts();
    listed[0]!.trainee = 'Someone else';
    expect(await store.listTrainingAttempts()).toEqual(kept);
    await store.close();
  });

  it('keeps the seed an attempt drew its numbers from (issue 18), the largest one too; none stays absent', async () => {
    const store = await open();
    const seeded = { ...boris, id: 'a-seeded', seed: 42 };
    const largest = { ...boris, id: 'a-largest', startedAt: boris.startedAt + 1, seed: 4294967295 };
    for (const a of [seeded, largest, anna]) await store.recordTrainingAttempt(a);
    expect(await store.listTrainingAttempts()).toEqual([seeded, largest, anna]);
    expect(Object.keys((await store.listTrainingAttempts())[2]!)).not.toContain('seed');
    await store.close();
  });

  it('refuses a seed that is not a whole number of 32 bits, keeping nothing', async () => {
    const store = await open();
    for (const seed of [-1, 1.5, 4294967296]) await expect(store.recordTrainingAttempt({ ...boris, seed })).rejects.toThrow(/seed must be a whole number/);
    expect(await store.listTrainingAttempts()).toEqual([]);
    await store.close();
  });

  it('saving the same attempt twice keeps one; an attempt saved abandoned stays abandoned', async () => {
    const store = await open();
    await store.recordTrainingAttempt(annaLater);
    await store.recordTrainingAttempt(annaLater);
    await store.recordTrainingAttempt({ ...annaLater, status: 'finished', score: 10, checkpoints: [checkpoint('cap', 'R-TERM-3', true)] });
    expect(await store.listTrainingAttempts()).toEqual([annaLater]);
    await store.close();
  });

  it('refuses a record that does not hold together, keeping nothing of it', async () => {
    const store = await open();
    await expect(store.recordTrainingAttempt({ ...boris, score: 20 })).rejects.toThrow(`training attempt "${boris.id}": score 20 of 10: expected whole points, 0 ≤ score ≤ maxScore`);
    await expect(store.recordTrainingAttempt({ ...boris, score: 7.5 })).rejects.toThrow('score 7.5 of 10: expected whole points');
    await expect(store.recordTrainingAttempt({ ...boris, trainee: ' ' })).rejects.toThrow('trainee must be a non-empty name');
    await expect(store.recordTrainingAttempt({ ...boris, checkpoints: [checkpoint('cap', 'R-TERM-3', true), { ...checkpoint('x', 'R-TERM-2', true), earned: 11 }] }))
      .rejects.toThrow('checkpoint 2 ("x"): earned 11 of 10 points');
    await expect(store.recordTrainingAttempt({ ...boris, status: 'lost' as 'finished' })).rejects.toThrow('status must be finished or abandoned, got "lost"');
    expect(await store.listTrainingAttempts()).toEqual([]);
    await store.recordTrainingAttempt(boris);
    expect(await store.listTrainingAttempts()).toEqual([boris]);
    await store.close();
  });
});

describe('SqliteStore: training attempts on disk', () => {
  it('survive a restart', () => {
    const path = join(tempDir(), 'kiosk.db');
    const store = SqliteStore.open(path);
    store.recordTrainingAttempt(anna);
    store.close();
    const reopened = SqliteStore.open(path);
    expect(reopened.listTrainingAttempts()).toEqual([anna]);
    reopened.close();
  });

  it('closed, the file is let go: a later call is refused; closing again is harmless', () => {
    const store = SqliteStore.open(join(tempDir(), 'kiosk.db'));
    store.close();
    expect(() => store.listTrainingAttempts()).toThrow('The database connection is not open');
    expect(() => store.close()).not.toThrow();
  });

  it('a crash inside the write (KIOSK_TEST_CRASH_AT=training:during: after the attempt row, before its checkpoints) leaves nothing half-written', () => {
    const path = join(tempDir(), 'kiosk.db');
    const reached: string[] = [];
    // the crash tests' hook, with a "kill" that stops the write where SIGKILL would
    const crashAt = crashHookFromEnv({ KIOSK_TEST_CRASH_AT: 'training:during' }, () => {
      throw new Error('power cut');
    });
    const store = SqliteStore.open(path, {
      checkpoint: (point) => {
        reached.push(point);
        crashAt(point);
      },
    });
    expect(() => store.recordTrainingAttempt(anna)).toThrow('power cut');
    expect(store.listTrainingAttempts()).toEqual([]);
    store.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.prepare('SELECT (SELECT count(*) FROM training_attempts) + (SELECT count(*) FROM training_checkpoints) AS n').get()).toEqual({ n: 0 });
    raw.close();
    const again = SqliteStore.open(path, { checkpoint: (point) => reached.push(point) });
    again.recordTrainingAttempt(anna);
    expect(again.listTrainingAttempts()).toEqual([anna]);
    expect(reached).toEqual(['training:before', 'training:during', 'training:before', 'training:during', 'training:after']);
    again.close();
  });

  it('a version-11 database upgrades with its data kept and no attempts, then keeps attempts', () => {
    const path = join(tempDir(), 'kiosk.db');
    const raw = new Database(path);
    for (const migration of MIGRATIONS.slice(0, 11)) raw.exec(migration.sql);
    raw.pragma('user_version = 11');
    raw.exec(`INSERT INTO orders (code, code_amount, price, phone, issued_at, region, channel, status, paid, owed)
      VALUES ('1000000001', '4750.00', '4750.00', '+79161234567', 0, 'RU', 'pc', 'awaiting', '0.00', '4750.00')`);
    raw.close();
    const store = SqliteStore.open(path);
    expect(store.listTrainingAttempts()).toEqual([]);
    expect(store.listOrders().map((o) => o.code)).toEqual(['1000000001']);
    store.recordTrainingAttempt(boris);
    store.close();
    const reopened = new Database(path, { readonly: true });
    expect(reopened.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(14);
    expect(reopened.prepare('SELECT id, trainee, score, max_score, seed FROM training_attempts').all()).toEqual([{ id: boris.id, trainee: 'Boris', score: 10, max_score: 10, seed: null }]);
    reopened.close();
  });
});
