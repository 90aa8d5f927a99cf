/** The --pty test channel's requests: sync, advance, and an event sent past the keyboard (Set Role, the till's Customer/Give). */
import { describe, expect, it } from 'vitest';
import { CHANNEL_END, CHANNEL_PREFIX, decodeRequest, encodeRequest, type ChannelRequest } from '../../src/tape/drivers/testChannel.js';

const body = (request: ChannelRequest) => encodeRequest(request).slice(CHANNEL_PREFIX.length, -CHANNEL_END.length);

describe('the test channel', () => {
  it('carries sync, advance and send requests through unchanged', () => {
    const requests: ChannelRequest[] = [
      { id: 1, kind: 'sync' },
      { id: 2, kind: 'advance', ms: 1500 },
      { id: 3, kind: 'send', to: 'world', event: { type: 'desk.setRole', role: 'cashier' } },
      { id: 4, kind: 'send', to: 'desk', event: { type: 'till.give', face: '0.50' } },
    ];
    for (const request of requests) expect(decodeRequest(body(request))).toEqual(request);
  });

  it('refuses a send to anything but the world or the desk, or without an event type', () => {
    const send = (value: unknown) => `5;send=${Buffer.from(JSON.stringify(value)).toString('base64')}`;
    expect(decodeRequest(send({ to: 'terminal', event: { type: 'x' } }))).toBeNull();
    expect(decodeRequest(send({ to: 'desk', event: {} }))).toBeNull();
  });
});
