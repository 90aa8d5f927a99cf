/** `kiosk tape run --pty`: the same tape, against the built program in a pseudo-terminal. */
import { PtyDriver } from './ptyDriver.js';
import { runTape, type RunTapeOptions, type TapeInput, type TapeResult } from '../run/runTape.js';

/** Real time a pty step may take: the program starts in a few hundred milliseconds, on a busy machine more. */
const PTY_STEP_TIMEOUT_MS = 20_000;

export function runTapeInPty(input: TapeInput, options: RunTapeOptions = {}): Promise<TapeResult> {
  return runTape(input, { stepTimeoutMs: PTY_STEP_TIMEOUT_MS, ...options, driver: (setup) => PtyDriver.create(setup) });
}
