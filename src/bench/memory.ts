/**
 * Row 4: resident memory after 100 complete payments and after 10,000, in one process: the terminal
 * machine with its store actors on a SQLite store in a temp dir, on a simulated clock, no UI. The
 * work runs in a child node with --expose-gc, so the heap is collected before each reading.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { waitFor } from 'xstate';
import { startTerminal } from '../app/session.js';
import { DEMO_PHONE } from '../domain/orders/demo.js';
import { SqliteStore } from '../store/sqliteStore.js';
import type { TerminalActor } from '../../machines/terminal.js';
import { asyncStore } from '../domain/asyncStore.js';
import { addPathOrders, newClock, ORDER_AMOUNT, orderCode } from './euroset.js';
import type { SimulatedClock } from 'xstate';
import { cashOrder, codeSmsOf } from '../domain/orders/catalog.js';
import { ALIEXPRESS_SENDER } from '../domain/orders/orderLife.js';
import { DEFAULT_RULES } from '../domain/rules.js';
import { mobileRulesOf } from '../domain/mobile/inbox.js';

/** the phone that pays by mobile in row 13 (not the buyer's, so its inbox is its own) */
const MOBILE_PHONE = '+79051234567';
import { row, type Row } from './report.js';
import { MiB } from './stats.js';
import { memoryMap, type MemoryMap } from './smaps.js';

export const MEMORY_CHILD_FLAG = '--memory-child';

interface Reading {
  payments: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  /** the SQLite file and its WAL: what the store's page cache can hold at most */
  dbBytes: number;
  /** RSS by kind of mapping (Linux), null elsewhere */
  map: MemoryMap | null;
}

interface ChildResult {
  readings: Reading[];
  receipts: number;
  /** the store connection's page cache limit (KiB) */
  pageCacheKiB: number;
}

/**
 * V8 grows the young generation as a program allocates, once, up to its cap (16 MiB semi-spaces on
 * 64-bit Node 20). Pinned at that cap from the start, the readings show what grows with payments.
 */
const PINNED_YOUNG_GENERATION = ['--min-semi-space-size=16', '--max-semi-space-size=16'];

const kioskState = (t: TerminalActor) => String(t.getSnapshot().context.kiosk.getSnapshot().value);

/** One payment by the terminal's own events: the path a key press would send, without the screens. */
async function pay(t: TerminalActor, path: number): Promise<void> {
  t.send({ type: 'kiosk.wake' });
  t.send({ type: 'nav.press', id: 'other' });
  t.send({ type: 'nav.press', id: 'catalogs' });
  t.send({ type: 'nav.press', id: 'aliexpress' });
  t.send({ type: 'input.text', text: orderCode(path) });
  t.send({ type: 'nav.activate' });
  await waitFor(t, () => kioskState(t) === 'checkData' || kioskState(t) === 'refused');
  if (kioskState(t) !== 'checkData') throw new Error(`payment ${path}: order ${orderCode(path)} was refused`);
  t.send({ type: 'nav.press', id: 'next' });
  t.send({ type: 'input.text', text: DEMO_PHONE.slice(2) });
  t.send({ type: 'nav.activate' });
  await waitFor(t, (s) => s.matches({ flow: 'cash' }));
  t.send({ type: 'cash.inserted', note: 5000 });
  await waitFor(t, (s) => s.context.cash?.getSnapshot().value === 'holding');
  t.send({ type: 'nav.press', id: 'pay' });
  await waitFor(t, () => kioskState(t) === 'receipt');
  t.send({ type: 'nav.press', id: 'done' });
  if (kioskState(t) !== 'idle') throw new Error(`payment ${path}: Done on the receipt led to "${kioskState(t)}", not idle`);
}

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('the memory row needs node --expose-gc');
  for (let i = 0; i < 3; i++) gc();
}

/**
 * RSS once the collector's helper threads have handed back what gc() freed: V8 unmaps freed pages
 * on a background thread, and a reading taken the moment gc() returned was once 4.8 MiB above the
 * same process's memory map a few milliseconds later. Read until two readings 50 ms apart agree
 * within 64 KiB (at most 40 readings).
 */
async function settledRss(): Promise<number> {
  let last = process.memoryUsage.rss();
  for (let i = 0; i < 40; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = process.memoryUsage.rss();
    if (Math.abs(now - last) < 64 * 1024) return now;
    last = now;
  }
  return last;
}

