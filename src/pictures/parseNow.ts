/**
 * Lets a headless xterm parse output now. Its public `write()` parses on a later timer tick (at least
 * 1 ms in Node), which for the report's ~950 frames, or a tape's every screen read, is mostly waiting;
 * xterm's core has a synchronous write (not in the public API, hence the check and the fallback).
 * Our output is Ink's frames: no sequence that needs xterm's asynchronous handlers.
 */
import type xtermHeadless from '@xterm/headless';

type HeadlessTerminal = InstanceType<typeof xtermHeadless.Terminal>;
interface SyncCore {
  writeSync(data: string): void;
}

function syncCoreOf(terminal: HeadlessTerminal): SyncCore | null {
  const core = (terminal as unknown as { _core?: Partial<SyncCore> })._core;
  return core && typeof core.writeSync === 'function' ? (core as SyncCore) : null;
}

/** Parses `data` into the terminal; resolves once its buffer shows it. */
export function parseNow(terminal: HeadlessTerminal, data: string): Promise<void> {
  const core = syncCoreOf(terminal);
  if (!core) return new Promise<void>((resolve) => terminal.write(data, resolve));
  core.writeSync(data);
  return Promise.resolve();
}

/** Options for a terminal that `parseNow` writes to: xterm warns once on a synchronous write otherwise. */
export const QUIET = { logLevel: 'off' } as const;
