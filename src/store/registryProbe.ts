/**
 * The terminal's probe of its registry (issue 20): one `SELECT 1` every few seconds on the program's
 * timers (never inside a machine), so that an idle kiosk learns the registry went out of reach, and
 * that it is back, before anyone types a code. The answer goes to the link (JournaledRegistry's
 * `onLink`), which tells the kiosk; a probe still waiting for the server is never doubled. A probe
 * not answered within its timeout is the registry out of reach: a network that drops packets
 * silently, or a server that stopped answering, would otherwise hold the probe until the OS gives up
 * on the connection (minutes: Linux retransmits for about 15).
 */
import type { ForwardTimers } from './outboxForwarder.js';

/** [choice] the wait between two probes (README: Salon, `--registry-probe`) */
export const DEFAULT_PROBE_MS = 5_000;

/** [choice] how long a probe waits for its answer (README: Salon, `--registry-probe-timeout`) */
export const DEFAULT_PROBE_TIMEOUT_MS = 3_000;

export class RegistryProbe {
  private timer: unknown = null;
  // Stryker disable next-line BooleanLiteral: equivalent, because start() sets it false before the first probe and stop() sets it true
  private stopped = false;

  constructor(
    /** one round trip, failing (the link lost) when no answer comes within `timeoutMs` */
    private readonly probe: (timeoutMs: number) => Promise<void>,
    private readonly timers: ForwardTimers,
    private readonly intervalMs: number = DEFAULT_PROBE_MS,
    private readonly timeoutMs: number = DEFAULT_PROBE_TIMEOUT_MS,
  ) {}

  /** the first probe after one interval, then one interval after each answer */
  start(): void {
    this.stopped = false;
    this.next();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private next(): void {
    if (this.stopped) return;
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      // the link keeps the answer; a failure here is only the registry out of reach, said there
      void this.probe(this.timeoutMs).catch(() => undefined).finally(() => this.next());
    }, this.intervalMs);
  }
}