const fileBytes = (path: string) => (existsSync(path) ? statSync(path).size : 0);

/**
 * Row 13's actions, in turn: a terminal payment (through the machine, as above), a cash order
 * placed on the site, a payment at a desk and a mobile payment answered by SMS — the last three
 * through the store calls the site's, the desk's and the phone's actors make (src/adapters/).
 */
function mixedAction(store: SqliteStore, t: TerminalActor, clock: SimulatedClock, n: number): Promise<void> | void {
  const now = clock.now();
  const code = orderCode(n);
  switch (n % 4) {
    case 0:
      addPathOrders(store, now, n, n + 1);
      return pay(t, n);
    case 1: {
      const order = cashOrder({ code, amount: '990.00', phone: DEMO_PHONE, country: 'RU', now });
      const sms = codeSmsOf(order, DEFAULT_RULES);
      store.placeOrder(order, { phone: sms.phone, at: sms.at, sender: ALIEXPRESS_SENDER, kind: 'code', amount: sms.amount, code: sms.code });
      return;
    }
    case 2: {
      addPathOrders(store, now, n, n + 1);
      const outcome = store.payAtDesk({ place: n % 8 === 2 ? 'cashier' : 'post', code, due: ORDER_AMOUNT, received: '5000.00', at: now });
      if (outcome.kind !== 'paid') throw new Error(`desk payment ${n} was refused: ${outcome.reason}`);
      return;
    }
    default: {
      store.addOrder(cashOrder({ code, amount: '100.00', phone: DEMO_PHONE, country: 'RU', now }));
      const rules = mobileRulesOf(DEFAULT_RULES);
      const { payment } = store.requestMobilePayment({ phone: MOBILE_PHONE, operator: 'mts', code, at: now }, rules);
      if (payment.state === 'awaiting') store.answerMobilePayment(payment.id, '1', now, rules);
    }
  }
}

/** In the child: runs the payments (or the mixed actions) and prints the readings as JSON (first, four between, last). */
export async function memoryChild(first: number, total: number, mixed = false): Promise<void> {
  if (!Number.isInteger(first) || !Number.isInteger(total) || first < 1 || total <= first) {
    throw new Error(`${MEMORY_CHILD_FLAG}: expected two payment counts, the first smaller, got "${first}" and "${total}"`);
  }
  // tmpfs when there is one: the row is about memory, and fsyncs to a shared disk would take minutes
  const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'kiosk-bench-'));
  const path = join(dir, 'kiosk.db');
  const store = SqliteStore.open(path);
  try {
    const clock = newClock();
    let receipts = 0;
    const t = startTerminal({ store: asyncStore(store), clock, lang: 'en', terminalId: 'T-1', onPayment: () => void receipts++ });
    await waitFor(t, (s) => s.matches({ flow: 'kiosk' }));
    if (mixed) store.setPhoneAccount(MOBILE_PHONE, 'mts', '1000000000.00');
    const checkpoints = new Set([first, ...[1, 2, 3, 4, 5].map((k) => Math.round((total * k) / 5)).filter((n) => n > first)]);
    const readings: Reading[] = [];
    for (let done = 0; done < total; ) {
      if (mixed) await mixedAction(store, t, clock, done);
      else {
        // orders arrive one by one, as the shop issues them
        addPathOrders(store, clock.now(), done, done + 1);
        await pay(t, done);
      }
      done++;
      // the cassette takes 1,500 notes (one a payment here): the collector empties it now and then
      if (done % 1000 === 0) store.encash('T-1', clock.now());
      if (!checkpoints.has(done)) continue;
      collect();
      const rss = await settledRss();
      const { heapUsed, heapTotal } = process.memoryUsage();
      readings.push({ payments: done, rss, heapUsed, heapTotal, dbBytes: fileBytes(path) + fileBytes(`${path}-wal`), map: memoryMap() });
    }
    t.stop();
    // mixed: a quarter of the actions are terminal payments
    const result: ChildResult = { readings, receipts: mixed ? receipts * 4 : receipts, pageCacheKiB: store.pageCacheKiB() };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runChild(v8Flags: string[], first: number, total: number, mixed = false): Promise<ChildResult> {
  const script = process.argv[1] ?? 'dist/bench.js';
  const args = ['--expose-gc', ...v8Flags, script, MEMORY_CHILD_FLAG, String(first), String(total), ...(mixed ? ['mixed'] : [])];
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 1 << 20 });
  const result = JSON.parse(stdout.trim().split('\n').pop() ?? '') as ChildResult;
  if (result.receipts !== total) throw new Error(`the memory child completed ${result.receipts} ${mixed ? 'actions' : 'payments'}, not ${total}`);
  return result;
}

