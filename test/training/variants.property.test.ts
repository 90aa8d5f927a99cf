/**
 * Seeded variants (issue 18), the property: every built-in exercise, over seeds 1 … TRAINING_SEEDS
 * (default 20, or 200 with KIOSK_HEAVY=1), played by its perfect trainee (its `…-perfect.tape`, with `seed N` on its Train
 * line) gets full marks every time. The tapes run in process without Ink (`headless`: keys straight
 * to the App's key feed), so their screen-only checks (`Expect "…"`) are left out; every action,
 * `Say`, `ExpectOrder`, `ExpectBalance` and `ExpectScore` runs. Seeds that draw the same values are
 * the same attempt, so each distinct draw is played once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AttemptRecord } from '../../src/domain/training/attempt.js';
import { drawValues, varies, variantOf } from '../../src/domain/training/variant.js';
import { builtInExercises } from '../../src/training/load.js';
import { runTape } from '../../src/tape/run/runTape.js';
import { trials } from '../heavy.js';

const SEEDS = Number(process.env.TRAINING_SEEDS ?? trials(20, 200));
const TAPES = join(import.meta.dirname, '..', 'tapes', 'training');

function perfectTapes(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return perfectTapes(full);
    return entry.name.endsWith('-perfect.tape') ? [full] : [];
  });
}

/** exercise id → its perfect trainee's tape text */
const PERFECT = new Map(
  perfectTapes(TAPES).map((file) => {
    const source = readFileSync(file, 'utf8');
    return [/^Train (\S+)/m.exec(source)?.[1] ?? '', source] as const;
  }),
);

/** The tape on this seed, without the lines that only read the screen (a headless run draws none). */
const seeded = (source: string, seed: number): string =>
  source
    .split('\n')
    .filter((line) => !/^Expect\s+["/]/.test(line))
    .map((line) => (/^Train /.test(line) ? `${line} seed ${seed}` : line))
    .join('\n');

/** Seeds 1 … SEEDS, one for each distinct draw. */
function distinctSeeds(exercise: Parameters<typeof drawValues>[0]): Map<string, number> {
  const seeds = new Map<string, number>();
  for (let seed = 1; seed <= SEEDS; seed++) {
    const key = JSON.stringify(drawValues(exercise, seed));
    if (!seeds.has(key)) seeds.set(key, seed);
  }
  return seeds;
}

const EXERCISES = builtInExercises();
const VARIED = EXERCISES.filter(varies);

describe(`seeded variants: the perfect trainee over ${SEEDS} seeds`, () => {
  it('the property runs 20 seeds in npm test (200 with KIOSK_HEAVY=1), and some built-in exercises draw their numbers', () => {
    expect(SEEDS).toBeGreaterThanOrEqual(process.env.TRAINING_SEEDS ? 1 : trials(20, 200));
    expect(VARIED.length).toBeGreaterThanOrEqual(5);
  });

  it('every varied exercise has a perfect trainee tape, and its seeds do draw different numbers', () => {
    for (const exercise of VARIED) {
      expect(PERFECT.has(exercise.id), exercise.id).toBe(true);
      if (SEEDS >= 20) expect(distinctSeeds(exercise).size, exercise.id).toBeGreaterThan(1);
    }
  });

  it('every seed keeps each question with one right answer and distinct options (the texts stay apart once filled)', () => {
    for (const exercise of EXERCISES) {
      for (let seed = 1; seed <= SEEDS; seed++) {
        const variant = variantOf(exercise, seed);
        for (const question of variant.say) {
          const texts = question.options.map((o) => o.text.en);
          expect(new Set(texts).size, `${exercise.id} seed ${seed} ${question.id}`).toBe(texts.length);
        }
        expect(JSON.stringify(variant), `${exercise.id} seed ${seed}`).not.toMatch(/\{[A-Za-z_]\w*\}/);
      }
    }
  });

  it.each(VARIED.map((e) => [e.id]))('%s: full marks on every seed', async (id) => {
    const source = PERFECT.get(id) as string;
    const exercise = VARIED.find((e) => e.id === id);
    if (!exercise) throw new Error(`no exercise ${id}`);
    for (const [values, seed] of distinctSeeds(exercise)) {
      const saved: AttemptRecord[] = [];
      const result = await runTape({ source: seeded(source, seed), file: `${id}-seed-${seed}.tape` }, { headless: true, saveAttempt: (r) => void saved.push(r) });
      const why = `seed ${seed} (${values}): ${result.failure?.message ?? ''} ${result.failure?.details.join(' ') ?? ''}`;
      expect(result.failure, why).toBeNull();
      expect(saved.map((r) => [r.score, r.seed]), why).toEqual([[saved[0]?.maxScore, seed]]);
    }
  }, 120_000);
});
