/**
 * Forwards a terminal's outbox to the registry (issue 20): at start, before the first customer,
 * and again after each failure, waiting longer each time (doubling, capped) on the program's timers,
 * never inside a machine. One pass at a time; a pass stops at the first payment the registry
 * cannot take, so the outbox goes in the terminal's order.
 */
import type { JournaledRegistry } from './journaledRegistry.js';

export interface ForwardTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

export interface BackoffOptions {
  /** [choice] the first retry's wait after a failed pass (README: Salon) */
  firstDelayMs: number;
  /** [choice] the longest wait between two passes */
  maxDelayMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { firstDelayMs: 1_000, maxDelayMs: 60_000 };

export interface PassResult {
  forwarded: number;
  /** payments still in the outbox */
  left: number;
}

export class OutboxForwarder {
  private failures = 0;
  private timer: unknown = null;
  private running: Promise<PassResult> | null = null;
  private stopped = false;

  constructor(
    private readonly journaled: JournaledRegistry,
    private readonly timers: ForwardTimers,
    private readonly backoff: BackoffOptions = DEFAULT_BACKOFF,
  ) {}

  /** One pass over the outbox, oldest first; a pass already under way is shared. */
  pass(): Promise<PassResult> {
    this.running ??= this.forwardAll().finally(() => (this.running = null));
    return this.running;
  }

  /** A pass now, and while payments are left, another after the backoff's wait. */
  async run(): Promise<PassResult> {
    this.cancel();
    const result = await this.pass();
    if (result.left === 0) this.failures = 0;
    else this.retryLater();
    return result;
  }

  /** the next pass after the backoff's wait (no-op when one is already planned) */
  retryLater(): void {
    if (this.stopped || this.timer !== null) return;
    const wait = Math.min(this.backoff.maxDelayMs, this.backoff.firstDelayMs * 2 ** this.failures);
    this.failures++;
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      void this.run().catch(() => this.retryLater());
    }, wait);
  }

  /** passes planned after a failure so far (the backoff's exponent) */
  get failuresSoFar(): number {
    return this.failures;
  }

  stop(): void {
    this.stopped = true;
    this.cancel();
  }

  private cancel(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private async forwardAll(): Promise<PassResult> {
    const waiting = this.journaled.journal.outbox();
    let forwarded = 0;
    for (const payment of waiting) {
      try {
        await this.journaled.forward(payment.entry.session.id);
      } catch {
        break;
      }
      forwarded++;
    }
    return { forwarded, left: waiting.length - forwarded };
  }
}
