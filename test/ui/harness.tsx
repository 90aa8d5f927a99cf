/**
 * The real kiosk (App + screens + machines) rendered by Ink into an in-memory stdout of a chosen
 * size, driven by key presses, on XState's SimulatedClock. Waiting is always on a condition of the
 * frame or the actor; time moves only through `clock.increment(ms)`.
 *
 * Ink-testing-library's `render` builds its own 100-column stdout with no `rows` and no way to
 * change either, so the harness passes Ink a stdout/stdin pair of the same shape whose size can be
 * set and changed (with a 'resize' event), as a real terminal's can.
 */
import type { DeskRole } from '../../machines/desk/deskContext.js';
import React from 'react';
import { EventEmitter } from 'node:events';
import { stripVTControlCharacters } from 'node:util';
import { render, type Instance } from 'ink';
import { SimulatedClock, waitFor } from 'xstate';
import { App } from '../../src/app/App.js';
import { WorldProvider } from '../../src/app/context.js';
import { startWorld, terminalOf } from '../../src/app/session.js';
import { findMistakeMoment } from '../../src/training/mistakeMoment.js';
import { viewOf, type View } from '../../src/app/view.js';
import { seedDemo } from '../../src/domain/orders/demo.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import { FakeStdin } from '../../src/tape/drivers/virtualTerminal.js';
import type { Lang } from '../../src/domain/money.js';
import type { KioskRules } from '../../src/domain/rules.js';
import type { PaymentOutcome, Receipt } from '../../src/domain/store.js';
import { isSettled } from '../../machines/settled.js';
import type { TerminalActor } from '../../machines/terminal.js';
import type { Place, WorldInput } from '../../machines/world.js';
import { DEFAULT_SKIN, MENU_NAMES, routeItem, type SkinLabelKey } from '../../src/domain/skins/index.js';
import { t } from '../../src/i18n/index.js';
import { asyncStore } from '../../src/domain/asyncStore.js';
import { opened } from '../../machines/world.js';

export const KEY = {
  enter: '\r',
  esc: '\x1b',
  backspace: '\x7f',
  tab: '\t',
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
} as const;

