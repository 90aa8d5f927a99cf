/**
 * One cash session (machines/terminal/cash.ts) driven on its own, each transition of the state table
 * at the top of the file read for where it goes, what it says and how the session ends. Written for
 * the survivors of its first mutation run (README "Mutation testing"): the model walk
 * (cash.model.test.ts) reaches these transitions too, but it is too slow for a mutation run.
 */
import { createActor } from 'xstate';
import { describe, expect, it, vi } from 'vitest';
import { cashMachine, type CashEvent, type CashInput } from '../../machines/terminal/cash.js';
import { DEFAULT_SKIN, QIWI } from '../../src/domain/skins/index.js';

const DUE = { due: '4750.00', cap: '15000.00' };

function session(input: CashInput = DUE) {
  const requestJournal = vi.fn();
  const actor = createActor(cashMachine.provide({ actions: { requestJournal } }), { input }).start();
  const send = (...events: CashEvent[]) => {
    for (const event of events) actor.send(event);
    return actor.getSnapshot();
  };
  return { actor, send, requestJournal };
}

const note = (value: number, condition: 'good' | 'worn' = 'good') => ({ type: 'cash.inserted', note: value, condition }) as const;
const journaled = { type: 'io.noteJournaled' } as const;
const failed = { type: 'io.journalFailed' } as const;
const timer = { type: 'timer.inactivity' } as const;
const quit = { type: 'quit.request' } as const;
const press = (id: string) => ({ type: 'nav.press', id }) as const;
/** a session holding one stacked note of `value` */
const holding = (value = 1000, input: CashInput = DUE) => {
  const s = session(input);
  s.send(note(value), journaled);
  return s;
};

describe('the states and their tags', () => {
  it('each screen of the session carries its tag; escrow none', () => {
    const { send } = session();
    expect([...send().tags]).toEqual(['cash.empty']);
    expect([...send(note(1000)).tags]).toEqual([]);
    expect([...send(journaled).tags]).toEqual(['cash.holding']);
    expect([...send(timer).tags]).toEqual(['cash.moreTime']);
    expect([...send({ type: 'moreTime.yes' }, quit).tags]).toEqual(['cash.quitAsk']);
  });

  it('the brand of the terminal is the given skin, Euroset when none is given (R-TERM-4)', () => {
    expect(session().actor.getSnapshot().context.skin).toBe(DEFAULT_SKIN);
    expect(session({ ...DUE, skin: QIWI }).actor.getSnapshot().context.skin).toBe(QIWI);
  });
});

describe('notes', () => {
  it('R-TERM-2: a note is journaled before it counts: escrow asks the parent, the stacked note says "accepted"', () => {
    const { send, requestJournal } = session();
    const inEscrow = send(note(5000));
    expect(inEscrow.value).toBe('escrow');
    expect(inEscrow.context).toMatchObject({ pendingNote: 5000, inserted: '0.00', notice: null });
    expect(requestJournal).toHaveBeenCalledTimes(1);
    const stacked = send(journaled);
    expect(stacked.value).toBe('holding');
    expect(stacked.context).toMatchObject({ notes: [5000], inserted: '5000.00', pendingNote: null, notice: { kind: 'accepted', note: 5000 } });
  });

  it('a note that cannot be journaled is handed back ("fault"): with nothing else in, to the empty screen', () => {
    const { send } = session();
    const back = send(note(5000), failed);
    expect(back.value).toBe('empty');
    expect(back.context).toMatchObject({ notes: [], inserted: '0.00', pendingNote: null, notice: { kind: 'rejected', note: 5000, reason: 'fault' } });
  });

  it('R-TERM-2: a note that cannot be journaled after others keeps the session holding what it had', () => {
    const { send } = holding(1000);
    const back = send(note(500), failed);
    expect(back.value).toBe('holding');
    expect(back.context).toMatchObject({ notes: [1000], inserted: '1000.00', pendingNote: null, notice: { kind: 'rejected', note: 500, reason: 'fault' } });
  });

  it('what waited behind a note that could not be journaled is still taken, in order', () => {
    const { send } = session();
    const after = send(note(5000), press('back'), failed);
    // Back waited in the queue and is taken on the empty screen the failure returned to
    expect(after.status).toBe('done');
    expect(after.output).toEqual({ result: 'cancelled', trigger: 'timeout', ending: 'back', notes: [] });
  });

  it('rejections come in the acceptor\'s order: not money, then worn, then over the cap, then a full cassette', () => {
    const { send } = holding(5000, { due: '4750.00', cap: '6000.00', room: 1 });
    expect(send(note(7, 'worn')).context.notice).toEqual({ kind: 'rejected', note: 7, reason: 'unknown' });
    expect(send(note(5000, 'worn')).context.notice).toEqual({ kind: 'rejected', note: 5000, reason: 'worn' });
    expect(send(note(5000)).context.notice).toEqual({ kind: 'rejected', note: 5000, reason: 'limit' });
    expect(send(note(1000)).context.notice).toEqual({ kind: 'rejected', note: 1000, reason: 'full' });
    expect(send().context).toMatchObject({ notes: [5000], inserted: '5000.00' });
  });

  it('R-TERM-3: a note that brings the total exactly to the cap is taken', () => {
    const { send } = holding(5000, { due: '4750.00', cap: '6000.00' });
    const at = send(note(1000), journaled);
    expect(at.context).toMatchObject({ notes: [5000, 1000], inserted: '6000.00', notice: { kind: 'accepted', note: 1000 } });
  });
});

