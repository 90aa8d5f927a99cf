/**
 * `kiosk train drill --trainee NAME` (issue 18): the rules the trainee missed come back when due on
 * the program clock, in the shortest exercises that check them; the place opens on just those.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { runTrainDrill, type DrillDeps } from '../../src/cli/trainDrill.js';
import { exercisesWith, splitOptions } from '../../src/cli/trainCommand.js';
import type { TrainingOptions } from '../../src/cli/run.js';
import { reviewDrill } from '../../src/domain/training/drill.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { attempt, checkpoint } from '../domain/training/fixtures.js';
import { useTempDirs } from '../store/helpers.js';

const tempDir = useTempDirs();
const HOUR = 3_600_000;

/** A data directory where Boris missed R-TERM-2 `hoursAgo` hours ago (on the program clock). */
function borisMissed(hoursAgo: number): string {
  const dir = tempDir();
  const store = SqliteStore.open(join(dir, 'kiosk.db'));
  const missed = attempt('Boris', 'TERM-CHANGE-TO-PHONE', [checkpoint('path', 'R-TERM-1', true), checkpoint('change', 'R-TERM-2', false)]);
  store.recordTrainingAttempt(missed, reviewDrill([], missed, Date.now() - hoursAgo * HOUR));
  store.close();
  return dir;
}

async function drill(...args: string[]) {
  let out = '';
  const started: Array<{ argv: string[]; training: TrainingOptions }> = [];
  const deps: DrillDeps = { exercisesWith, splitOptions, startKiosk: async (argv, training) => (started.push({ argv, training }), 0) };
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  try {
    return { code: await runTrainDrill(args, deps), out, started };
  } finally {
    stdout.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('kiosk train drill', () => {
  it('R-TERM-2: a rule missed an hour ago is due: the place opens on the shortest exercises that check it', async () => {
    const dir = borisMissed(1);
    const { code, started } = await drill('--trainee', 'Boris', '--data-dir', dir, '--lang', 'en');
    expect(code).toBe(0);
    expect(started).toHaveLength(1);
    const { argv, training } = started[0]!;
    expect(argv).toEqual(['--data-dir', dir, '--lang', 'en']);
    expect(training).toMatchObject({ trainee: 'Boris', exam: false, drillRules: ['R-TERM-2'] });
    expect(training.exercises.length).toBeGreaterThan(0);
    for (const exercise of training.exercises) expect(exercise.checkpoints.some((c) => c.rule === 'R-TERM-2')).toBe(true);
  });

  it('--list prints what is due and the exercises picked, and starts nothing', async () => {
    const { code, out, started } = await drill('--trainee', 'Boris', '--list', '--data-dir', borisMissed(1));
    expect({ code, started }).toEqual({ code: 0, started: [] });
    expect(out).toMatch(/^Boris: due now: R-TERM-2\n {2}[A-Z-]+ {2}R-TERM-2/);
  });

  it('a rule missed a moment ago is not due yet: it says when; a trainee with no miss has no drill', async () => {
    const dir = borisMissed(0);
    const soon = await drill('--trainee', 'Boris', '--data-dir', dir);
    expect(soon.started).toEqual([]);
    expect(soon.out).toMatch(/^Boris: nothing due now; next R-TERM-2 on \d{4}-\d\d-\d\d \d\d:\d\d UTC\n$/);
    const anna = await drill('--trainee', 'Anna', '--data-dir', dir);
    expect(anna.out).toMatch(/^Anna: no missed rule yet/);
  });

  it('--trainee is required', async () => {
    await expect(drill('--data-dir', tempDir())).rejects.toThrow('--trainee NAME');
  });
});
