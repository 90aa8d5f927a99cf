/**
 * Touch on the keys a screen lists as text (issue 21: every place answers taps): which help-line
 * items name a key, and the corpus tape that plays the cashier's till by tapping its help line,
 * in-process (the corpus shards play it under --pty too, with --parity).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bracketKeyOf, hintKeyOf, keyNamed } from '../../screens/common/keyHints.js';
import { runTape } from '../../src/tape/run/runTape.js';
import { formatFailure } from '../../src/tape/index.js';

const TILL_TAPE = join(import.meta.dirname, '..', 'tapes', 'cashier', 'touch-till-hints-en.tape');

describe('the key a help line\'s item names', () => {
  it('is its first word when that is a key: named keys, function keys, one letter (lower case) or digit, `h:`', () => {
    expect(['Enter next ·', 'Esc back', 'Tab before ⇄ after ·', '⌫ erase ·', 'F8 stop', 'O shift ·', 'p pay ·', 'h: help ·', 'Enter ·'].map(hintKeyOf))
      .toEqual(['Enter', 'Esc', 'Tab', '⌫', 'F8', 'o', 'p', 'h', 'Enter']);
  });

  it('is none for ranges, arrows, two keys at once or plain words', () => {
    for (const item of ['1–8 notes ·', 'Q–I coins ·', 'X/Z report ·', '↑↓←→ choose ·', 'PgDn PgUp pages ·', 'Type your name ·', 'Any key: start ·', '[X] hotkey ·']) {
      expect(hintKeyOf(item), item).toBeNull();
    }
    expect(keyNamed('F13')).toBeNull();
    expect(keyNamed('ж')).toBeNull();
  });

  it('of a `[1] …` line is the key in its brackets', () => {
    expect(bracketKeyOf('[1] The terminal gives no change')).toBe('1');
    expect(bracketKeyOf('[a] Site: cancel · easy')).toBe('a');
    expect(bracketKeyOf('    goal: pay the order')).toBeNull();
  });
});

describe('Tap "label" on a help line\'s key', () => {
  it('R-CASH-1: taps the till through a payment in-process (O shift, N next, Enter), and Esc back on the terminal', async () => {
    const result = await runTape(TILL_TAPE);
    if (result.failure) expect.fail(formatFailure(result.failure));
    expect(result.steps.length).toBe(result.totalSteps);
  });

  it('fails, listing the buttons, for a key no help line shows or a text that names no key', async () => {
    const source = 'Set Lang en\nLaunch\nEnter\nTap "F7 answer"\n';
    const result = await runTape({ source, file: 'hint.tape' });
    expect(result.failure?.message).toContain('no button "F7 answer" on this screen to tap');
    const words = await runTape({ source: 'Set Lang en\nLaunch\nEnter\nTap "back"\n', file: 'hint.tape' });
    expect(words.failure?.message).toContain('no button "back" on this screen to tap');
  });

  // under --pty it runs with the corpus: test/tape/corpus.shard-*.test.ts plays it with --parity
});