describe('a full cassette (the session finishes, the next note is returned)', () => {
  it('a room of two takes two notes and returns the third', () => {
    const { send } = session({ ...DUE, room: 2 });
    send(note(100), journaled, note(100), journaled);
    expect(send(note(100)).context).toMatchObject({ notes: [100, 100], notice: { kind: 'rejected', note: 100, reason: 'full' } });
    expect(send().value).toBe('holding');
  });

  it('on the empty screen: the first note is returned', () => {
    const { send } = session();
    const full = send({ type: 'cassette.full' }, note(1000));
    expect(full.value).toBe('empty');
    expect(full.context).toMatchObject({ room: 0, notice: { kind: 'rejected', note: 1000, reason: 'full' } });
  });

  it('while holding: the notes in stay counted, the next is returned', () => {
    const { send } = holding(1000);
    const full = send({ type: 'cassette.full' }, note(1000));
    expect(full.context).toMatchObject({ room: 1, notes: [1000], notice: { kind: 'rejected', reason: 'full' } });
  });

  it('while a note is in escrow: that note is already in the cassette and is counted, the next is returned', () => {
    const { send } = holding(1000);
    send(note(500), { type: 'cassette.full' }, journaled);
    const full = send(note(100));
    expect(full.context).toMatchObject({ room: 2, notes: [1000, 500], notice: { kind: 'rejected', note: 100, reason: 'full' } });
  });

  it('a cassette already smaller than what is in keeps its room', () => {
    const { send } = session({ ...DUE, room: 0 });
    expect(send({ type: 'cassette.full' }).context.room).toBe(0);
  });

  it('on "Need more time?" and "Quit?" the dialog stays', () => {
    const more = session();
    expect(more.send(timer, { type: 'cassette.full' })).toMatchObject({ value: 'moreTime', context: { room: 0 } });
    const ask = holding(1000);
    expect(ask.send(quit, { type: 'cassette.full' })).toMatchObject({ value: 'quitAsk', context: { room: 1 } });
  });
});

describe('Pay and Back', () => {
  it('Pay pressed on the empty screen says the whole amount is missing', () => {
    const { send } = session();
    const locked = send(press('pay'));
    expect(locked.value).toBe('empty');
    expect(locked.context.notice).toEqual({ kind: 'payLocked', missing: '4750.00' });
  });

  it('Pay before the amount is covered says what is missing, by key or by event; the cash stays in', () => {
    const byKey = holding(1000);
    expect(byKey.send(press('pay'))).toMatchObject({ value: 'holding', context: { notice: { kind: 'payLocked', missing: '3750.00' } } });
    const byEvent = holding(1000);
    expect(byEvent.send({ type: 'cash.pay' })).toMatchObject({ value: 'holding', context: { notice: { kind: 'payLocked', missing: '3750.00' } } });
  });

  it('R-TERM-2: Pay once covered settles, paid by the customer, with the notes in', () => {
    const { send } = holding(5000);
    const paid = send(press('pay'));
    expect(paid.status).toBe('done');
    expect(paid.output).toEqual({ result: 'settled', trigger: 'pay', ending: 'pay', notes: [5000] });
  });

  it('a key the screen does not have changes nothing', () => {
    const { send } = holding(1000);
    const before = send();
    const after = send(press('nothing'));
    expect(after.context.notice).toEqual(before.context.notice);
    expect(after.value).toBe('holding');
  });

  it('Back with nothing in ends the session cancelled', () => {
    const { send } = session();
    const back = send(press('back'));
    expect(back.output).toEqual({ result: 'cancelled', trigger: 'timeout', ending: 'back', notes: [] });
  });

  it('the focus moves between the buttons and Activate presses the focused one', () => {
    const { send } = session();
    expect(send({ type: 'nav.move', dir: 'right' }).context.focus).toBe(1);
    expect(send({ type: 'nav.activate' }).output).toMatchObject({ result: 'cancelled', ending: 'back' });
  });
});

