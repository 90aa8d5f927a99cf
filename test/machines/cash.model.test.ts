/**
 * Model-based test of one cash session (machines/terminal/cash.ts) with `xstate/graph`, like the kiosk's:
 * generated paths replayed on real actors, money checked at every step, then every state node and
 * every transition candidate must have been reached. Two terminals are modelled: the default cap
 * (15,000 ₽), and a small cap under one 5,000 ₽ note, the only way the first note of a session can
 * be over the limit.
 * Events are the ones the terminal passes on: notes from the acceptor, keys (nav.*), the parent's
 * journal answers, the watchdog, and the button events themselves (the terminal routes every
 * `cash.*` and `moreTime.*` event to the session, so a Pay that is not yet covered can arrive).
 */
import { describe, expect, it, vi } from 'vitest';
import { assign, initialTransition, transition, type SnapshotFrom } from 'xstate';
import { createTestModel } from 'xstate/graph';
import { cashMachine, type CashContext, type CashEvent, type CashInput } from '../../machines/terminal/cash.js';
import { cashButtons, type CashScreen } from '../../machines/terminal/cashButtons.js';
import { add, cmp, noteAmount, ZERO } from '../../src/domain/money.js';
import { isBanknote } from '../../src/domain/rules.js';
import { covers, sumNotes } from '../../src/domain/cash/settlement.js';
import { CoverageRecorder } from './coverage.js';
import { maximalPaths, runPaths, type StepCheck } from './modelRunner.js';

// CPU-bound path replays: the timeout only guards a hang; two workers beside child processes slow them
vi.setConfig({ testTimeout: 180_000 });

const requestJournal = vi.fn();
/**
 * The session asks its parent to journal each note with `sendParent`; standalone, a spy takes the call.
 * What arrives while a note is in escrow waits in a queue with no bound; so that the model stays finite
 * it lets one event wait, during the first note only (xstate/graph offers every event a state names,
 * whatever `events` says). The queue's order and length are tested on their own in cash.queue.test.ts.
 */
const boundedDefer = assign(({ context, event }: { context: CashContext; event: CashEvent }) =>
  context.deferred.length === 0 && context.notes.length === 0 ? { deferred: [event] } : {},
);
const machine = cashMachine.provide({ actions: { requestJournal, defer: boundedDefer as never } });
type Snap = SnapshotFrom<typeof machine>;

const SCREENS = new Set(['empty', 'holding', 'moreTime', 'quitAsk']);
const TAGS: Record<string, string[]> = {
  empty: ['cash.empty'], escrow: [], holding: ['cash.holding'], moreTime: ['cash.moreTime'], quitAsk: ['cash.quitAsk'], settled: [], cancelled: [],
};

function eventsFor(s: Snap): CashEvent[] {
  const screen = String(s.value);
  const buttons = SCREENS.has(screen) ? cashButtons(screen as CashScreen, s.context) : [];
  return [
    { type: 'quit.request' },
    { type: 'cash.inserted', note: 1000, condition: 'good' },
    { type: 'cash.inserted', note: 5000, condition: 'good' },
    { type: 'cash.inserted', note: 1000, condition: 'worn' },
    { type: 'cash.inserted', note: 0 },
    { type: 'io.noteJournaled' },
    { type: 'io.journalFailed' },
    { type: 'timer.inactivity' },
    { type: 'nav.move', dir: 'down' },
    { type: 'nav.move', dir: 'up' },
    { type: 'nav.activate' },
    ...buttons.map((b) => ({ type: 'nav.press' as const, id: b.id })),
    { type: 'cash.pay' },
    { type: 'cash.cancel' },
    { type: 'moreTime.yes' },
    { type: 'moreTime.no' },
  ];
}

/** Everything the session reads: where it is, the focus, the money in, the note in escrow, how it ended. */
const abstract = (s: Snap) =>
  JSON.stringify([s.value, s.context.focus, s.context.inserted, s.context.pendingNote, s.context.deferred, s.context.trigger, s.context.ending, s.context.result, s.context.room, s.context.help]);

const model = (input: CashInput) =>
  createTestModel(machine, {
    input,
    events: eventsFor,
    // One node per state reached by each event from each state: the rejections stay apart.
    serializeState: (s, e, prev) => `${abstract(s)}${e && prev ? ` <- ${JSON.stringify(e)} from ${String(prev.value)}` : ''}`,
  });

const DEFAULT_CAP = { due: '4750.00', cap: '15000.00' };
const SMALL_CAP = { due: '2500.00', cap: '3000.00' };
const pathsOf = new Map([DEFAULT_CAP, SMALL_CAP].map((input) => [input, maximalPaths(model(input).getShortestPaths({ allowDuplicatePaths: true }))]));

