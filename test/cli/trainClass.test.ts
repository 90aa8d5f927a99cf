/**
 * Issue 20, part 5's ground: a training class on one PostgreSQL registry. Trainees on their own
 * machines (here: their own connections) keep their attempts in the registry, and the instructor's
 * `kiosk train report --store URL` covers the whole class.
 */
import { describe, expect, it } from 'vitest';
import { PgStore } from '../../src/store/pg/pgStore.js';
import { attempt, checkpoint } from '../domain/training/fixtures.js';
import { usePgDatabase } from '../store/pgServer.js';
import { train } from './trainHelpers.js';

const pgUrl = usePgDatabase();

describe('a training class on one registry', () => {
  it("each trainee's machine keeps its attempts; the instructor's report over --store lists every trainee", async () => {
    const anna = await PgStore.open(pgUrl());
    const boris = await PgStore.open(pgUrl());
    try {
      await Promise.all([
        anna.recordTrainingAttempt(attempt('Anna', 'terminal-cap', [checkpoint('cap', 'R-TERM-3', true)], { at: 1 })),
        boris.recordTrainingAttempt(attempt('Boris', 'terminal-cap', [checkpoint('cap', 'R-TERM-3', false)], { at: 2 })),
      ]);
    } finally {
      await Promise.all([anna.close(), boris.close()]);
    }
    const report = await train('report', '--store', pgUrl(), '--format', 'json');
    expect(report.code).toBe(0);
    expect(report.out).toContain('"Anna"');
    expect(report.out).toContain('"Boris"');
    const annaOnly = await train('report', '--format', 'json', '--trainee', 'Anna', '--store', pgUrl());
    expect(annaOnly.out).toContain('"Anna"');
    expect(annaOnly.out).not.toContain('"Boris"');
  });
});
