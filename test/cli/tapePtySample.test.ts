/**
 * `--parity` on the corpus: a tape passes in-process and under `--pty` (the built dist/kiosk.js; npm
 * test builds it first) with the same state path after every step and the same frames at every
 * Snapshot and at the end. The whole corpus takes about 6 minutes on 2 cores (147 tapes, ~3 s each
 * under the pty), so `npm test` plays a fixed sample, the first tape of each place's folder that
 * --pty can run; KIOSK_HEAVY=1 plays every tape (README, "Heavy trials"). Tapes with `Fault` run
 * in-process only: src/tape/run/parity.ts lists them as skipped for parity.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTapes } from '../../src/tape/files.js';
import { formatFailure } from '../../src/tape/index.js';
import { parseTape } from '../../src/tape/language/parse.js';
import { parityBlocker, runParity } from '../../src/tape/run/parity.js';
import { HEAVY_FACTOR } from '../heavy.js';

const CORPUS = join(import.meta.dirname, '..', 'tapes');
const PLACES = readdirSync(CORPUS, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
const comparable = (file: string) => parityBlocker(parseTape(readFileSync(file, 'utf8'), file)) === null;

/** the first comparable tape of each place; every tape with KIOSK_HEAVY set */
const SAMPLE = HEAVY_FACTOR > 0 ? findTapes(CORPUS) : PLACES.map((place) => findTapes(join(CORPUS, place)).find(comparable) as string);

describe('the corpus under --parity: in-process and --pty alike', () => {
  it('the sample covers every place of the corpus', () => {
    expect(PLACES).toEqual(expect.arrayContaining(['cashier', 'mobile', 'order-life', 'phone', 'post', 'site', 'terminal', 'training']));
    for (const place of PLACES) expect(SAMPLE.some((file) => relative(CORPUS, file).startsWith(`${place}/`)), place).toBe(true);
  });

  for (const tape of SAMPLE) {
    it(relative(CORPUS, tape), async () => {
      const result = await runParity(tape);
      if (result.failure) expect.fail(formatFailure(result.failure));
      // a tape with Fault is played in-process only and says so; every other one is compared step by step
      expect(result.parity).toEqual(comparable(tape) ? { compared: result.totalSteps, ptyMs: expect.any(Number) as number, same: true } : { skipped: expect.any(String) as string });
    }, 120_000);
  }
});
