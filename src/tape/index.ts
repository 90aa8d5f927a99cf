/**
 * The tape library: parse, check and run `.tape` files in-process, or drive the engine step by
 * step from a test.
 *
 *   const result = await runTape('test/tapes/terminal/pay-4750-with-5000.tape');
 *   const engine = await TapeEngine.fromSource('Set Lang en\nOrder 1000000123 amount 4750.00 phone +79161234567');
 *   await engine.exec('Press "Other services"');
 */
export { runTape, type RunTapeOptions, type StepResult, type TapeInput, type TapeResult } from './run/runTape.js';
export { TapeEngine, TapeStepError, type EngineOptions } from './run/engine.js';
export { EXIT_CODES, StepFailure, type FailureKind, type TapeFailure } from './run/failure.js';
export { formatFailure } from './reports/formatFailure.js';
export { checkTape, parseTape, TapeSyntaxError } from './language/parse.js';
export type { Step, Tape, TextMatcher } from './language/ast.js';
export { DEFAULT_CLOCK_ISO } from './run/runSetup.js';
