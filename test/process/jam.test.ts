/**
 * The bill acceptor jam survives kill -9 (issue 14): the process dies right after the held note is
 * journaled; the next start shows the terminal out of service with that note, and service mode's
 * Clear jam credits it once (order first, the rest to the phone). A third start finds nothing to do,
 * and the encashment counts the cleared note. Through the headless terminal (the kiosk's machine,
 * adapters, store and keymap, src/adapters/crashHook.ts for the kill).
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { DEMO_PHONE, seedDemo } from '../../src/domain/orders/demo.js';
import { openDataStore } from '../../src/store/dataDir.js';
import { useTempDirs } from '../store/helpers.js';
import { bundleHeadless, HeadlessKiosk } from './headlessKiosk.js';
import { keyOfNote } from '../../src/domain/cash/banknoteKeys.js';
import type { Banknote } from '../../src/domain/rules.js';
import { sessionOf } from './moneyAudit.js';

const tempDir = useTempDirs();
const CODE = '1000000001';
const noteKey = (note: Banknote) => keyOfNote(note, false);

/** Lines of a start up to `ready`. */
async function startLines(kiosk: HeadlessKiosk): Promise<string[]> {
  const lines: string[] = [];
  for (let line = await kiosk.next(''); line !== 'ready'; line = await kiosk.next('')) lines.push(line!);
  return lines;
}

const heldRows = (dir: string) => {
  const db = new Database(join(dir, 'kiosk.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare<{ note: number; kind: string }>('SELECT note, kind FROM cash_journal ORDER BY id').all();
  } finally {
    db.close();
  }
};

it('kill -9 right after the held note is journaled: the next start is out of service with it, Clear jam credits it once', async () => {
  await bundleHeadless();
  const dir = tempDir();
  openDataStore(dir, { seed: (s) => seedDemo(s, Date.now()) }).close();

  const first = new HeadlessKiosk({ KIOSK_DATA_DIR: dir, KIOSK_TEST_CRASH_AT: 'hold:after' });
  expect(await startLines(first)).toEqual([]);
  first.send(`x811${CODE}\r\r9161234567\r`);
  expect(await first.next('view')).toMatch(/^view cash /);
  first.send(noteKey(2000));
  expect(await first.next('view')).toBe('view cash 2000.00 -');
  first.send('!fault jam');
  await first.next('fault');
  first.send(noteKey(5000));
  expect((await first.died()).signal).toBe(9);
  first.dispose();
  // journaled as held before anything was shown; nothing paid
  expect(heldRows(dir)).toEqual([{ note: 2000, kind: 'accepted' }, { note: 5000, kind: 'held' }]);
  expect(sessionOf(dir, CODE)?.receipts).toEqual([]);

  const second = new HeadlessKiosk({ KIOSK_DATA_DIR: dir });
  // no recovery pays it without service: out of service, holding the note
  expect(await startLines(second)).toEqual([`jammed 5000 ${CODE}`]);
  second.send('x');
  expect(await second.next('view')).toBe('view outOfService - -');
  second.send('*#*#0000\r');
  expect(await second.next('view')).toBe('view service - -');
  second.send('3');
  const receipt = await second.next('view');
  expect(receipt).toMatch(/^view receipt - \S+$/);
  second.send('\x03');
  await second.died();
  second.dispose();
  expect(sessionOf(dir, CODE)).toEqual({
    notes: [2000, 5000],
    receipts: [{ number: receipt!.split(' ')[3], accepted: '7000.00', toOrder: '4750.00', toPhone: '2250.00', recovered: 0 }],
  });

  const third = new HeadlessKiosk({ KIOSK_DATA_DIR: dir });
  expect(await startLines(third)).toEqual([]);
  third.send('\x03');
  await third.died();
  third.dispose();
  const store = openDataStore(dir);
  try {
    expect(sessionOf(dir, CODE)?.receipts).toHaveLength(1);
    expect(store.phoneAccount(DEMO_PHONE).ledger.filter((l) => l.amount === '2250.00')).toHaveLength(1);
    expect(store.findOrder(CODE)?.status).toBe('paid');
    expect(store.jammedSessions()).toEqual([]);
    // the cleared note is in the cassette the next encashment takes out
    const terminalId = store.receipt(receipt!.split(' ')[3]!)!.terminalId;
    expect(store.encash(terminalId, Date.now())).toMatchObject({ count: 2, total: '7000.00' });
  } finally {
    store.close();
  }
}, 120_000);