describe('Help (R-TERM-4)', () => {
  it('opens over the screen with the focus on its only button, and closes', () => {
    const { send } = session();
    send({ type: 'nav.move', dir: 'right' });
    expect(send({ type: 'help.open' }).context).toMatchObject({ help: true, focus: 0 });
    send({ type: 'nav.move', dir: 'right' });
    expect(send({ type: 'help.close' }).context).toMatchObject({ help: false, focus: 0 });
    expect(send().value).toBe('empty');
  });

  it('also while holding cash; "Need more time?" closes it', () => {
    const { send } = holding(1000);
    expect(send({ type: 'help.open' })).toMatchObject({ value: 'holding', context: { help: true } });
    expect(send({ type: 'help.close' }).context.help).toBe(false);
    send({ type: 'help.open' });
    expect(send(timer)).toMatchObject({ value: 'moreTime', context: { help: false, focus: 0 } });
  });
});

describe('"Need more time?"', () => {
  it('Yes goes back to the screen the session was on', () => {
    expect(session().send(timer, { type: 'moreTime.yes' }).value).toBe('empty');
    expect(holding(1000).send(timer, { type: 'moreTime.yes' }).value).toBe('holding');
  });

  it('No or no answer: cancelled with nothing in, settled as a timeout with cash in (R-TERM-2)', () => {
    for (const answer of [{ type: 'moreTime.no' } as const, timer]) {
      expect(session().send(timer, answer).output).toEqual({ result: 'cancelled', trigger: 'timeout', ending: 'timeout', notes: [] });
      expect(holding(1000).send(timer, answer).output).toEqual({ result: 'settled', trigger: 'timeout', ending: 'timeout', notes: [1000] });
    }
  });

  it('a note inserted while it shows is taken as the answer', () => {
    const empty = session();
    expect(empty.send(timer, note(500))).toMatchObject({ value: 'escrow', context: { pendingNote: 500 } });
    expect(empty.send(journaled).context.notes).toEqual([500]);
    const more = holding(1000);
    expect(more.send(timer, note(500), journaled).context.notes).toEqual([1000, 500]);
    expect(more.requestJournal).toHaveBeenCalledTimes(2);
  });

  it('a quit: cancelled with nothing in, "Quit?" with cash in', () => {
    expect(session().send(timer, quit).output).toEqual({ result: 'cancelled', trigger: 'timeout', ending: 'quit', notes: [] });
    expect(holding(1000).send(timer, quit).value).toBe('quitAsk');
  });

  it('opens with the focus on its first button', () => {
    const { send } = session();
    send({ type: 'nav.move', dir: 'right' });
    expect(send(timer).context.focus).toBe(0);
  });
});

describe('quitting the program', () => {
  it('with nothing in, the session ends cancelled at once', () => {
    expect(session().send(quit).output).toEqual({ result: 'cancelled', trigger: 'timeout', ending: 'quit', notes: [] });
  });

  it('R-TERM-2: with cash in, "Quit?" asks; paying, a second quit or no answer settle as a timeout would', () => {
    for (const answer of [press('payQuit'), { type: 'quit.pay' } as const, quit, timer]) {
      const { send } = holding(1000);
      expect(send(quit).value).toBe('quitAsk');
      expect(send(answer).output).toEqual({ result: 'settled', trigger: 'timeout', ending: 'quit', notes: [1000] });
    }
  });

  it('"Keep going" and a note inserted meanwhile go back to the cash screen', () => {
    expect(holding(1000).send(quit, press('keep')).value).toBe('holding');
    const more = holding(1000);
    expect(more.send(quit, note(500))).toMatchObject({ value: 'escrow', context: { pendingNote: 500 } });
    expect(more.send(journaled).context.notes).toEqual([1000, 500]);
  });
});

describe('what waits in escrow', () => {
  it('Back and a quit pressed while a note is in escrow are not dropped: taken once it is handed back', () => {
    expect(session().send(note(5000), { type: 'cash.cancel' }, failed).output).toMatchObject({ result: 'cancelled', ending: 'back' });
    expect(session().send(note(5000), quit, failed).output).toMatchObject({ result: 'cancelled', ending: 'quit' });
  });

  it('"Quit?" opens with the focus on its first button', () => {
    const { send } = holding(1000);
    expect(send({ type: 'nav.move', dir: 'right' }).context.focus).toBe(1);
    expect(send(quit)).toMatchObject({ value: 'quitAsk', context: { focus: 0 } });
  });
});
