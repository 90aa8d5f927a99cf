/**
 * `kiosk train` in a real terminal (issue 15): a trainee plays a built-in exercise perfectly
 * through the keys and sees the debrief with full marks; a trainee who quits mid-way (Ctrl+C)
 * finds the attempt `abandoned` in `kiosk train report`.
 */
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../store/helpers.js';
import { inDir } from './helpers.js';
import { PtyKiosk } from './ptyKiosk.js';

const tempDir = useTempDirs();
const F7 = '\x1b[18~';
const CTRL_C = '\x03';

describe('kiosk train', () => {
  it('R-TERM-1 R-TERM-2: Anna plays TERM-CHANGE-TO-PHONE perfectly through the keys and sees the debrief with full marks', async () => {
    const kiosk = new PtyKiosk(['train', '--trainee', 'Anna', '--memory', '--lang', 'en'], {});
    try {
      await kiosk.waitFor('trainee: Anna');
      kiosk.press('1');
      await kiosk.waitFor('Enter Start');
      kiosk.press('\r');
      await kiosk.waitFor('F7 answer');
      kiosk.press(' ');
      await kiosk.waitFor('Other services');
      for (const key of ['8', '1', '1']) kiosk.press(key);
      await kiosk.waitFor('Order number');
      kiosk.press('1000000123\r');
      await kiosk.waitFor('Check your data');
      kiosk.press(F7);
      await kiosk.waitFor('[1] The terminal gives no change');
      kiosk.press('1');
      await kiosk.waitFor('F8 stop');
      kiosk.press('\r');
      await kiosk.waitFor(/phone number/i);
      kiosk.press('9161234567\r');
      await kiosk.waitFor(/Insert/i);
      kiosk.press('8');
      await kiosk.waitFor('5,000');
      kiosk.press('p');
      // The debrief is drawn in more than one frame: wait until its verdict line is on screen too.
      const debrief = await kiosk.waitFor('No mistakes: every checkpoint passed.');
      expect(debrief).toContain('Score 100 of 100');
      kiosk.press('\r');
      await kiosk.waitFor('trainee: Anna');
      kiosk.press(CTRL_C);
      expect((await kiosk.exited).exitCode).toBe(0);
    } finally {
      kiosk.dispose();
    }
  });

  it('quitting mid-exercise with Ctrl+C records the attempt abandoned: kiosk train report shows it', async () => {
    const dir = tempDir();
    const kiosk = new PtyKiosk(['train', '--trainee', 'Boris', '--data-dir', dir, '--lang', 'en'], {});
    try {
      await kiosk.waitFor('trainee: Boris');
      kiosk.press('1');
      await kiosk.waitFor('Enter Start');
      kiosk.press('\r');
      await kiosk.waitFor('F7 answer');
      kiosk.press(' ');
      await kiosk.waitFor('Other services');
      kiosk.press(CTRL_C);
      expect((await kiosk.exited).exitCode).toBe(0);
    } finally {
      kiosk.dispose();
    }
    const report = inDir(dir)('train', 'report', '--format', 'csv');
    expect(report.status).toBe(0);
    const row = report.stdout.split('\n').find((line) => line.startsWith('Boris,TERM-CHANGE-TO-PHONE,'));
    expect(row?.split(',').slice(4, 6)).toEqual(['0', '1']);
  });
});
