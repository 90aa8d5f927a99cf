/** `kiosk --forward-retry … --forward-retry-max … --registry-probe … --registry-probe-timeout …`: the outbox forwarder's waits and the registry's probe (issue 20). */
import { describe, expect, it } from 'vitest';
import { parseRunArgs, UsageError } from '../../src/cli/args.js';
import { FORWARD_HELP } from '../../src/cli/forwardArgs.js';
import { USAGE } from '../../src/cli/help.js';
import { DEFAULT_BACKOFF } from '../../src/store/outboxForwarder.js';
import { DEFAULT_PROBE_MS, DEFAULT_PROBE_TIMEOUT_MS } from '../../src/store/registryProbe.js';

describe('kiosk forward retry flags', () => {
  it('default: 1 s, doubling up to 60 s', () => {
    expect(parseRunArgs([], {}).forwardRetry).toEqual(DEFAULT_BACKOFF);
    expect(DEFAULT_BACKOFF).toEqual({ firstDelayMs: 1_000, maxDelayMs: 60_000 });
  });

  it('the first wait and the longest, in the timeouts\' words', () => {
    expect(parseRunArgs(['--forward-retry', '5s', '--forward-retry-max', '10m'], {}).forwardRetry).toEqual({ firstDelayMs: 5_000, maxDelayMs: 600_000 });
    expect(parseRunArgs(['--forward-retry-max', '2s'], {}).forwardRetry).toEqual({ firstDelayMs: 1_000, maxDelayMs: 2_000 });
    // a first wait above the default longest raises the longest to it, rather than refusing a lone flag
    expect(parseRunArgs(['--forward-retry', '2m'], {}).forwardRetry).toEqual({ firstDelayMs: 120_000, maxDelayMs: 120_000 });
  });

  it('refuses a bad duration and a longest wait shorter than the first, naming the value', () => {
    expect(() => parseRunArgs(['--forward-retry', 'soon'], {})).toThrow(UsageError);
    expect(() => parseRunArgs(['--forward-retry', 'soon'], {})).toThrow('--forward-retry: expected a duration from 1s to 24h like 30s, 2m or 1500ms, got "soon"');
    expect(() => parseRunArgs(['--forward-retry-max', '0s'], {})).toThrow('--forward-retry-max: expected a duration');
    expect(() => parseRunArgs(['--forward-retry', '30s', '--forward-retry-max', '10s'], {}))
      .toThrow('--forward-retry-max: the longest wait cannot be shorter than the first (--forward-retry 30s), got "10s"');
  });

  it('are in --help, each of their lines within 80 columns', () => {
    for (const flag of ['--forward-retry 1s', '--forward-retry-max 60s', '--registry-probe 5s', '--registry-probe-timeout 3s']) expect(USAGE).toContain(flag);
    for (const line of FORWARD_HELP.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it('--registry-probe: every 5 s by default, a duration in the timeouts\' words, a bad one named', () => {
    expect(parseRunArgs([], {}).registryProbeMs).toBe(DEFAULT_PROBE_MS);
    expect(DEFAULT_PROBE_MS).toBe(5_000);
    expect(parseRunArgs(['--registry-probe', '30s'], {}).registryProbeMs).toBe(30_000);
    expect(() => parseRunArgs(['--registry-probe', 'often'], {})).toThrow('--registry-probe: expected a duration from 1s to 24h like 30s, 2m or 1500ms, got "often"');
  });

  it('--registry-probe-timeout: a probe waits 3 s for its answer by default, a duration in the timeouts\' words, a bad one named', () => {
    expect(parseRunArgs([], {}).registryProbeTimeoutMs).toBe(DEFAULT_PROBE_TIMEOUT_MS);
    expect(DEFAULT_PROBE_TIMEOUT_MS).toBe(3_000);
    expect(parseRunArgs(['--registry-probe-timeout', '10s'], {}).registryProbeTimeoutMs).toBe(10_000);
    expect(() => parseRunArgs(['--registry-probe-timeout', 'never'], {})).toThrow('--registry-probe-timeout: expected a duration from 1s to 24h like 30s, 2m or 1500ms, got "never"');
  });
});
