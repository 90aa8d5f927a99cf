/**
 * Drill cards in PostgreSQL beyond the contract (test/store/drill.contract.test.ts): a crash inside
 * the attempt write leaves neither the attempt nor a card. Its own file so that a run without a
 * server (the mutation run's MUTATION_PG=off) can leave it out whole.
 */
import { describe, expect, it } from 'vitest';
import { reviewDrill } from '../../src/domain/training/drill.js';
import { PgStore } from '../../src/store/pg/pgStore.js';
import { attempt, checkpoint, T0 } from '../domain/training/fixtures.js';
import { freshSchema, usePgDatabase } from './pgServer.js';

const first = attempt('Anna', 'terminal-change', [checkpoint('path', 'R-TERM-1', true), checkpoint('no-change', 'R-TERM-2', false)], { at: 0 });

describe('PgStore: drill cards in the registry', () => {
  const pgUrl = usePgDatabase();
  it('a crash inside the attempt write leaves neither the attempt nor a card', async () => {
    const schema = freshSchema();
    const store = await PgStore.open(pgUrl(), { schema, checkpoint: (point) => { if (point === 'training:during') throw new Error('power cut'); } });
    try {
      await expect(store.recordTrainingAttempt(first, reviewDrill(await store.drillCards(first.trainee), first, T0))).rejects.toThrow('power cut');
      expect(await store.drillCards('Anna')).toEqual([]);
      expect(await store.listTrainingAttempts()).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
