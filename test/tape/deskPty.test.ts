/**
 * Desk tapes under `--pty`, against the built dist/kiosk.js (npm test builds it first): the test
 * channel carries the desk's view as it carries the terminal's, so `Press`, `ExpectState`, `Insert`
 * and `Set Role` (before Launch, and as a step) work at the cashier and the Post in a real pseudo-terminal.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTapeInPty } from '../../src/tape/drivers/ptyDriver.js';
import { formatFailure } from '../../src/tape/index.js';

const TAPES = join(import.meta.dirname, '..', 'tapes');

describe('desk tapes under --pty', () => {
  const tapes = ['cashier/demo-1000000003-at-cashier-en.tape', 'cashier/role-cashier-till.tape', 'cashier/till-sent-for-the-code-en.tape', 'cashier/till-post-sent-for-the-code-ru.tape', 'post/post-ru-80x24.tape'];
  for (const tape of tapes) {
    it(`R-CASH-1: ${tape} passes in a pseudo-terminal`, async () => {
      const result = await runTapeInPty(join(TAPES, tape));
      if (result.failure) expect.fail(formatFailure(result.failure));
      expect(result.steps.length).toBe(result.totalSteps);
    }, 60_000);
  }
});
