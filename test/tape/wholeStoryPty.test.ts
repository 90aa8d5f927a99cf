/**
 * The whole-story tapes with `--pty`, against the built dist/kiosk.js (npm test builds it first):
 * `Remember` reads the SMS from the program's data directory and the screen from the pty, and the
 * tape's clock moves with the program's, so `ExpectOrder … credited` and `Cancel` after `Advance 2d`
 * see the same time the program does.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTapeInPty } from '../../src/tape/drivers/ptyDriver.js';
import { formatFailure } from '../../src/tape/index.js';

const ORDER_LIFE = join(import.meta.dirname, '..', 'tapes', 'order-life');

describe('tapes with variables and days of processing under --pty', () => {
  for (const tape of ['whole-story.tape', 'whole-story-ru.tape', 'order-processing-2-days.tape']) {
    it(`R-CODE-6: ${tape} passes in a pseudo-terminal`, async () => {
      const result = await runTapeInPty(join(ORDER_LIFE, tape));
      if (result.failure) expect.fail(formatFailure(result.failure));
      expect(result.steps.length).toBe(result.totalSteps);
      expect(result.simulatedMs).toBeGreaterThanOrEqual(48 * 3_600_000);
    }, 60_000);
  }
});
