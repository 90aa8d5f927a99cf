/** Training attempts made by hand, as the exercise engine (issue 15) would leave them, for the store and report tests. */
import type { AttemptRecord, CheckpointResult } from '../../../src/domain/training/attempt.js';

/** 2026-11-20 09:00 UTC */
export const T0 = Date.UTC(2026, 10, 20, 9, 0, 0);
export const MINUTE = 60_000;

/** A tape of ordinary steps: what replay plays (the Train/Say steps are the engine's). */
export const PLAIN_TAPE = `# a trainee at the terminal, as ordinary tape steps
Set Lang en
Set Size 80x24
Order 1000000001 amount 4750.00 phone +79161234567 issued -2h
Launch
Enter
Press "Other services"
Press "Products by catalogs"
Press "Aliexpress"
Type "1000000001"
`;

export function checkpoint(id: string, rule: string, passed: boolean, points = 10, fields: Partial<CheckpointResult> = {}): CheckpointResult {
  return {
    id, rule, title: { ru: `Пункт ${id}`, en: `Checkpoint ${id}` }, points, earned: passed ? points : 0, passed, atMs: 1000,
    ...(passed ? {} : { source: { ru: 'Терминал сдачу не выдаёт.', en: 'The terminal gives no change.' }, rightAction: { ru: 'Сказать о сдаче', en: 'Tell about the change' } }),
    ...fields,
  };
}

let serial = 0;

/**
 * An attempt of `trainee` at `exercise`: its checkpoints decide the score (10 points each). `at` is
 * minutes after T0; `durationS` seconds taken.
 */
export function attempt(trainee: string, exercise: string, checkpoints: CheckpointResult[], fields: Partial<AttemptRecord> & { at?: number; durationS?: number } = {}): AttemptRecord {
  const { at = serial, durationS = 60, ...rest } = fields;
  serial++;
  return {
    id: `a-${T0 + at * MINUTE}-${serial}`,
    trainee,
    exerciseId: exercise,
    exerciseTitle: { ru: `Упражнение ${exercise}`, en: `Exercise ${exercise}` },
    lang: 'en',
    startedAt: T0 + at * MINUTE,
    durationMs: durationS * 1000,
    status: 'finished',
    score: checkpoints.reduce((sum, c) => sum + c.earned, 0),
    maxScore: checkpoints.reduce((sum, c) => sum + c.points, 0),
    exam: false,
    checkpoints,
    tape: PLAIN_TAPE,
    ...rest,
  };
}
