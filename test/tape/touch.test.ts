/**
 * Issue 21's tape words: `Tap`, `ExpectStyle`, `Resize`: parsed with cells and sizes checked at
 * file:line:column, run in-process (the kiosk's own hit test decides what a tap presses), and the
 * corpus tape that taps through the Euroset path also under --pty (dist/kiosk.js).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTape, parseTape } from '../../src/tape/language/parse.js';
import { runTape } from '../../src/tape/run/runTape.js';
import { runTapeInPty } from '../../src/tape/drivers/ptyDriver.js';
import { formatFailure } from '../../src/tape/index.js';
import { presentationTimeline } from '../../src/tape/reports/castTimeline.js';
import { asciicast } from '../../src/tape/reports/asciicast.js';

const TOUCH_TAPE = join(import.meta.dirname, '..', 'tapes', 'terminal', 'touch-euroset-pay-4750.tape');

function errorOf(source: string): string {
  const [error] = checkTape(source, 'touch.tape');
  if (!error) throw new Error(`no error in:\n${source}`);
  return error.message;
}

const stepsOf = (source: string) => parseTape(source, 'touch.tape').steps.slice(1);

describe('parsing Tap, ExpectStyle and Resize', () => {
  it('reads a tap on a label and on a cell (row, column)', () => {
    expect(stepsOf('Launch\nTap "Other services"\nTap 12,40')).toMatchObject([
      { kind: 'tap', target: { kind: 'label', label: 'Other services' } },
      { kind: 'tap', target: { kind: 'cell', row: 12, column: 40 } },
    ]);
  });

  it('refuses a cell outside the screen of that line: 80x24 by default, then Set Size, then each Resize', () => {
    expect(errorOf('Launch\nTap 25,1')).toBe('touch.tape:2:5: expected a cell on the 80x24 screen (row 1-24, column 1-80), found "25,1"');
    expect(errorOf('Launch\nTap 1,81')).toContain('touch.tape:2:5: expected a cell on the 80x24 screen');
    expect(checkTape('Set Size 100x30\nLaunch\nTap 30,100')).toEqual([]);
    expect(errorOf('Set Size 100x30\nLaunch\nResize 80x24\nTap 30,100')).toContain('touch.tape:4:5: expected a cell on the 80x24 screen');
    expect(errorOf('Launch\nTap 0,5')).toContain('touch.tape:2:5: expected a cell');
    expect(errorOf('Launch\nTap twelve')).toContain('touch.tape:2:5: expected a button label in double quotes, or a cell as ROW,COLUMN like 12,40, found "twelve"');
  });

  it('reads ExpectStyle with a flag, a colour, or not', () => {
    expect(stepsOf('Launch\nExpectStyle "Pay" inverse\nExpectStyle "Pay" fg yellow\nExpectStyle "Pay" not bold')).toMatchObject([
      { kind: 'expectStyle', text: 'Pay', style: { kind: 'inverse' }, negate: false },
      { kind: 'expectStyle', text: 'Pay', style: { kind: 'fg', color: 'yellow' }, negate: false },
      { kind: 'expectStyle', text: 'Pay', style: { kind: 'bold' }, negate: true },
    ]);
  });

  it('refuses an unknown style word or colour, naming it', () => {
    expect(errorOf('Launch\nExpectStyle "Pay" blinking')).toMatch(/^touch\.tape:2:19: expected a style: inverse, bold, dim, italic, underline, fg COLOUR or bg COLOUR \(or not STYLE\), found "blinking"$/);
    expect(errorOf('Launch\nExpectStyle "Pay" fg mauve')).toMatch(/^touch\.tape:2:22: expected a colour \(black, red, .*\), found "mauve"$/);
  });

  it('refuses a cell written with a space after the comma', () => {
    expect(errorOf('Launch\nTap 12, 40')).toBe('touch.tape:2:5: expected a button label in double quotes, or a cell as ROW,COLUMN like 12,40, found "12,"');
  });

  it('takes Set Size, as Resize, from 20x10 up, with the same message', () => {
    expect(checkTape('Set Size 20x10\nLaunch')).toEqual([]);
    expect(errorOf('Set Size 19x10\nLaunch')).toBe('touch.tape:1:10: expected a size like 100x30 (columns 20-500, rows 10-200), found "19x10"');
    expect(errorOf('Set Size 10x5\nLaunch')).toContain('expected a size like 100x30 (columns 20-500, rows 10-200)');
  });

  it('reads Resize from 20x10 up and refuses anything smaller', () => {
    expect(stepsOf('Launch\nResize 20x10')).toMatchObject([{ kind: 'resize', columns: 20, rows: 10 }]);
    expect(errorOf('Launch\nResize 19x10')).toBe('touch.tape:2:8: expected a size like 100x30 (columns 20-500, rows 10-200), found "19x10"');
    expect(errorOf('Launch\nResize 80x9')).toContain('touch.tape:2:8: expected a size like 100x30');
  });
});

async function failureOf(source: string): Promise<string> {
  const result = await runTape({ source, file: 'touch.tape' });
  if (!result.failure) throw new Error('the tape passed');
  return formatFailure(result.failure);
}

describe('running them in-process', () => {
  it('Tap on a label that is not a button fails listing the visible buttons', async () => {
    const failure = await failureOf('Set Lang en\nLaunch\nEnter\nTap "Other servicez"');
    expect(failure).toContain('no button "Other servicez" on this screen to tap');
    expect(failure).toContain('visible buttons: "Mobile"');
    expect(failure).toContain('"Other services"');
  });

  it('Tap on a label while the ask-to-enlarge screen shows says so, lists no buttons, and dumps the screen at the terminal\'s width', async () => {
    const failure = await failureOf('Set Lang en\nLaunch\nEnter\nResize 70x20\nTap "Other services"');
    expect(failure).toContain('the ask-to-enlarge screen is showing (70x20 is under 80x24)');
    expect(failure).not.toContain('visible buttons');
    const frame = failure.split('\n').find((line) => line.includes('┌'));
    expect(frame?.trim()).toBe(`┌${'─'.repeat(70)}┐`);
  });

  it('Tap on a cell with no button does nothing; on a button it presses it', async () => {
    const result = await runTape({ source: 'Set Lang en\nLaunch\nEnter\nTap 1,80\nExpectState kiosk.menu\nTap "Charity"\nExpect "Not available on this terminal"', file: 'touch.tape' });
    if (result.failure) expect.fail(formatFailure(result.failure));
  });

  it('a tap presses the buttons of every place: the site (by cell), a desk, the terminal while the phone has the keys', async () => {
    const passes = async (source: string) => {
      const result = await runTape({ source: `Set Lang en\n${source}`, file: 'touch.tape' });
      if (result.failure) expect.fail(formatFailure(result.failure));
    };
    // row 11, column 4: the site's "[O] My orders" at 80x24 (under the bar, the frame, the title and 4 products and the cart)
    await passes('Set Place site\nLaunch\nExpect /^│  \\[O\\] My orders/\nTap 11,4\nExpect "Orders of"');
    await passes('Set Place cashier\nLaunch\nTap "Play the cashier"\nExpectState desk.till');
    // the buttons under the finger are the terminal's, drawn beside the phone that has the keys
    await passes('Launch\nEnter\nGo phone\nTap "Other services"\nExpectState kiosk.services');
  });

  it('Tap "label" on the site finds the site\'s buttons, and a miss lists the site\'s buttons (not the terminal\'s)', async () => {
    const result = await runTape({ source: 'Set Lang en\nSet Place site\nLaunch\nTap "My orders"\nExpect "Orders of"', file: 'touch.tape' });
    if (result.failure) expect.fail(formatFailure(result.failure));
    const failure = await failureOf('Set Lang en\nSet Place site\nLaunch\nTap "Nothing here"');
    expect(failure).toContain('"My orders"');
    expect(failure).not.toContain('visible buttons: "Help"');
  });

  it('the desk\'s receipt QR view has a tappable way back to the receipt', async () => {
    const source = [
      'Set Lang en', 'Order 1000000003 amount 16990.00 phone +79161234567 issued -2h', 'Launch', 'Go cashier',
      'Type "1"', 'Type "1000000003"', 'Enter', 'ExpectState desk.readBack', 'Enter',
      'Insert 5000', 'Insert 5000', 'Insert 5000', 'Insert 5000', 'Type "p"', 'ExpectState desk.receipt',
      'Type "q"', 'ExpectState desk.qr', 'Tap "Back to the receipt"', 'ExpectState desk.receipt',
    ].join('\n');
    const result = await runTape({ source, file: 'touch.tape' });
    if (result.failure) expect.fail(formatFailure(result.failure));
  });

  it('a tap on the entry keypad types its digit; Tap "7" finds the keypad key', async () => {
    const source = [
      'Set Lang en', 'Launch', 'Enter', 'Tap "Other services"', 'Tap "Products by catalogs"', 'Tap "Aliexpress"',
      // row 13, column 12: the keypad's [9] at 80x24 (bar, frame, title, a blank, the prompt, the field's 3 rows, a blank, then [1] [4] [7] rows)
      'Tap "1"', 'Tap "0"', 'Tap 13,12', 'Expect "1 0 9 _"', 'Tap 13,14', 'Expect "1 0 9 _"',
    ].join('\n');
    const result = await runTape({ source, file: 'touch.tape' });
    if (result.failure) expect.fail(formatFailure(result.failure));
  });

  it('a run that draws no screen (headless) refuses a Tap instead of typing its report as keys', async () => {
    const result = await runTape({ source: 'Set Lang en\nLaunch\nEnter\nTap 1,1', file: 'touch.tape' }, { headless: true });
    expect(result.failure && formatFailure(result.failure)).toContain('a Tap has no button to land on');
  });

  it('ExpectStyle fails naming the cell and what its attributes are', async () => {
    const failure = await failureOf('Set Lang en\nLaunch\nEnter\nTap "Other services"\nExpectStyle "Traffic fines" inverse');
    expect(failure).toMatch(/"Traffic fines" at \d+:\d+ is not inverse/);
    expect(failure).toContain('its first cell "T": fg cyan');
    expect(await failureOf('Set Lang en\nLaunch\nEnter\nTap "Other services"\nExpectStyle "Products by catalogs" not inverse')).toMatch(/"Products by catalogs" at \d+:\d+ is inverse/);
    const missing = await failureOf('Set Lang en\nLaunch\nEnter\nExpectStyle "Nowhere" bold');
    expect(missing).toContain('ExpectStyle "Nowhere" bold: "Nowhere" is not on the screen');
    expect(missing.split('ExpectStyle')).toHaveLength(2);
  });

  it('Resize lays the kiosk out again and the cast records an "r" event', async () => {
    const result = await runTape({ source: 'Set Lang en\nLaunch\nEnter\nResize 120x40\nExpect "Other services"\nResize 60x20\nExpect "now 60×20"', file: 'touch.tape' });
    if (result.failure) expect.fail(formatFailure(result.failure));
    expect(result.cast.filter((e) => e.kind === 'r').map((e) => e.data)).toEqual(['120x40', '60x20']);
    // after the first resize the kiosk draws for 120 columns (before it, nothing is wider than 80)
    const widest = (events: typeof result.cast) =>
      Math.max(...events.filter((e) => e.kind === 'o').flatMap((e) => e.data.split('\r\n').map((line) => Array.from(line.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')).length)));
    const resized = result.cast.findIndex((e) => e.kind === 'r');
    expect(widest(result.cast.slice(0, resized))).toBeLessThanOrEqual(80);
    expect(widest(result.cast.slice(resized))).toBe(120);
  });

  it('a cast keeps the resize as an asciicast "r" event, paced or not', () => {
    const events = [
      { at: 0, kind: 'o', data: 'menu' },
      { at: 1, kind: 'r', data: '120x40' },
      { at: 2, kind: 'o', data: 'menu, wider' },
    ] as const;
    const paced = presentationTimeline(events);
    expect(paced.map((e) => e.kind)).toEqual(['o', 'r', 'o']);
    expect(asciicast({ columns: 80, rows: 24, title: 't' }, paced).split('\n')[2]).toMatch(/^\[[\d.]+,"r","120x40"\]$/);
  });

  it('the corpus tape taps through the Euroset path, resizing below 80x24 mid-payment without losing the cash', async () => {
    const result = await runTape(TOUCH_TAPE);
    if (result.failure) expect.fail(formatFailure(result.failure));
  });
});

describe('README', () => {
  it('R-TERM-1: the touch tape in "Touch, colours and size in a tape" passes as written', async () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Touch, colours and size in a tape'));
    const source = /```\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    expect(source).toContain('Tap "Other services"');
    const result = await runTape({ source, file: 'README.md' });
    if (result.failure) expect.fail(formatFailure(result.failure));
    expect(result.steps.length).toBe(result.totalSteps);
  });
});

describe('under --pty (dist/kiosk.js)', () => {
  it('the same tape passes: taps are written as SGR mouse reports, the window is resized for real', async () => {
    const result = await runTapeInPty(TOUCH_TAPE);
    if (result.failure) expect.fail(formatFailure(result.failure));
    expect(result.steps.length).toBe(result.totalSteps);
    expect(result.cast.filter((e) => e.kind === 'r').map((e) => e.data)).toEqual(['60x20', '100x30']);
  }, 60_000);
});
