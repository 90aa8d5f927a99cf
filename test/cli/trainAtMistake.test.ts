/** `kiosk train replay ATTEMPT --at-mistake` (issue 18): the first mistake's key, rule and screens, as text. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AttemptRecord } from '../../src/domain/training/attempt.js';
import { runTape } from '../../src/tape/run/runTape.js';
import { storeWith, train } from './trainHelpers.js';

const RIGHT = 'Say "\\"Other services\\" at the bottom right → \\"Products by catalogs\\" → \\"Aliexpress\\""';
const TAPE = `Train TERM-PATH as "Boris"\nSet Lang en\n\nLaunch\n${RIGHT}\nType " 1"\n`;

async function borisAttempt(): Promise<AttemptRecord> {
  let record: AttemptRecord | null = null;
  await runTape({ source: `${TAPE}ExpectScore 30\n`, file: 'boris.tape' }, { saveAttempt: (r) => void (record = { ...r, id: 'a-boris-1', tape: TAPE }) });
  return record!;
}

afterEach(() => vi.restoreAllMocks());

describe('kiosk train replay --at-mistake', () => {
  it('R-TERM-1: prints the rule, the key pressed and the screens before and after', async () => {
    const dir = storeWith([await borisAttempt()]);
    const { code, out, err } = await train('replay', 'a-boris-1', '--at-mistake', '--data-dir', dir);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^Boris: TERM-PATH \(a-boris-1\): the first mistake at 0:00$/);
    expect(lines).toContain("Rule:    R-TERM-1 · Don't go into Mobile");
    expect(lines).toContain('Key:     Type "1"');
    const before = out.slice(out.indexOf('Before (kiosk.menu):'), out.indexOf('After:'));
    expect(before).toContain('Choose a service');
    expect(out.slice(out.indexOf('After:'))).not.toContain('Choose a service');
  });

  it('an attempt with no mistake exits 1 saying so; --cast does not go with it', async () => {
    const boris = await borisAttempt();
    const clean = { ...boris, checkpoints: boris.checkpoints.map((c) => ({ ...c, passed: true, earned: c.points })), score: 100 };
    const dir = storeWith([clean]);
    expect(await train('replay', 'a-boris-1', '--at-mistake', '--data-dir', dir)).toMatchObject({ code: 1, err: 'kiosk train replay: attempt a-boris-1 has no mistake: every checkpoint passed\n' });
    expect((await train('replay', 'a-boris-1', '--at-mistake', '--cast', 'x.cast', '--data-dir', dir)).code).toBe(2);
  });
});
