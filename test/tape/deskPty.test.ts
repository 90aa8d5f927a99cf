/**
 * Desk tapes under `--pty`, against the built dist/kiosk.js (npm test builds it first): the test
 * channel carries the desk's view as it carries the terminal's, so `Press`, `ExpectState`, `Insert`
 * and `Set Role` (before Launch, and as a step) work at the cashier and the Post in a real pseudo-terminal.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTapeInPty } from '../../src/tape/drivers/ptyDriver.js';
import { formatFailure } from '../../src/tape/index.js';

const CASHIER = join(import.meta.dirname, '..', 'tapes', 'cashier');

describe('desk tapes under --pty', () => {
  for (const tape of ['demo-1000000003-at-cashier-en.tape', 'role-cashier-till.tape', 'till-sent-for-the-code-en.tape']) {
    it(`R-CASH-1: ${tape} passes in a pseudo-terminal`, async () => {
      const result = await runTapeInPty(join(CASHIER, tape));
      if (result.failure) expect.fail(formatFailure(result.failure));
      expect(result.steps.length).toBe(result.totalSteps);
    }, 60_000);
  }
});
