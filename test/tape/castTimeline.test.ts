import { describe, expect, it } from 'vitest';
import { isNewScreen, presentationTimeline } from '../../src/tape/reports/castTimeline.js';
import type { CastEvent } from '../../src/tape/drivers/virtualTerminal.js';

const frame = (...rows: string[]) => `\x1b[H\x1b[2J${rows.join('\r\n')}`;
const at = (events: CastEvent[]) => events.map((e) => [e.at, e.kind, e.kind === 'm' ? e.data : '']);

describe('presentationTimeline', () => {
  const pace = { typingMs: 80, pauseMs: 1000 };

  it('types one beat per frame of a screen and pauses on a new screen, whatever the run took', () => {
    const events: CastEvent[] = [
      { at: 0, kind: 'm', data: '2: Launch' },
      { at: 0, kind: 'o', data: frame('EUROSET', 'Pay') },
      { at: 1, kind: 'm', data: '3: Type "12"' },
      { at: 1, kind: 'o', data: frame('Order number', '1_', 'Next') },
      { at: 1, kind: 'o', data: frame('Order number', '12_', 'Next') },
      { at: 1, kind: 'o', data: frame('Order number', '123', 'Next') },
    ];
    expect(at(presentationTimeline(events, pace))).toEqual([
      [0, 'm', '2: Launch'],
      [0, 'o', ''],
      [1000, 'm', '3: Type "12"'],
      [1000, 'o', ''],
      [2000, 'o', ''],
      [2080, 'o', ''],
    ]);
  });

  it('shows a jump of the simulated clock as a marker and compresses it to one pause', () => {
    const hours48 = 48 * 3_600_000;
    const events: CastEvent[] = [
      { at: 0, kind: 'o', data: frame('Order number') },
      { at: 5, kind: 'm', data: '9: Advance 48h' },
      { at: hours48 + 5, kind: 'o', data: frame('Order number') },
      { at: hours48 + 205, kind: 'o', data: frame('Order number', '1') },
    ];
    expect(at(presentationTimeline(events, pace))).toEqual([
      [0, 'o', ''],
      [1000, 'm', '9: Advance 48h'],
      [1000, 'm', 'clock +48h (simulated)'],
      [2000, 'o', ''],
      [2080, 'o', ''],
    ]);
  });

  it('takes the pace it is given: --cast-typing 0 and --cast-pause 0 give a cast of no length', () => {
    const events: CastEvent[] = [
      { at: 0, kind: 'o', data: frame('A') },
      { at: 9_000_000, kind: 'o', data: frame('B') },
    ];
    expect(presentationTimeline(events, { typingMs: 0, pauseMs: 0 }).map((e) => e.at)).toEqual([0, 0, 0]);
  });
});

describe('isNewScreen', () => {
  it('is true when most text rows changed, false for a keystroke on the same screen', () => {
    expect(isNewScreen(['Order number', '1_', 'Next'], ['Order number', '12_', 'Next'])).toBe(false);
    expect(isNewScreen(['Order number', '12_', 'Next'], ['Cash', 'Insert notes', 'Pay'])).toBe(true);
    expect(isNewScreen([], ['EUROSET'])).toBe(true);
    expect(isNewScreen(['EUROSET'], ['', ''])).toBe(false);
  });
});
