/**
 * The program clock's offset, kept by every store (the CLI's --clock moves it, test/cli): it starts
 * at 0, is kept in whole milliseconds, and never moves back (a program time once shown stays past).
 */
import { describe, expect, it } from 'vitest';
import { useTempDirs } from './helpers.js';
import { storeAdapters } from './adapters.js';

const tempDir = useTempDirs();

const ADAPTERS = storeAdapters(tempDir, { pg: true });

describe.each(ADAPTERS)('%s keeps the program clock', (_name, open) => {
  it('starts at 0, moves forward in whole milliseconds, and never moves back', async () => {
    const store = await open();
    expect(await store.programClockOffset()).toBe(0);
    await store.setProgramClockOffset(3_600_000.6);
    expect(await store.programClockOffset()).toBe(3_600_001);
    await store.setProgramClockOffset(60_000);
    expect(await store.programClockOffset()).toBe(3_600_001);
    await store.setProgramClockOffset(7_200_000);
    expect(await store.programClockOffset()).toBe(7_200_000);
    await store.close();
  });
});
