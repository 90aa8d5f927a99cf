/**
 * The outbox forwarder's retry flags (issue 20): how long a terminal on a registry waits before it
 * tries the registry again after a failed forward, doubling up to a longest wait (README: Salon).
 */
import { DEFAULT_BACKOFF, type BackoffOptions } from '../store/outboxForwarder.js';

export const FORWARD_FLAGS = {
  'forward-retry': { type: 'string' },
  'forward-retry-max': { type: 'string' },
} as const;

export const FORWARD_HELP = `  --forward-retry 1s              on a registry: the first wait before sending
                                  again a payment it did not take; doubled after
                                  each failure
  --forward-retry-max 60s         the longest of those waits`;

/**
 * The backoff the flags ask for. `parseDuration` is the kiosk's timeout parser (1 s to 24 h) and
 * `usage` makes its usage error: both come from args.ts, which imports this file.
 */
export function parseForwardFlags(values: Record<string, unknown>, parseDuration: (flag: string, text: string) => number, usage: (message: string) => Error): BackoffOptions {
  const first = values['forward-retry'];
  const longest = values['forward-retry-max'];
  const firstDelayMs = typeof first === 'string' ? parseDuration('forward-retry', first) : DEFAULT_BACKOFF.firstDelayMs;
  const maxDelayMs = typeof longest === 'string' ? parseDuration('forward-retry-max', longest) : Math.max(DEFAULT_BACKOFF.maxDelayMs, firstDelayMs);
  if (maxDelayMs < firstDelayMs) {
    throw usage(`--forward-retry-max: the longest wait cannot be shorter than the first (--forward-retry ${typeof first === 'string' ? first : '1s'}), got "${String(longest)}"`);
  }
  return { firstDelayMs, maxDelayMs };
}
