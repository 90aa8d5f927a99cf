/**
 * Fault injection for the crash tests, and nothing else: `KIOSK_TEST_CRASH_AT=journal:after:3` makes
 * the process SIGKILL itself the 3rd time it reaches the point `journal:after`. Read here, in the
 * adapter layer, never by the machines. Points:
 *   journal:before|during|after    around/inside the write of one accepted banknote
 *   hold:before|during|after       around/inside the write of the note a jammed acceptor holds
 *   payment:before|during|after    around/inside the payment transaction (Pay or timeout)
 *   recovery:before|during|after   the same for a payment finished by recovery on start
 *   receipt:during|after           inside/after storing the printed receipt text
 *   order:before|during|after      around/inside placing a site order with its code SMS (during: between the two)
 *   training:before|during|after   around/inside keeping a training attempt (during: after the attempt, before its checkpoints)
 *   forward:before|during|after    a terminal on a registry (issue 20): after its journal's commit, before the
 *                                  forward; after the registry's commit, before the journal marks it; after both
 * "during" points are inside the SQLite transaction, before COMMIT.
 */
import type { Checkpoint } from '../domain/store.js';

const SPEC = /^(journal|hold|payment|recovery|receipt|order|training|forward):(before|during|after)(?::(\d+))?$/;

export const noCheckpoint: Checkpoint = () => {};

/** The hook named by the environment, or a no-op; a malformed value is an error naming it. */
export function crashHookFromEnv(env: NodeJS.ProcessEnv = process.env, kill = () => process.kill(process.pid, 'SIGKILL')): Checkpoint {
  const text = env.KIOSK_TEST_CRASH_AT;
  if (!text) return noCheckpoint;
  const match = SPEC.exec(text);
  if (!match) throw new Error(`KIOSK_TEST_CRASH_AT: expected POINT:WHEN[:N] like journal:after:3, got "${text}"`);
  const point = `${match[1]}:${match[2]}`;
  const nth = Number(match[3] ?? 1);
  let seen = 0;
  return (reached) => {
    if (reached === point && ++seen === nth) kill();
  };
}
