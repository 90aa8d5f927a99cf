/**
 * Random key storms (fast-check, fixed seeds) against the real app: the frame keeps rendering the
 * screen the terminal is on, nothing throws, and no cash is lost or invented.
 *
 * Left out of the storm on purpose: Ctrl+C, and q/Q (q quits on the idle screen) — quitting is
 * their job, not a crash.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, expect, it, vi, type MockInstance } from 'vitest';
import type { Lang } from '../../src/domain/money.js';
import { add, cmp } from '../../src/domain/money.js';
import { BANKNOTES } from '../../src/domain/rules.js';
import { sumNotes } from '../../src/domain/cash/settlement.js';
import { screenTitle } from '../../screens/terminal/ScreenBody.js';
import { renderKiosk, titleOf, toCash, type Kiosk } from './harness.js';
import { trials } from '../heavy.js';

const KEYS = [
  '\r', '\n', '\x1b', '\x7f', '\b', '\t', '\x1b[Z', ' ', '*', '#', '+', '.', ',',
  '\x1b[A', '\x1b[B', '\x1b[C', '\x1b[D', '\x1b[1;5C', '\x1b[3~', '\x1b[2~', '\x1b[H', '\x1b[F', '\x1b[5~', '\x1b[6~',
  '\x1bOP', '\x1bOQ', '\x1b[15~', '\x1b[24~', '\x1b\x1b', '\x1bx', '\x1b[', '\x01', '\x04', '\x1a', '\x00',
  ...'0123456789', ...'!@#$%^&*()', 'p', 'P', 'y', 'Y', 'n', 'N', 'm', 'M', 'l', 'L', 'a', 'z', 'ж', 'Ё', '€', '😀', '\u200b',
  '12ab', '123456789012345', '\x1b[200~1000000001\x1b[201~', '9'.repeat(40), '\x1b[A\x1b[B\r',
];
/** Macros that carry a storm deeper than random keys would: the path, the demo orders, the phone. */
const MACROS = [
  ['8', '1', '1'],
  ...['1000000001', '1000000002', '1000000003', '1000000006'].map((code) => [...code.split(''), '\r']),
  [...'9161234567'.split(''), '\r'],
  ['8', '8', '8', '8'],
];
const DELAYS = [1_000, 14_999, 15_000, 30_000, 60_000, 70_000, 120_000];

type Action = { keys: string[] } | { ms: number };
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...KEYS).map((key) => ({ keys: [key] })) },
  { weight: 2, arbitrary: fc.constantFrom(...MACROS).map((keys) => ({ keys })) },
  { weight: 1, arbitrary: fc.constantFrom(...DELAYS).map((ms) => ({ ms })) },
);

let consoleError: MockInstance;
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error');
});
afterEach(() => consoleError.mockRestore());

const allNotes = (k: Kiosk) => [...k.store.journaled.values()].flat();

/** Plays the storm; each note the acceptor takes must come from a key carrying that note's digit. */
async function play(k: Kiosk, actions: Action[]): Promise<void> {
  for (const a of actions) {
    if ('ms' in a) {
      k.clock.increment(a.ms);
      await k.settle();
      continue;
    }
    for (const key of a.keys) {
      const before = allNotes(k).length;
      await k.press(key);
      await k.settle();
      for (const note of allNotes(k).slice(before)) {
        const digit = String(BANKNOTES.indexOf(note as never) + 1);
        expect(key, `a ${note} ₽ note was taken from the key ${JSON.stringify(key)}`).toContain(digit);
      }
    }
  }
}

async function expectHealthy(k: Kiosk): Promise<void> {
  await k.settle();
  expect(k.errors).toEqual([]);
  expect(k.world.getSnapshot().status).toBe('active');
  // the storm's F1/F2 may have left the keys with the site or the phone: F3 gives them back
  await k.press('\x1bOR');
  await k.settle();
  expect(k.exited()).toBe(false);
  expect(k.actor.getSnapshot().status).toBe('active');
  expect(consoleError).not.toHaveBeenCalled();
  // The frame still draws the screen the terminal is on.
  await k.waitForFrame((f) => f.includes('EUROSET') || f.includes('ЕВРОСЕТЬ'), 'the kiosk frame');
  await k.waitForFrame((f) => titleOf(f) === screenTitle(k.view()), `the title of ${k.view().screen}`);

  // No cash lost: every paid session's notes = accepted = to the order + to the phone, within the cap and the due.
  for (const { notes, receipt } of k.store.completed) {
    expect(sumNotes(notes)).toBe(receipt.accepted);
    expect(add(receipt.toOrder, receipt.toPhone)).toBe(receipt.accepted);
    expect(cmp(receipt.toOrder, receipt.due)).toBeLessThanOrEqual(0);
    expect(cmp(receipt.accepted, '15000.00')).toBeLessThanOrEqual(0);
  }
  expect(k.payments.map((p) => p.receipt)).toEqual(k.store.completed.map((c) => c.receipt));
  // Cash not yet paid can only be the session still on the cash screen, and the screen shows all of it.
  const open = k.store.unfinishedSessions();
  const paidNotes = k.store.completed.flatMap((c) => c.notes);
  if (open.length > 0) {
    expect(open).toHaveLength(1);
    expect(['cash', 'moreTime']).toContain(k.view().screen);
    expect(k.view().cash?.inserted).toBe(sumNotes(open[0]?.notes ?? []));
  }
  expect(sumNotes(allNotes(k))).toBe(add(sumNotes(paidNotes), sumNotes(open.flatMap((s) => s.notes))));
}

it('random key storms from the idle screen never crash the app and never lose or invent cash', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom<Lang>('en', 'ru'), fc.array(action, { minLength: 20, maxLength: 70 }), async (lang, actions) => {
      const k = renderKiosk({ lang });
      try {
        await play(k, actions);
        await expectHealthy(k);
      } finally {
        k.unmount();
      }
    }),
    { numRuns: trials(10, 25), seed: 20261122 },
  );
}, 300_000);

it('random key storms starting in every place (site, phone, terminal, cashier and Post in both roles) never crash any of them', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom<Lang>('en', 'ru'), fc.constantFrom('site', 'phone', 'terminal', 'cashier', 'post' as const), fc.constantFrom('customer', 'cashier' as const), fc.array(action, { minLength: 20, maxLength: 60 }), async (lang, place, role, actions) => {
      const k = renderKiosk({ lang, place, role });
      try {
        await play(k, [{ keys: ['\x1bOQ', '*', '1', '0', '0', '#', '\r'] }, ...actions]);
        await expectHealthy(k);
      } finally {
        k.unmount();
      }
    }),
    { numRuns: trials(10, 20), seed: 11 },
  );
}, 300_000);

it('random key storms on the cash screen never crash the app and never lose or invent cash', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom<Lang>('en', 'ru'),
      fc.constantFrom('1000000001', '1000000002', '1000000006'),
      fc.array(action, { minLength: 10, maxLength: 50 }),
      async (lang, code, actions) => {
        const k = renderKiosk({ lang });
        try {
          await toCash(k, lang, code);
          await play(k, actions);
          await expectHealthy(k);
        } finally {
          k.unmount();
        }
      },
    ),
    { numRuns: trials(8, 20), seed: 7 },
  );
}, 300_000);
