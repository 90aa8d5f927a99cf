/**
 * The tape corpus (every *.tape under test/tapes/, grouped by place), each played in-process on a simulated clock. A test's name
 * starts with the rule IDs its tape's first comment line names, so `grep -r R-TERM-3 test/` finds it.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTapes } from '../../src/tape/files.js';
import { runTape as runLibraryTape } from 'aliexpress-kiosk/tape';
import { formatFailure, runTape } from '../../src/tape/index.js';

const DIR = join(import.meta.dirname, '..', 'tapes');
const TAPES = findTapes(DIR).map((path) => relative(DIR, path));

/** `R-TERM-1 R-TERM-2: pay-4750.tape — what it shows`, from the tape's first line. */
function testName(file: string): string {
  const first = readFileSync(join(DIR, file), 'utf8').split('\n')[0] ?? '';
  const rules = [...new Set(first.match(/R-[A-Z]+-\d+/g) ?? [])];
  const summary = first.replace(/^#\s*/, '').replace(/^(R-[A-Z]+-\d+[\s,]*)+:?\s*/, '');
  return `${rules.length > 0 ? `${rules.join(' ')}: ` : ''}${file} — ${summary}`;
}

/** The README's tapes run as a reader's vitest test would run them: through the package's tape entry (dist/tape.js). */
describe('README', () => {
  const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');

  it('R-TERM-2: the tutorial tape in the README ("pay 4,750 ₽ with a 5,000 ₽ note") passes as written', async () => {
    const section = readme.slice(readme.indexOf('### A first tape'));
    const source = /```\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    expect(source).toContain('Insert 5000');
    const result = await runLibraryTape({ source, file: 'README.md' });
    if (result.failure) expect.fail(result.failure.text);
    expect(result.totalSteps).toBe(20);
  });
});

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
