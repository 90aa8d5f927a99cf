/**
 * The outbox forwarder's retry flags (issue 20): how long a terminal on a registry waits before it
 * tries the registry again after a failed forward, doubling up to a longest wait (README: Salon);
 * and how often it probes the registry (out of service while it is out of reach).
 */
import { DEFAULT_BACKOFF, type BackoffOptions } from '../store/outboxForwarder.js';
import { DEFAULT_PROBE_MS, DEFAULT_PROBE_TIMEOUT_MS } from '../store/registryProbe.js';

export const FORWARD_FLAGS = {
  'forward-retry': { type: 'string' },
  'forward-retry-max': { type: 'string' },
  'registry-probe': { type: 'string' },
  'registry-probe-timeout': { type: 'string' },
} as const;

export const FORWARD_HELP = `  --forward-retry 1s              on a registry: the first wait before sending
                                  again a payment it did not take; doubled after
                                  each failure
  --forward-retry-max 60s         the longest of those waits
  --registry-probe 5s             on a registry: how often the terminal asks it
                                  whether it is within reach (out of service
                                  while it is not, back by itself)
  --registry-probe-timeout 3s     how long it waits for the answer: none in
                                  time is out of reach too`;

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

/** `--registry-probe DURATION`: the wait between two probes of the registry (1 s to 24 h; default 5 s). */
export function parseProbeFlag(values: Record<string, unknown>, parseDuration: (flag: string, text: string) => number): number {
  const text = values['registry-probe'];
  return typeof text === 'string' ? parseDuration('registry-probe', text) : DEFAULT_PROBE_MS;
}

/** `--registry-probe-timeout DURATION`: how long a probe waits for the registry's answer (1 s to 24 h; default 3 s). */
export function parseProbeTimeoutFlag(values: Record<string, unknown>, parseDuration: (flag: string, text: string) => number): number {
  const text = values['registry-probe-timeout'];
  return typeof text === 'string' ? parseDuration('registry-probe-timeout', text) : DEFAULT_PROBE_TIMEOUT_MS;
}
