/**
 * One program clock for every process on a store: F9/F10 in the kiosk move it ahead of real time, the
 * store keeps the offset, and `kiosk orders …` in another window (or the kiosk after a restart) acts at
 * the program's time, so an order's history never runs backwards.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startWorld } from '../../src/app/session.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import { DAY_MS } from '../../src/domain/rules.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { inDir } from '../process/helpers.js';
import { useTempDirs } from '../store/helpers.js';
import { asyncStore } from '../../src/domain/asyncStore.js';
import { storeProgramClock } from '../../src/adapters/programClock.js';

const tempDir = useTempDirs();
const HOUR_MS = 3_600_000;

describe("the program's clock is shared through the store", () => {
  it('F10 in the kiosk keeps the offset; a new kiosk on the store starts at the time reached', async () => {
    const store = new MemoryStore();
    const world = startWorld({ store: asyncStore(store), lang: 'en', terminalId: 'T-1' });
    world.send({ type: 'clock.advance', ms: DAY_MS });
    world.send({ type: 'clock.advance', ms: HOUR_MS });
    world.stop();
    // real time runs on between a jump's target and the offset it leaves: a millisecond or so
    expect(store.programClockOffset()).toBeGreaterThan(DAY_MS + HOUR_MS - 1_000);
    expect(store.programClockOffset()).toBeLessThan(DAY_MS + HOUR_MS + 60_000);
    const before = Date.now();
    const again = startWorld({ store: asyncStore(store), realClock: await storeProgramClock(asyncStore(store)), lang: 'en', terminalId: 'T-1' });
    expect(again.getSnapshot().context.now).toBeGreaterThanOrEqual(before + store.programClockOffset());
    again.stop();
  });

  it('the offset never moves back, and SQLite keeps it across a reopen', () => {
    const path = join(tempDir(), 'kiosk.db');
    const store = SqliteStore.open(path);
    expect(store.programClockOffset()).toBe(0);
    store.setProgramClockOffset(2 * DAY_MS);
    store.setProgramClockOffset(DAY_MS);
    store.close();
    const reopened = SqliteStore.open(path);
    expect(reopened.programClockOffset()).toBe(2 * DAY_MS);
    reopened.close();
  });

  it("R-CODE-7: kiosk orders cancel after the kiosk moved the clock 3 days acts at the program's time", () => {
    const dir = tempDir();
    const run = inDir(dir);
    expect(run('orders', 'list').status).toBe(0);
    const store = SqliteStore.open(join(dir, 'kiosk.db'));
    store.setProgramClockOffset(3 * DAY_MS);
    store.close();
    const before = Date.now();
    const cancelled = run('orders', 'cancel', '1000000005', '--refund', '500.00', '--json');
    const after = Date.now();
    expect(cancelled.status).toBe(0);
    const history = JSON.parse(cancelled.stdout).history as { kind: string; at: string }[];
    const at = Date.parse(history.find((e) => e.kind === 'cancelled')!.at);
    expect(at).toBeGreaterThanOrEqual(before + 3 * DAY_MS);
    expect(at).toBeLessThanOrEqual(after + 3 * DAY_MS);
  });
});
