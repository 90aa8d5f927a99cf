/**
 * Touch (issue 21): SGR mouse reports decoded, hit-tested against the buttons' rectangles as Ink laid
 * them out, and a tap pressing the button as its hotkey would. Taps elsewhere, releases and other
 * buttons do nothing, and no report ever reaches the key handling as stray keys.
 */
import { describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import { isMouseSequence, tapBytes, tapOf } from '../../src/app/mouse.js';
import { cellOf } from './cellOf.js';
import { hitTest, type TapTarget } from '../../screens/common/tapTargets.js';
import { KioskHarness } from '../../src/tape/drivers/kioskHarness.js';
import { asyncStore } from '../../src/domain/asyncStore.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';

describe('SGR mouse reports', () => {
  it('reads a press of the first button as a tap on its 1-based row and column', () => {
    expect(tapOf('\x1b[<0;40;12M')).toEqual({ row: 12, column: 40 });
  });

  it('takes releases, other buttons, the wheel and motion for no tap, but for mouse reports all the same', () => {
    for (const report of ['\x1b[<0;40;12m', '\x1b[<2;40;12M', '\x1b[<64;40;12M', '\x1b[<32;40;12M', '\x1b[<4;40;12M']) {
      expect(tapOf(report), report).toBeNull();
      expect(isMouseSequence(report), report).toBe(true);
    }
  });

  it('takes keys for no mouse report', () => {
    for (const key of ['\r', '\x1b', '\x1b[A', '\x1b[15~', 'a', '\x1b[<0;40;12']) expect(isMouseSequence(key), JSON.stringify(key)).toBe(false);
  });

  it('writes a tap as a terminal sends it: the press, then the release', () => {
    expect(tapBytes({ row: 3, column: 7 })).toBe('\x1b[<0;7;3M\x1b[<0;7;3m');
    const bytes = tapBytes({ row: 3, column: 7 });
    expect(tapOf(bytes.slice(0, bytes.indexOf('M') + 1))).toEqual({ row: 3, column: 7 });
  });
});

describe('hit test', () => {
  const targets: TapTarget[] = [
    { action: { kind: 'button', id: 'pay' }, rect: { top: 10, left: 3, bottom: 10, right: 12 } },
    { action: { kind: 'button', id: 'back' }, rect: { top: 10, left: 40, bottom: 11, right: 50 } },
  ];

  it('finds the button whose cells hold the tap, edges included', () => {
    expect(hitTest(targets, 10, 3)?.action).toEqual({ kind: 'button', id: 'pay' });
    expect(hitTest(targets, 10, 12)?.action).toEqual({ kind: 'button', id: 'pay' });
    expect(hitTest(targets, 11, 50)?.action).toEqual({ kind: 'button', id: 'back' });
  });

  it('finds none beside, above or below a button', () => {
    expect(hitTest(targets, 10, 2)).toBeNull();
    expect(hitTest(targets, 10, 13)).toBeNull();
    expect(hitTest(targets, 9, 5)).toBeNull();
    expect(hitTest(targets, 12, 45)).toBeNull();
  });
});

async function withKiosk(run: (harness: KioskHarness) => Promise<void>): Promise<void> {
  const harness = new KioskHarness({ store: asyncStore(new MemoryStore()), clock: new SimulatedClock(), lang: 'en', frames: 'on-read' });
  try {
    await harness.launch();
    await harness.keys('\r'); // the idle screen → the menu
    await harness.paint();
    await run(harness);
  } finally {
    await harness.dispose();
  }
}

describe('a tap in the kiosk', () => {
  it('on a button presses it: "Other services" opens the services', async () => {
    await withKiosk(async (harness) => {
      await harness.keys(tapBytes(cellOf(harness.lines(), 'Other services')));
      expect(harness.view().statePath).toContain('services');
    });
  });

  it('on the last cell of a button still presses it; on the cell after it does nothing', async () => {
    await withKiosk(async (harness) => {
      const label = '[8] Other services';
      const start = cellOf(harness.lines(), label);
      const before = harness.view().statePath;
      await harness.keys(tapBytes({ row: start.row, column: start.column + label.length + 2 }));
      expect(harness.view().statePath).toBe(before);
      await harness.keys(tapBytes({ row: start.row, column: start.column + label.length - 1 }));
      expect(harness.view().statePath).toContain('services');
    });
  });

  it('elsewhere does nothing and types nothing: the screen is the same', async () => {
    await withKiosk(async (harness) => {
      const before = harness.lines();
      const path = harness.view().statePath;
      await harness.keys(tapBytes({ row: 1, column: 80 }));
      await harness.keys('\x1b[<0;5;5m\x1b[<2;5;5M\x1b[<64;5;5M');
      await harness.paint();
      expect(harness.view().statePath).toBe(path);
      expect(harness.lines()).toEqual(before);
    });
  });
});

describe('a tap on a "press any key" screen', () => {
  it('anywhere on the idle screen starts, as any key does (a touch-only customer gets past it)', async () => {
    const harness = new KioskHarness({ store: asyncStore(new MemoryStore()), clock: new SimulatedClock(), lang: 'en', frames: 'on-read' });
    try {
      await harness.launch();
      await harness.paint();
      expect(harness.view().screen).toBe('idle');
      await harness.keys(tapBytes({ row: 20, column: 5 }));
      await harness.paint();
      expect(harness.view().screen).not.toBe('idle');
      expect(harness.lines().join('\n')).toContain('Other services');
    } finally {
      await harness.dispose();
    }
  });
});

describe('a tap on the place bar', () => {
  it('on a place\'s label switches to it, as its function key does', async () => {
    await withKiosk(async (harness) => {
      await harness.keys(tapBytes(cellOf(harness.lines(), 'F1 Site')));
      expect(harness.place).toBe('site');
      await harness.paint();
      await harness.keys(tapBytes(cellOf(harness.lines(), 'F4 Cashier')));
      expect(harness.place).toBe('cashier');
      await harness.paint();
      await harness.keys(tapBytes(cellOf(harness.lines(), 'F3 Terminal')));
      expect(harness.place).toBe('terminal');
    });
  });
});
