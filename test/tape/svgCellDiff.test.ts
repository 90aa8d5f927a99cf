/** A --svg golden read back cell by cell: what frameToSvg drew, each cell's colours and attributes. */
import { describe, expect, it } from 'vitest';
import { ansiToSvg } from '../../src/pictures/frameSvg.js';
import { describeLook, svgCellDiffLines, svgCellLooks } from '../../src/tape/run/svgCellDiff.js';

const ESC = '\u001b';

describe('svgCellLooks', () => {
  it('reads back background, foreground, bold, underline and a wide character from a drawn frame', async () => {
    const svg = await ansiToSvg(`${ESC}[1;33;44mAB${ESC}[0m ${ESC}[4mu${ESC}[0m 界`, 10, 2);
    const look = (col: number) => describeLook(svgCellLooks(svg).get(`0,${col}`));
    expect(look(0)).toBe('fg #c4a000 bg #3465a4 bold');
    expect(look(1)).toBe('fg #c4a000 bg #3465a4 bold');
    expect(look(2)).toBe('default');
    expect(look(3)).toBe('underline');
    expect(look(5)).toBe(look(6));
    expect(look(7)).toBe('default');
  });
});

describe('svgCellDiffLines', () => {
  it('lists neighbouring cells changed the same way as one run, with their glyphs; none when only the bytes differ', async () => {
    const golden = await ansiToSvg(`${ESC}[7mPay${ESC}[0m Help`, 10, 1);
    const screen = await ansiToSvg(`Pay ${ESC}[7mHelp${ESC}[0m`, 10, 1);
    const lines = svgCellDiffLines(golden, screen, ['Pay Help']);
    expect(lines[0]).toBe('cells: 7 differ in colour or attributes (row:col "glyphs" expected → actual):');
    expect(lines.slice(1)).toEqual([expect.stringMatching(/^ {2}1:1-3 "Pay" fg #\w+ bg #\w+ → default$/), expect.stringMatching(/^ {2}1:5-8 "Help" default → fg #\w+ bg #\w+$/)]);
    expect(svgCellDiffLines(golden, golden.replace('<svg ', '<svg data-x="1" '), ['Pay Help'])).toHaveLength(1);
  });
});
