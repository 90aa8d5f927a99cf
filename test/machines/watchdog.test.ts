/**
 * The terminal's inactivity watchdog (machines/terminal/watchdog.ts): which timeout applies to what
 * the customer sees, read from real kiosk and cash snapshots (pure transitions, no actors), and the
 * seconds "Need more time?" and "Quit?" show, on a real terminal on a SimulatedClock.
 */
import { describe, expect, it, vi } from 'vitest';
import { initialTransition, transition, type EventFrom, type SnapshotFrom } from 'xstate';
import { cashMachine } from '../../machines/terminal/cash.js';
import { kioskMachine } from '../../machines/terminal/kiosk.js';
import { inactivityMs } from '../../machines/terminal/watchdog.js';
import { seedDemo } from '../../src/domain/orders/demo.js';
import { DEFAULT_RULES, type Timeouts } from '../../src/domain/rules.js';
import { cashOf, insert, MemoryStore, send, startRig, START, toCash } from './terminalDriver.js';

/** Every timeout different, so the one chosen is known by its value. */
const TIMEOUTS: Timeouts = { menuMs: 1_000, entryMs: 2_000, cashNoNoteMs: 3_000, cashWithNoteMs: 4_000, moreTimeMs: 5_000 };

type Kiosk = SnapshotFrom<typeof kioskMachine>;
type Cash = SnapshotFrom<typeof cashMachine>;
const kioskAfter = (...events: EventFrom<typeof kioskMachine>[]): Kiosk =>
  events.reduce<Kiosk>((s, e) => transition(kioskMachine, s, e)[0], initialTransition(kioskMachine, {})[0]);
// standalone, the session's request to journal a note (sent to its parent, the terminal) goes to a spy
const requestJournal = vi.fn();
const cash = cashMachine.provide({ actions: { requestJournal } });
const cashAfter = (...events: EventFrom<typeof cashMachine>[]): Cash =>
  events.reduce<Cash>((s, e) => transition(cash, s, e)[0], initialTransition(cash, { due: '4750.00', cap: '15000.00' })[0]);

const note = { type: 'cash.inserted', note: 1000, condition: 'good' } as const;
const stacked = { type: 'io.noteJournaled' } as const;

describe('which inactivity timeout runs', () => {
  const idle = kioskAfter();
  const menu = kioskAfter({ type: 'kiosk.wake' });
  const orderEntry = kioskAfter({ type: 'kiosk.wake' }, { type: 'menu.other' }, { type: 'services.catalogs' }, { type: 'catalogs.aliexpress' });

  it('the idle screen has none; a menu screen has the menu timeout, a screen with a field the longer entry one', () => {
    expect([idle.value, menu.value, orderEntry.value]).toEqual(['idle', 'menu', 'orderEntry']);
    expect(inactivityMs(idle, undefined, TIMEOUTS)).toBeNull();
    expect(inactivityMs(menu, undefined, TIMEOUTS)).toBe(1_000);
    expect(inactivityMs(orderEntry, undefined, TIMEOUTS)).toBe(2_000);
  });

  it('a cash session decides: empty, holding cash, "Need more time?" and "Quit?" each their own; none while a note is in escrow', () => {
    const empty = cashAfter();
    const escrow = cashAfter(note);
    const holding = cashAfter(note, stacked);
    const moreTime = cashAfter({ type: 'timer.inactivity' });
    const quitAsk = cashAfter(note, stacked, { type: 'quit.request' });
    expect([empty, escrow, holding, moreTime, quitAsk].map((s) => s.value)).toEqual(['empty', 'escrow', 'holding', 'moreTime', 'quitAsk']);
    // the kiosk under the cash screen has a menu tag here, so a cash state with no timeout of its own must still say none
    expect([empty, escrow, holding, moreTime, quitAsk].map((session) => inactivityMs(menu, session, TIMEOUTS))).toEqual([3_000, null, 4_000, 5_000, 5_000]);
  });

  it('a finished cash session no longer decides: the kiosk screen does', () => {
    const paid = cashAfter(note, stacked, { type: 'timer.inactivity' }, { type: 'moreTime.no' });
    expect(paid.status).toBe('done');
    expect(inactivityMs(menu, paid, TIMEOUTS)).toBe(1_000);
  });
});

describe('the countdown of "Need more time?" and "Quit?"', () => {
  async function atCash() {
    const store = new MemoryStore();
    seedDemo(store, START);
    const rig = await startRig(store, { rules: { ...DEFAULT_RULES, timeouts: TIMEOUTS } });
    await toCash(rig.t, '1000000001');
    return rig;
  }
  const countdown = (rig: Awaited<ReturnType<typeof atCash>>) => rig.t.getSnapshot().context.countdown;

  it('shows nothing on the cash screen; "Need more time?" shows the whole seconds left, counting down each second', async () => {
    const rig = await atCash();
    expect(countdown(rig)).toBeNull();
    await rig.wait(3_000);
    expect(cashOf(rig.t)?.value).toBe('moreTime');
    expect(countdown(rig)).toBe(5);
    await rig.wait(1_000);
    expect(countdown(rig)).toBe(4);
  });

  it('"Quit?" with cash in shows the same countdown; answering it stops the countdown', async () => {
    const rig = await atCash();
    await insert(rig.t, 1000);
    expect(countdown(rig)).toBeNull();
    await send(rig.t, { type: 'quit.request' });
    expect(cashOf(rig.t)?.value).toBe('quitAsk');
    expect(countdown(rig)).toBe(5);
    await send(rig.t, { type: 'nav.press', id: 'keep' });
    expect(cashOf(rig.t)?.value).toBe('holding');
    expect(countdown(rig)).toBeNull();
  });
});

describe('the watchdog region', () => {
  it('is off on the idle screen, which has no timeout, and armed on a menu', async () => {
    const store = new MemoryStore();
    seedDemo(store, START);
    const rig = await startRig(store, { rules: { ...DEFAULT_RULES, timeouts: TIMEOUTS } });
    expect(rig.t.getSnapshot().value).toMatchObject({ watchdog: 'off' });
    await send(rig.t, { type: 'kiosk.wake' });
    expect(rig.t.getSnapshot().value).toMatchObject({ watchdog: 'armed' });
  });
});
