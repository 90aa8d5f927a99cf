/**
 * The program clock's offset, kept by every store (the CLI's --clock moves it, test/cli): it starts
 * at 0, is kept in whole milliseconds, and never moves back (a program time once shown stays past).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import type { KioskStore } from '../../src/domain/store.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { useTempDirs } from './helpers.js';

const tempDir = useTempDirs();

const ADAPTERS: Array<[string, () => KioskStore]> = [
  ['MemoryStore', () => new MemoryStore()],
  ['SqliteStore', () => SqliteStore.open(join(tempDir(), 'kiosk.db'))],
];

describe.each(ADAPTERS)('%s keeps the program clock', (_name, open) => {
  it('starts at 0, moves forward in whole milliseconds, and never moves back', () => {
    const store = open();
    expect(store.programClockOffset()).toBe(0);
    store.setProgramClockOffset(3_600_000.6);
    expect(store.programClockOffset()).toBe(3_600_001);
    store.setProgramClockOffset(60_000);
    expect(store.programClockOffset()).toBe(3_600_001);
    store.setProgramClockOffset(7_200_000);
    expect(store.programClockOffset()).toBe(7_200_000);
    store.close();
  });
});
