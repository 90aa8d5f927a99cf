/** `kiosk tape record` at a desk (issue 12): notes handed to the cashier or the Post are written as `Insert`, as at the terminal. */
import { describe, expect, it } from 'vitest';
import type { View } from '../../src/app/view.js';
import type { DeskView } from '../../machines/desk/deskView.js';
import { TapeRecorder } from '../../src/cli/tapeRecorder.js';
import { parseTape } from '../../src/tape/language/parse.js';

const terminalOn = (screen: string) => ({ screen }) as unknown as View;
const deskIn = (mode: DeskView['mode']) => ({ mode }) as unknown as DeskView;

describe('recording at a desk', () => {
  it('R-CASH-1: note keys while the desk takes cash are written as Insert (worn too); digits of the code stay typed text', () => {
    const recorder = new TapeRecorder();
    recorder.input('1000000003', terminalOn('idle'), deskIn('digits'));
    recorder.input('8', terminalOn('idle'), deskIn('notes'));
    recorder.input('8', terminalOn('idle'), deskIn('notes'));
    recorder.input('!', terminalOn('idle'), deskIn('notes'));
    const lines = recorder.finish();
    expect(lines).toEqual(['Type "1000000003"', 'Insert 5000', 'Insert 5000', 'Insert 10 worn']);
    expect(parseTape(`Launch\n${lines.join('\n')}`).steps.slice(1).map((s) => s.kind)).toEqual(['type', 'insert', 'insert', 'insert']);
  });

  it('the keys at a desk never count as notes for the terminal behind it, even on its cash screen', () => {
    const recorder = new TapeRecorder();
    recorder.input('5', terminalOn('cash'), deskIn('digits'));
    expect(recorder.finish()).toEqual(['Type "5"']);
    const atTerminal = new TapeRecorder();
    atTerminal.input('5', terminalOn('cash'));
    expect(atTerminal.finish()).toEqual(['Insert 500']);
  });
});
