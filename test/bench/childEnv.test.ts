/**
 * The benchmark's children start without the machine's NODE_EXTRA_CA_CERTS (node would parse the CA
 * bundle before any JavaScript, a constant both programs of row 1 pay) and without CI (Ink would draw
 * only the last frame); everything else of the environment reaches them.
 */
import { describe, expect, it } from 'vitest';
import { childEnv } from '../../src/bench/pty.js';

describe('the benchmark children environment', () => {
  it('leaves out NODE_EXTRA_CA_CERTS and CI, keeps the rest, on an xterm with colours', () => {
    const env = childEnv({ NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt', CI: 'true', CONTINUOUS_INTEGRATION: '1', LANG: 'C.UTF-8', PATH: '/usr/bin' });
    expect(env).toEqual({ LANG: 'C.UTF-8', PATH: '/usr/bin', TERM: 'xterm-256color', FORCE_COLOR: '1' });
  });

  it('keeps NODE_EXTRA_CA_CERTS when told to (`--keep-ca-certs`), never CI', () => {
    const env = childEnv({ NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt', CI: 'true' }, ['NODE_EXTRA_CA_CERTS']);
    expect(env).toEqual({ NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt', TERM: 'xterm-256color', FORCE_COLOR: '1' });
  });
});
