/**
 * The tape corpus (test/tapes/*.tape), each played in-process on a simulated clock. A test's name
 * starts with the rule IDs its tape's first comment line names, so `grep -r R-TERM-3 test/` finds it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFailure, runTape } from '../src/tape/index.js';

const DIR = join(import.meta.dirname, 'tapes');
const TAPES = readdirSync(DIR).filter((f) => f.endsWith('.tape')).sort();

/** `R-TERM-1 R-TERM-2: pay-4750.tape — what it shows`, from the tape's first line. */
function testName(file: string): string {
  const first = readFileSync(join(DIR, file), 'utf8').split('\n')[0] ?? '';
  const rules = [...new Set(first.match(/R-[A-Z]+-\d+/g) ?? [])];
  const summary = first.replace(/^#\s*/, '').replace(/^(R-[A-Z]+-\d+[\s,]*)+:?\s*/, '');
  return `${rules.length > 0 ? `${rules.join(' ')}: ` : ''}${file} — ${summary}`;
}

describe('tape corpus', () => {
  it('has tapes to run', () => {
    expect(TAPES.length).toBeGreaterThanOrEqual(15);
  });

  for (const file of TAPES) {
    it(testName(file), async () => {
      const result = await runTape(join(DIR, file));
      if (result.failure) expect.fail(formatFailure(result.failure));
      expect(result.status).toBe('passed');
      expect(result.steps.length).toBe(result.totalSteps);
    });
  }
});