function makeChecker(input: CashInput) {
  let journalRequests = 0;
  return {
    reset: () => void (journalRequests = 0),
    check: ({ real, before, event }: StepCheck<typeof machine>) => {
      const state = String(real.value);
      const c = real.context;
      expect([...real.tags].sort(), `tags of ${state}`).toEqual(TAGS[state]);
      // Every accepted note counted exactly once, only real banknotes, never above the cap (R-TERM-3).
      expect(c.inserted).toBe(sumNotes(c.notes));
      expect(c.notes.every(isBanknote)).toBe(true);
      expect(cmp(c.inserted, input.cap)).toBeLessThanOrEqual(0);
      // never more notes than the cassette had room for
      expect(c.notes.length).toBeLessThanOrEqual(c.room);
      // A note enters escrow from the acceptor, or from the queue when the note before it is stacked.
      const fromQueue = event.type.startsWith('io.') && before?.context.deferred.some((e) => e.type === 'cash.inserted');
      if (state === 'escrow' && (before?.value !== 'escrow' || fromQueue)) journalRequests++;
      expect(requestJournal).toHaveBeenCalledTimes(journalRequests);
      if (event.type === 'cash.inserted' && before) {
        if (state === 'escrow' && before.value !== 'escrow') {
          expect(c.pendingNote).toBe(event.note);
          expect(requestJournal.mock.lastCall?.[0].event).toEqual(event);
        } else if (before.value === 'escrow') {
          // Not dropped: it waits its turn (the model's queue holds one, see boundedDefer), and nothing else changes.
          if (before.context.deferred.length === 0 && before.context.notes.length === 0) expect(c.deferred).toEqual([event]);
          expect(c.inserted).toBe(before.context.inserted);
          expect(c.notice).toEqual(before.context.notice);
        } else if (before.value === 'quitAsk') {
          // A note during "Quit?" is taken: the customer keeps going.
          expect(state === 'escrow' || state === 'holding').toBe(true);
        } else {
          // A note that is not taken changes nothing but the notice.
          expect(c.inserted).toBe(before.context.inserted);
          // a note that fits the cap but not the cassette (after cassette.full) is returned as "full"
          const overCap = cmp(add(before.context.inserted, noteAmount(event.note)), input.cap) > 0;
          const reason = !isBanknote(event.note) ? 'unknown' : event.condition === 'worn' ? 'worn' : overCap ? 'limit' : 'full';
          expect(c.notice).toEqual({ kind: 'rejected', note: event.note, reason });
        }
      }
      switch (state) {
        case 'empty':
          expect(c).toMatchObject({ notes: [], inserted: ZERO, pendingNote: null });
          break;
        case 'escrow':
          expect(c.pendingNote).not.toBeNull();
          break;
        case 'quitAsk':
          expect(c.notes.length).toBeGreaterThan(0);
          break;
        case 'holding':
          expect(c.notes.length).toBeGreaterThan(0);
          expect(c.pendingNote).toBeNull();
          break;
        case 'settled':
          // Paid with something in; by Pay only once the due amount is covered.
          expect(real.status).toBe('done');
          expect(real.output).toEqual({ result: 'settled', trigger: c.trigger, ending: c.ending, notes: c.notes });
          expect(c.notes.length).toBeGreaterThan(0);
          if (c.trigger === 'pay') expect(covers(c.inserted, c.due)).toBe(true);
          // Quitting pays as a timeout would.
          expect(c.trigger).toBe(c.ending === 'pay' ? 'pay' : 'timeout');
          break;
        case 'cancelled':
          // Inserted cash is never handed back: a session only ends cancelled while it holds nothing.
          expect(real.status).toBe('done');
          expect(real.output).toMatchObject({ result: 'cancelled', trigger: 'timeout', notes: [] });
          expect(['back', 'timeout', 'quit']).toContain(c.ending);
          expect(c.pendingNote).toBeNull();
          break;
      }
    },
  };
}

describe.each([
  { name: 'default cap', input: DEFAULT_CAP },
  { name: 'small cap', input: SMALL_CAP },
])('cash machine, model-based (xstate/graph), $name', ({ input }) => {
  const paths = pathsOf.get(input) ?? [];

  it('every generated path replays on a real actor with the money accounted for at every step', async () => {
    expect(paths.length).toBeGreaterThan(50);
    const checker = makeChecker(input);
    const { steps, checks } = await runPaths(paths, {
      machine,
      input,
      key: abstract,
      recorder: new CoverageRecorder(),
      beforePath: () => {
        requestJournal.mockClear();
        checker.reset();
      },
      check: checker.check,
    });
    expect(checks).toBe(steps);
  });
});

describe('cash machine coverage', () => {
  it('the paths of both terminals together enter every state and take every transition', async () => {
    const recorder = new CoverageRecorder();
    for (const [input, paths] of pathsOf) await runPaths(paths, { machine, input, key: abstract, recorder, check: () => {} });
    const missing = recorder.report(machine);
    expect(missing, `cash coverage:\n${missing}`).toBe('');
  });

  it('with the default cap alone, the first note can never be over the limit, and the check says so', async () => {
    const recorder = new CoverageRecorder();
    await runPaths(pathsOf.get(DEFAULT_CAP) ?? [], { machine, input: DEFAULT_CAP, key: abstract, recorder, check: () => {} });
    expect(recorder.missing(machine)).toEqual({ states: [], transitions: ['empty|cash.inserted|2  ([overCap] empty --cash.inserted--> (stays))'] });
  });
});

it('model sanity: Pay before the due amount is covered is refused and the money stays in', () => {
  const [start] = initialTransition(machine, { due: '4750.00', cap: '15000.00' });
  expect(start.value).toBe('empty');
  const [escrowed] = transition(machine, start, { type: 'cash.inserted', note: 1000, condition: 'good' });
  const [holding] = transition(machine, escrowed, { type: 'io.noteJournaled' });
  const [afterPay] = transition(machine, holding, { type: 'cash.pay' });
  expect(afterPay.value).toBe('holding');
  expect(afterPay.context).toMatchObject({ inserted: '1000.00', notice: { kind: 'payLocked' } });
});
