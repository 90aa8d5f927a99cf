/**
 * Debrief to the keystroke (issue 18): the first mistake of a recorded attempt, found by replaying its
 * tape, names the very key (a Type line is split into its keys), the rule, and the screens around it.
 */
import { describe, expect, it } from 'vitest';
import type { AttemptRecord } from '../../src/domain/training/attempt.js';
import { builtInExercises } from '../../src/training/load.js';
import { condensed, findMistakeMoment, firstMistake } from '../../src/training/mistakeMoment.js';
import { runTape } from '../../src/tape/run/runTape.js';

const RIGHT = 'Say "\\"Other services\\" at the bottom right → \\"Products by catalogs\\" → \\"Aliexpress\\""';
/** as the Training place records it: the answer, then the keys typed in one run ("1" is Mobile on the menu) */
const TAPE = `Train TERM-PATH as "Boris"\nSet Lang en\n\nLaunch\n${RIGHT}\nType " 1"\n`;

async function recorded(tape: string, score: number): Promise<AttemptRecord> {
  let record: AttemptRecord | null = null;
  // the engine the tapes run: the attempt it saves is what the Training place would have saved
  const result = await runTape({ source: `${tape}ExpectScore ${score}\n`, file: 'boris.tape' }, { saveAttempt: (r) => void (record = { ...r, tape }) });
  expect(result.failure).toBeNull();
  return record!;
}

describe('the moment of the first mistake', () => {
  it('R-TERM-1: names the key that went into Mobile, the rule, and the screens before and after it', async () => {
    const attempt = await recorded(TAPE, 30);
    expect(firstMistake(attempt)?.id).toBe('notMobile');
    const moment = await findMistakeMoment(attempt, builtInExercises());
    expect(moment).toMatchObject({ checkpointId: 'notMobile', rule: 'R-TERM-1', key: 'Type "1"', beforeStatePath: 'kiosk.menu' });
    expect(moment!.title.en).toBe("Don't go into Mobile");
    expect(moment!.prefix).toEqual([RIGHT, 'Type " "']);
    expect(moment!.before.join('\n')).toContain('Choose a service');
    expect(moment!.after.join('\n')).not.toContain('Choose a service');
    expect(condensed(moment!.before).length).toBeLessThan(moment!.before.length);
  });

  it('an attempt without mistakes has no moment', async () => {
    const clean = await recorded(`Train TERM-PATH as "Anna"\nSet Lang en\n\nLaunch\n${RIGHT}\n`, 60);
    expect(await findMistakeMoment({ ...clean, checkpoints: clean.checkpoints.map((c) => ({ ...c, passed: true, earned: c.points })) }, builtInExercises())).toBeNull();
  });
});