/** A stdout Ink can draw into: frames are kept, the size can change like a real window's. */
export class TestStdout extends EventEmitter {
  readonly frames: string[] = [];
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (frame: string): boolean => {
    this.frames.push(frame);
    return true;
  };
  lastFrame = (): string => stripVTControlCharacters(this.frames[this.frames.length - 1] ?? '');
  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

/** A MemoryStore that also remembers which notes each cash session journaled, to check that no cash is lost. */
export class AuditedStore extends MemoryStore {
  readonly journaled = new Map<string, number[]>();
  readonly completed: Array<{ sessionId: string; notes: number[]; receipt: Receipt }> = [];
  override journalNote(sessionId: string, note: number): void {
    super.journalNote(sessionId, note);
    this.journaled.set(sessionId, [...(this.journaled.get(sessionId) ?? []), note]);
  }
  override completePayment(sessionId: string, trigger: 'pay' | 'timeout', at: number, recovered = false): PaymentOutcome {
    const outcome = super.completePayment(sessionId, trigger, at, recovered);
    this.completed.push({ sessionId, notes: [...(this.journaled.get(sessionId) ?? [])], receipt: outcome.receipt });
    return outcome;
  }
}

export interface KioskOptions {
  lang?: Lang;
  rules?: KioskRules;
  columns?: number;
  rows?: number;
  /** the place that has the keys at start; default the terminal */
  place?: Place;
  /** who plays at the desks; default the customer */
  role?: DeskRole;
  /** the Training place's exercises and trainee (F6) */
  training?: WorldInput['training'];
}

export type Kiosk = ReturnType<typeof renderKiosk>;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export function renderKiosk({ lang = 'en', columns = 100, rows = 30, rules, place, role, training }: KioskOptions = {}) {
  const clock = new SimulatedClock();
  clock.set(Date.UTC(2026, 10, 22, 7, 0, 0));
  const store = new AuditedStore();
  seedDemo(store, clock.now());
  const payments: PaymentOutcome[] = [];
  const world = startWorld({ store: asyncStore(store), clock, lang, terminalId: 'T-1', onPayment: (o) => payments.push(o), findMistake: findMistakeMoment, ...(rules ? { rules } : {}), ...(place ? { place } : {}), ...(role ? { role } : {}), ...(training ? { training } : {}) });
  const actor: TerminalActor = terminalOf(world);
  const phone = world.getSnapshot().context.phone;
  const errors: unknown[] = [];
  actor.subscribe({ error: (e) => errors.push(e) });
  world.subscribe({ error: (e) => errors.push(e) });
  phone.subscribe({ error: (e) => errors.push(e) });
  opened(world.getSnapshot().context).site.subscribe({ error: (e) => errors.push(e) });
  opened(world.getSnapshot().context).cashier.subscribe({ error: (e) => errors.push(e) });
  opened(world.getSnapshot().context).post.subscribe({ error: (e) => errors.push(e) });
  const stdout = new TestStdout(columns, rows);
  const stdin = new FakeStdin();
  const stderr = new TestStdout(columns, rows);
  const ink: Instance = render(
    <WorldProvider actor={world}>
      <App terminalId="T-1" />
    </WorldProvider>,
    { stdout: stdout as never, stdin: stdin as never, stderr: stderr as never, debug: true, exitOnCtrlC: false, patchConsole: false },
  );
  let exited = false;
  ink.waitUntilExit().then(
    () => void (exited = true),
    (e: unknown) => void errors.push(e),
  );

  const lastFrame = () => stdout.lastFrame();
  const view = (): View => viewOf(actor.getSnapshot());

  /** Each key is its own chunk, as typed; the loop turns between keys so a lone Esc is read as Esc. */
  async function press(...keys: string[]): Promise<void> {
    for (const key of keys) {
      stdin.write(key);
      await yieldToLoop();
    }
  }

  /** Lets pending I/O (lookups, journaling, payments) finish and the loop turn once; changes nothing by itself. */
  async function settle(): Promise<void> {
    await waitFor(actor, isSettled);
    await waitFor(phone, isSettled);
    await waitFor(opened(world.getSnapshot().context).site, isSettled);
    await yieldToLoop();
  }

  /**
   * Waits until `holds()` is true, turn by turn. Nothing moves time but `clock.increment`, so once
   * the kiosk is quiet (out of I/O, no new frame, no new state over a turn of the loop) nothing
   * else can make it true: it fails then with `failure()`, instead of after some real time.
   */
  async function waitUntil(holds: () => boolean, failure: () => string): Promise<void> {
    while (!holds()) {
      const frames = stdout.frames.length;
      const snapshot = actor.getSnapshot();
      await settle();
      if (holds()) return;
      if (stdout.frames.length === frames && actor.getSnapshot() === snapshot) throw new Error(failure());
    }
  }

  async function waitForFrame(check: (frame: string) => boolean, what: string): Promise<string> {
    await waitUntil(
      () => check(lastFrame()),
      () => `waiting for ${what}; the kiosk has settled and the screen is:\n${lastFrame()}`,
    );
    return lastFrame();
  }

  /** Text as laid out, or as read with wrapped lines joined (see `screenText`). */
  const shows = (f: string, text: string | RegExp) =>
    [f, screenText(f), panelText(f)].some((s) => (typeof text === 'string' ? s.includes(text) : text.test(s)));
  const waitForText = (text: string | RegExp) => waitForFrame((f) => shows(f, text), `${text}`);
  const waitForNoText = (text: string | RegExp) => waitForFrame((f) => !shows(f, text), `${text} to go`);

  function unmount(): void {
    ink.unmount();
    ink.cleanup();
    world.stop();
  }

  return {
    lastFrame,
    press,
    settle,
    waitForText,
    waitForNoText,
    waitForFrame,
    waitUntil,
    view,
    actor,
    world,
    phone,
    site: () => opened(world.getSnapshot().context).site,
    store,
    clock,
    stdout,
    stderr,
    stdin,
    payments,
    errors,
    exited: () => exited,
    unmount,
  };
}

/** The kiosk frame's rows and the phone panel's rows, side by side on each screen line. */
const ROW = /^│(.*)││(.*)│$/;
export const rowsOf = (frame: string) => frame.split('\n').flatMap((line) => {
  const m = ROW.exec(line);
  return m ? [{ screen: m[1] ?? '', panel: m[2] ?? '' }] : [];
});
/** Text as read, not as laid out: box lines dropped and wrapped lines joined. */
const flat = (lines: string[]) => lines.join(' ').replace(/[│┌┐└┘─╔╗╚╝║═]/g, ' ').replace(/\s+/g, ' ').trim();

/** Everything inside the kiosk frame, as one line of text. */
export const screenText = (frame: string): string => flat(rowsOf(frame).map((r) => r.screen));
/** Everything on the customer's phone beside the kiosk, as one line of text. */
export const panelText = (frame: string): string => flat(rowsOf(frame).map((r) => r.panel));
/** The screen's title: the line under the brand bar. */
export const titleOf = (frame: string): string => rowsOf(frame)[1]?.screen.trim() ?? '';
/** The kiosk row that contains `label` (cash-screen and receipt rows are label … value), spaces collapsed. */
export const rowWith = (frame: string, label: string): string =>
  flat(rowsOf(frame).map((r) => r.screen).filter((l) => l.includes(label)).slice(0, 1));

/**
 * The screens' titles as the default skin words them (Euroset; in the per-skin test projects of
 * vitest.config.ts, that skin: R-TERM-4), and the path's hotkeys in that skin.
 */
const titlesIn = (lang: Lang) => {
  const word = (key: SkinLabelKey) => DEFAULT_SKIN.labels[key][lang];
  return {
    idle: word('idle.title'), menu: word('menu.title'), other: word('services.title'), catalogs: word('catalogs.title'),
    aliexpress: routeItem(DEFAULT_SKIN, 'catalogs')?.label[lang] ?? '', order: word('order.title'), check: word('check.title'),
    phone: word('phone.title'), cash: word('cash.title'), receipt: `${word('receipt.title')} · ${DEFAULT_SKIN.receiptHeader[lang]}`,
    refused: t(lang, 'refused.title'),
  };
};
export const TEXT = { en: titlesIn('en'), ru: titlesIn('ru') } as const;
/** The hotkeys of the path to AliExpress in the default skin: main menu, services, catalogs. */
export const PATH_KEYS = MENU_NAMES.map((menu) => routeItem(DEFAULT_SKIN, menu)?.hotkey ?? '?');

export type Screen = keyof (typeof TEXT)['en'];

export const waitForTitle = (k: Kiosk, lang: Lang, screen: Screen) =>
  k.waitForFrame((f) => titleOf(f) === TEXT[lang][screen], `the "${TEXT[lang][screen]}" screen`);

/** Idle → menu → Other services → Products by catalogs → Aliexpress → Order number, by hotkeys. */
export async function toOrderEntry(k: Kiosk, lang: Lang): Promise<void> {
  await waitForTitle(k, lang, 'idle');
  const [main, services, catalogs] = PATH_KEYS as [string, string, string];
  await k.press(' ');
  await waitForTitle(k, lang, 'menu');
  await k.press(main);
  await waitForTitle(k, lang, 'other');
  await k.press(services);
  await waitForTitle(k, lang, 'catalogs');
  await k.press(catalogs);
  await waitForTitle(k, lang, 'order');
}

/** Types an order number digit by digit and presses Enter; returns once the answer is on screen. */
export async function submitOrder(k: Kiosk, lang: Lang, code: string): Promise<void> {
  await k.press(...code.split(''), KEY.enter);
  await k.waitForFrame((f) => [TEXT[lang].check, TEXT[lang].refused].includes(titleOf(f) as never), 'the lookup answer');
}

/** From idle to the cash screen for `code`, with the demo phone +7 916 123-45-67 for the change. */
export async function toCash(k: Kiosk, lang: Lang, code: string): Promise<void> {
  await toOrderEntry(k, lang);
  await submitOrder(k, lang, code);
  await waitForTitle(k, lang, 'check');
  await k.press(KEY.enter);
  await waitForTitle(k, lang, 'phone');
  await k.press(...'9161234567'.split(''));
  await k.waitForText('+7 (916) 123-45-67');
  await k.press(KEY.enter);
  await waitForTitle(k, lang, 'cash');
}

/** Waits until the cash screen's "Inserted" row reads `amount` (English). */
export const waitForInserted = (k: Kiosk, amount: string) =>
  k.waitForFrame((f) => rowWith(f, 'Inserted') === `Inserted ${amount}`, `inserted ${amount}`);

/** Waits until the app has exited (after a quit); fails once the kiosk is quiet and still running. */
export const waitForExit = (k: Kiosk) => k.waitUntil(() => k.exited(), () => `the app never exited; the screen is:\n${k.lastFrame()}`);
