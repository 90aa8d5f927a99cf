/**
 * Issue 18's fields of a training attempt, the same in every store: the answers given, which attempt
 * counts, attempts allowed; bad ones refused whole; a version-13 file with attempts upgrades keeping them.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { AttemptRecord } from '../../src/domain/training/attempt.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { attempt, checkpoint } from '../domain/training/fixtures.js';
import { storeAdapters } from './adapters.js';
import { useTempDirs } from './helpers.js';

const tempDir = useTempDirs();
const ADAPTERS = storeAdapters(tempDir, { pg: true });

const b = (en: string) => ({ ru: `ру ${en}`, en });
const examAttempt: AttemptRecord = attempt('Anna', 'exam', [checkpoint('change', 'R-TERM-2', false)], {
  scoreCounts: 'last', attemptsAllowed: 2, passScore: 9, exam: true,
  answers: [{ question: 'change', ask: b('where?'), options: [b('coins'), b('phone')], chosen: 0, right: 1, atMs: 4500 }],
});

describe.each(ADAPTERS)('%s keeps the policy and the answers of an attempt', (_name, open) => {
  it('field for field', async () => {
    const store = await open();
    await store.recordTrainingAttempt(examAttempt);
    expect(await store.listTrainingAttempts()).toEqual([examAttempt]);
    await store.close();
  });

  it.each([
    ['scoreCounts', { scoreCounts: 'average' }, /scoreCounts must be first, best or last/],
    ['attemptsAllowed', { attemptsAllowed: 0 }, /attemptsAllowed must be a whole number ≥ 1/],
    ['an answer out of range', { answers: [{ ...examAttempt.answers![0]!, chosen: 5 }] }, /answer 1: expected/],
  ])('refuses a bad %s whole', async (_what, fields, message) => {
    const store = await open();
    await expect(store.recordTrainingAttempt({ ...examAttempt, ...fields } as AttemptRecord)).rejects.toThrow(message);
    expect(await store.listTrainingAttempts()).toEqual([]);
    await store.close();
  });
});

describe('SqliteStore schema 14', () => {
  it('a version-13 database with attempts upgrades: old attempts read without the new fields, new ones keep them', () => {
    const path = join(tempDir(), 'kiosk.db');
    const raw = new Database(path);
    for (const migration of MIGRATIONS.slice(0, 13)) raw.exec(migration.sql);
    raw.pragma('user_version = 13');
    raw.exec(`INSERT INTO training_attempts (id, trainee, exercise_id, exercise_title_ru, exercise_title_en, lang, started_at, duration_ms, status, score, max_score, pass_score, exam, tape)
      VALUES ('old-1', 'Anna', 'x', 'т', 't', 'ru', 1, 1000, 'finished', 0, 0, NULL, 0, '')`);
    raw.close();
    const store = SqliteStore.open(path);
    store.recordTrainingAttempt(examAttempt);
    const [old, fresh] = store.listTrainingAttempts();
    expect(old).not.toHaveProperty('answers');
    expect(old).not.toHaveProperty('scoreCounts');
    expect(old).not.toHaveProperty('attemptsAllowed');
    expect(fresh).toEqual(examAttempt);
    store.close();
  });
});
