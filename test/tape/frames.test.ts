/**
 * In-process, Ink draws a frame only when a step reads the screen (and at the end of the tape);
 * `everyFrame` (the CLI's --cast) draws each one, as the real program does. The screen read is the same.
 */
import { describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import { asyncStore } from '../../src/domain/asyncStore.js';
import { KioskHarness } from '../../src/tape/drivers/kioskHarness.js';
import { formatFailure, runTape } from '../../src/tape/index.js';

const TAPE = [
  'Set Lang en',
  'Launch',
  'Enter',
  'Press "Other services"',
  'Press "Products by catalogs"',
  'Press "Aliexpress"',
  'Type "1000000123"',
  'Expect "1 0 0 0 0 0 0 1 2 3"',
  'Backspace 3',
  'ExpectNot "1 2 3"',
  'Escape',
].join('\n');

/** frames with the screen on them (Ink also writes cursor codes alone) */
const frames = (cast: { kind: string; data: string }[]) => cast.filter((e) => e.kind === 'o' && e.data.includes('EUROSET')).length;

describe('frames drawn by the in-process runner', () => {
  it('only where a step reads the screen, the end of the tape, and nothing stale is read', async () => {
    const lazy = await runTape({ source: TAPE, file: 'lazy.tape' });
    if (lazy.failure) expect.fail(formatFailure(lazy.failure));
    // Launch and the keys draw nothing; the two Expects and the end of the tape draw one frame each
    expect(frames(lazy.cast)).toBe(3);
  });

  it('every frame with everyFrame (casts), with the same verdicts', async () => {
    const every = await runTape({ source: TAPE, file: 'every.tape' }, { everyFrame: true });
    if (every.failure) expect.fail(formatFailure(every.failure));
    expect(frames(every.cast)).toBeGreaterThan(15);
  });

  it('a failing Expect shows the current screen, drawn for it', async () => {
    const result = await runTape({ source: 'Set Lang en\nLaunch\nEnter\nPress "Other services"\nPress "Products by catalogs"\nPress "Aliexpress"\nType "4242"\nExpect "no such text"\n', file: 'fail.tape' });
    expect(result.failure?.screen.join('\n')).toContain('4 2 4 2');
  });

  // the harness finds Ink's instance through WeakMap.prototype.set during render (Ink does not
  // export it); an Ink that stores it otherwise would silently put every tape back on every frame
  it("finds Ink's root on launch and defers its drawing (the fast path, not the every-frame fallback)", async () => {
    const harness = new KioskHarness({ store: asyncStore(new MemoryStore()), clock: new SimulatedClock(), lang: 'en', frames: 'on-read' });
    try {
      await harness.launch();
      expect(harness.drawsOnRead).toBe(true);
      const drawn = frames(harness.cast);
      await harness.keys('\r');
      // a key's commit leaves its frame waiting; reading the screen draws it
      expect(frames(harness.cast)).toBe(drawn);
      await harness.paint();
      expect(frames(harness.cast)).toBe(drawn + 1);
    } finally {
      await harness.dispose();
    }
  });
});
