/**
 * The tape library: parse, check and run `.tape` files in-process, or drive the engine step by
 * step from a test.
 *
 *   const result = await runTape('test/tapes/pay-4750.tape');
 *   const engine = await TapeEngine.fromSource('Set Lang en\nOrder 1000000123 amount 4750.00 phone +79161234567');
 *   await engine.exec('Press "Other services"');
 */
export { runTape, type RunTapeOptions, type StepResult, type TapeInput, type TapeResult } from './runTape.js';
export { TapeEngine, TapeStepError, type EngineOptions } from './engine.js';
export { EXIT_CODES, formatFailure, StepFailure, type FailureKind, type TapeFailure } from './failure.js';
export { checkTape, parseTape, TapeSyntaxError } from './parse.js';
export type { Step, Tape, TextMatcher } from './ast.js';
export { DEFAULT_CLOCK_ISO } from './tapeSetup.js';
