/**
 * While a note is in escrow (being journaled) whatever else arrives waits in the cash session's own
 * queue, with no bound, and is taken in the order it came once the note is stacked.
 */
import { createActor } from 'xstate';
import { expect, it, vi } from 'vitest';
import { cashMachine } from '../../machines/terminal/cash.js';

function session() {
  const requestJournal = vi.fn();
  const actor = createActor(cashMachine.provide({ actions: { requestJournal } }), { input: { due: '4750.00', cap: '15000.00' } }).start();
  return { actor, requestJournal };
}

it('R-TERM-3: notes, Pay and a quit that arrive during escrow are taken in order, each note journaled before the next', () => {
  const { actor, requestJournal } = session();
  actor.send({ type: 'cash.inserted', note: 5000, condition: 'good' });
  expect(actor.getSnapshot().value).toBe('escrow');
  for (const note of [1000, 500]) actor.send({ type: 'cash.inserted', note, condition: 'good' });
  actor.send({ type: 'cash.pay' });
  actor.send({ type: 'quit.request' });
  expect(requestJournal).toHaveBeenCalledTimes(1);

  actor.send({ type: 'io.noteJournaled' });
  // the 1,000 note left the queue first: it is the one now being journaled
  expect(actor.getSnapshot().value).toBe('escrow');
  expect(actor.getSnapshot().context.pendingNote).toBe(1000);
  actor.send({ type: 'io.noteJournaled' });
  expect(actor.getSnapshot().context.pendingNote).toBe(500);
  expect(requestJournal).toHaveBeenCalledTimes(3);
  actor.send({ type: 'io.noteJournaled' });

  // then Pay, before the quit: the session ends paid by the customer with all three notes
  expect(actor.getSnapshot().status).toBe('done');
  expect(actor.getSnapshot().output).toMatchObject({ result: 'settled', ending: 'pay', notes: [5000, 1000, 500] });
});

it('a note over the cap that waited in the queue is still refused when its turn comes', () => {
  const { actor } = session();
  actor.send({ type: 'cash.inserted', note: 5000, condition: 'good' });
  for (const note of [5000, 5000, 5000]) actor.send({ type: 'cash.inserted', note, condition: 'good' });
  actor.send({ type: 'io.noteJournaled' });
  actor.send({ type: 'io.noteJournaled' });
  actor.send({ type: 'io.noteJournaled' });
  expect(actor.getSnapshot().context.notes).toEqual([5000, 5000, 5000]);
  expect(actor.getSnapshot().context.notice).toMatchObject({ kind: 'rejected', note: 5000, reason: 'limit' });
  expect(actor.getSnapshot().value).toBe('holding');
});
