/**
 * The debrief's mistake view (issue 18, `m`) at 80×24: a kiosk screen taller than the rows left is
 * cropped with a marker (its top, how many rows are left out, its closing row), and the keys line
 * stays the last line on screen.
 */
import React from 'react';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { TrainingFrame } from '../../screens/training/TrainingFrame.js';
import { croppedScreen } from '../../screens/training/Mistake.js';
import type { MistakeView } from '../../src/app/trainingPlaceView.js';
import { t } from '../../src/i18n/index.js';
import type { Lang } from '../../src/domain/training/attempt.js';

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

/** A kiosk screen of `rows` rows, each with something in it (nothing to condense), closed by its frame's last row. */
const tallScreen = (rows: number): string[] => [
  `╭${'─'.repeat(78)}╮`,
  ...Array.from({ length: rows - 2 }, (_, i) => `│ kiosk row ${String(i + 2).padStart(2, '0')}${' '.repeat(65)}│`),
  `╰${'─'.repeat(78)}╯`,
];

function mistake(lang: Lang, screen: string[], error: string | null = null): MistakeView {
  return {
    title: t(lang, 'training.mistake.title', { rule: 'R-TERM-1', title: "Don't go into Mobile" }),
    key: t(lang, 'training.mistake.key', { key: 'Type "1"', time: '0:12' }),
    right: t(lang, 'training.mistake.right', { text: 'Other services → Products by catalogs → Aliexpress' }),
    label: t(lang, 'training.mistake.before', { path: 'kiosk.menu' }),
    screen,
    cropped: t(lang, 'training.mistake.cropped'),
    error,
    keys: t(lang, 'training.mistake.keys'),
  };
}

/** The Training place as the app draws it at 80×24: the place bar takes one row, the frame the other 23 (its last one left free). */
function draw(view: MistakeView): string[] {
  const ink = render(<TrainingFrame view={{ screen: 'mistake', mistake: view }} width={80} height={23} />);
  cleanups.push(ink.unmount);
  return (ink.lastFrame() ?? '').split('\n');
}

describe('the mistake view at 80×24', () => {
  for (const lang of ['en', 'ru'] as const) {
    it(`a kiosk screen as tall as the terminal: the keys line is the last line, the screen cropped with a marker and closed (${lang})`, () => {
      const lines = draw(mistake(lang, tallScreen(24)));
      // with the place bar above, at most 23 of the 24 rows: the last one stays free, as under every place
      expect(lines.length).toBeLessThanOrEqual(22);
      expect(lines.at(-1)).toBe(t(lang, 'training.mistake.keys'));
      for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
      // 22 rows: title, key, right, label; 15 rows of the screen, the marker, its last row; the keys
      expect(lines.slice(4, 19)).toEqual(tallScreen(24).slice(0, 15));
      expect(lines[19]).toBe(t(lang, 'training.mistake.cropped').replace('{count}', '8'));
      expect(lines[20]).toBe(`╰${'─'.repeat(78)}╯`);
    });
  }

  it('with the error line too the keys line stays the last one; a screen that fits is drawn whole, with no marker', () => {
    const withError = draw(mistake('en', tallScreen(30), 'The moment cannot be shown: replay failed'));
    expect(withError.at(-1)).toBe(t('en', 'training.mistake.keys'));
    expect(withError).toContain('┄ 15 more rows · kiosk train replay --at-mistake shows the whole screen ┄');
    const small = draw(mistake('en', tallScreen(12)));
    expect(small.slice(4, 16)).toEqual(tallScreen(12));
    expect(small.join('\n')).not.toContain('┄');
    expect(small.at(-1)).toBe(t('en', 'training.mistake.keys'));
  });

  it('croppedScreen keeps the top and the last row and counts what it leaves out', () => {
    const rows = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect(croppedScreen(rows, 6)).toEqual({ top: rows, hidden: 0, last: null });
    expect(croppedScreen(rows, 4)).toEqual({ top: ['a', 'b'], hidden: 3, last: 'f' });
    expect(croppedScreen(rows, 2)).toEqual({ top: ['a', 'b'], hidden: 4, last: null });
    expect(croppedScreen(rows, 0)).toEqual({ top: [], hidden: 6, last: null });
  });
});
