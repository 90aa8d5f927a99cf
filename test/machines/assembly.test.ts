/**
 * One factory assembles the terminal (src/app/session.ts `startTerminal`): the real kiosk passes it
 * its session owner, crash checkpoints and session ids, and so do the tapes, the bench and the tests.
 */
import { expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import { startTerminal } from '../../src/app/session.js';
import { seedDemo } from '../../src/domain/orders/demo.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import { insert, settle, toCash } from './terminalDriver.js';
import { asyncStore } from '../../src/domain/asyncStore.js';

it('startTerminal wires what the real kiosk passes: the owner on the cash session, the checkpoints, the session ids, onPayment', async () => {
  const clock = new SimulatedClock();
  clock.set(Date.UTC(2026, 10, 22, 7));
  const store = new MemoryStore();
  seedDemo(store, clock.now());
  const points: string[] = [];
  const paid: string[] = [];
  const owner = { host: 'kiosk-host', pid: 4242 };
  const t = startTerminal({
    store: asyncStore(store), clock, lang: 'en', terminalId: 'T-9', owner, checkpoint: (point) => void points.push(point),
    newSessionId: () => 'the-session', onPayment: ({ receipt }) => void paid.push(receipt.code),
  });
  await settle(t);
  await toCash(t, '1000000001');
  await insert(t, 1000);
  expect(store.unfinishedSessions('T-9')).toEqual([expect.objectContaining({ id: 'the-session', terminalId: 'T-9', owner, notes: [1000] })]);
  t.send({ type: 'quit.request' });
  t.send({ type: 'quit.request' });
  await settle(t);
  expect(points).toEqual(['journal:before', 'journal:after', 'payment:before', 'payment:after']);
  expect(paid).toEqual(['1000000001']);
  expect(t.getSnapshot().matches({ flow: 'closed' })).toBe(true);
});