const mib = (bytes: number) => bytes / MiB;
const curve = (readings: Reading[]) => readings.map((r) => `${r.payments}: ${mib(r.rss).toFixed(1)}`).join(', ');

/** where the growth is, first reading → last: the C heap (SQLite's page cache lives there) and the other anonymous memory (V8, threads' arenas) */
function whereItGrew({ readings, pageCacheKiB }: ChildResult): string {
  const [a, z] = [readings[0]!.map, readings[readings.length - 1]!.map];
  const span = (from: number, to: number) => `${mib(from).toFixed(1)} → ${mib(to).toFixed(1)} MiB`;
  const map = a && z ? `; C heap ([heap]) ${span(a.heap, z.heap)}, other anonymous memory ${span(a.anon, z.anon)}, mapped files ${span(a.files, z.files)}` : '';
  return `SQLite page cache at most ${pageCacheKiB} KiB${map}`;
}

export async function memory([first, total]: [number, number]): Promise<Row> {
  const child = await runChild(PINNED_YOUNG_GENERATION, first, total);
  const pinned = child.readings;
  const unpinned = (await runChild([], first, total)).readings;
  const [a, z] = [pinned[0]!, pinned[pinned.length - 1]!];
  const [ua, uz] = [unpinned[0]!, unpinned[unpinned.length - 1]!];
  return row({
    id: 4,
    name: `RSS growth ${first} → ${total} payments`,
    figure: mib(z.rss - a.rss),
    baseline: mib(a.rss),
    unit: 'MiB',
    ratio: z.rss / a.rss,
    target: { on: 'figure', op: '<=', limit: 5 },
    detail:
      `one process each (node --expose-gc, gc before each reading), terminal machine + SqliteStore on a tmpfs file, SimulatedClock, ` +
      `young generation pinned at 16 MiB: RSS MiB after ${curve(pinned)}; heap used ${mib(a.heapUsed).toFixed(1)} → ${mib(z.heapUsed).toFixed(1)} MiB; ` +
      `database ${mib(z.dbBytes).toFixed(1)} MiB; ${whereItGrew(child)}. Unpinned (node's defaults): RSS ${mib(ua.rss).toFixed(1)} → ${mib(uz.rss).toFixed(1)} MiB ` +
      `(+${mib(uz.rss - ua.rss).toFixed(1)}), heap total ${mib(ua.heapTotal).toFixed(1)} → ${mib(uz.heapTotal).toFixed(1)} MiB. The ratio is RSS after ${total} ÷ after ${first}`,
    samples: { rssBytes: pinned.map((r) => r.rss), heapUsedBytes: pinned.map((r) => r.heapUsed), unpinnedRssBytes: unpinned.map((r) => r.rss) },
  });
}

/** Row 13: the same readings for mixed actions across the places (see `mixedAction`). */
export async function mixedMemory([first, total]: [number, number]): Promise<Row> {
  // multiples of 4, so that each reading falls after a whole round of the four actions
  const [from, to] = [Math.ceil(first / 4) * 4, Math.ceil(total / 4) * 4];
  const child = await runChild(PINNED_YOUNG_GENERATION, from, to, true);
  const pinned = child.readings;
  const [a, z] = [pinned[0]!, pinned[pinned.length - 1]!];
  return row({
    id: 13,
    name: `RSS growth ${from} → ${to} mixed actions`,
    figure: mib(z.rss - a.rss),
    baseline: mib(a.rss),
    unit: 'MiB',
    ratio: z.rss / a.rss,
    target: { on: 'figure', op: '<=', limit: 5 },
    detail:
      `as row 4 (young generation pinned), in turn: a terminal payment through the machine, a site cash order, a desk payment, a mobile payment ` +
      `answered by SMS (the last three through the store calls their actors make): RSS MiB after ${curve(pinned)}; heap used ` +
      `${mib(a.heapUsed).toFixed(1)} → ${mib(z.heapUsed).toFixed(1)} MiB; database ${mib(z.dbBytes).toFixed(1)} MiB; ${whereItGrew(child)}`,
    samples: { rssBytes: pinned.map((r) => r.rss), heapUsedBytes: pinned.map((r) => r.heapUsed) },
  });
}
