/**
 * The CLI's colours (issue 10, item 8): tape results and store tables are coloured on a terminal,
 * plain when piped or with NO_COLOR, and `--json` is never coloured.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { Chalk } from 'chalk';
import pty from 'node-pty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colorLevel, paintStatus, PLAIN } from '../../src/cli/colors.js';
import { table } from '../../src/cli/storeOutput.js';
import { summaryLine } from '../../src/cli/tapeReport.js';
import { KIOSK_BIN, kiosk } from '../process/helpers.js';

/** A folder for a whole describe block (its tapes and data), removed after it. */
function suiteDir(): () => string {
  let dir = '';
  beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), 'kiosk-colors-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}
const ESC = '\x1b[';
const COLOURS = new Chalk({ level: 1 });

/** Runs `kiosk ARGS` in a pseudo-terminal to its end; the output with \r\n made \n. */
function inPty(args: string[], env: Record<string, string> = {}): Promise<{ exitCode: number; output: string }> {
  const proc = pty.spawn(process.execPath, [KIOSK_BIN, ...args], {
    name: 'xterm-256color', cols: 200, rows: 50,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/nonexistent', TERM: 'xterm-256color', ...env },
  });
  let output = '';
  proc.onData((data) => (output += data));
  return new Promise((resolve) => proc.onExit(({ exitCode }) => resolve({ exitCode, output: output.replace(/\r\n/g, '\n') })));
}

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);

describe('colours: one instance per stream, status words painted from one table', () => {
  it('NO_COLOR with any non-empty value turns colour off; empty or absent leaves what the stream supports', () => {
    expect(colorLevel(2, { NO_COLOR: '1' })).toBe(0);
    expect(colorLevel(3, { NO_COLOR: 'false' })).toBe(0);
    expect(colorLevel(2, { NO_COLOR: '' })).toBe(2);
    expect(colorLevel(1, {})).toBe(1);
  });

  it('paid green, partially paid and open yellow, abandoned/expired/refused red, awaiting and unknown words default', () => {
    expect(paintStatus(COLOURS, 'paid')).toBe(COLOURS.green('paid'));
    expect(paintStatus(COLOURS, 'partially_paid')).toBe(COLOURS.yellow('partially_paid'));
    expect(paintStatus(COLOURS, 'open')).toBe(COLOURS.yellow('open'));
    for (const word of ['abandoned', 'expired', 'refused']) expect(paintStatus(COLOURS, word)).toBe(COLOURS.red(word));
    for (const word of ['awaiting', 'constructor', 'toString']) expect(paintStatus(COLOURS, word)).toBe(word);
  });

  it('a coloured table is the plain table plus escape codes: widths come from the text, headers bold', () => {
    const headers = ['CODE', 'STATUS', 'OWED'];
    const rows = [['1000000001', 'partially_paid', '2,300.00 ₽'], ['1000000005', 'paid', '0.00 ₽']];
    const plain = table(headers, rows, { status: ['STATUS'] });
    const coloured = table(headers, rows, { status: ['STATUS'], colors: COLOURS });
    expect(plain).not.toContain(ESC);
    expect(stripVTControlCharacters(coloured)).toBe(plain);
    expect(coloured.split('\n')[0]).toContain(COLOURS.bold('CODE'));
    expect(coloured).toContain(`${COLOURS.yellow('partially_paid')}  `);
    expect(coloured).toContain(COLOURS.green('paid'));
    expect(table(headers, rows, { status: ['STATUS'], colors: PLAIN })).toBe(plain);
  });

  it('the closing line is exactly "N passed, N failed" once the colours are taken off', () => {
    expect(summaryLine(2, 1)).toBe('2 passed, 1 failed');
    expect(summaryLine(0, 0, COLOURS)).toBe('0 passed, 0 failed');
    expect(stripVTControlCharacters(summaryLine(2, 1, COLOURS))).toBe('2 passed, 1 failed');
    expect(summaryLine(2, 1, COLOURS)).toContain(COLOURS.bold.red('1 failed'));
  });
});

describe('kiosk tape run: coloured on a terminal, plain otherwise', () => {
  const folder = suiteDir();
  let pass = '';
  let fail = '';
  beforeAll(() => {
    const dir = folder();
    pass = join(dir, 'pass.tape');
    fail = join(dir, 'fail.tape');
    writeFileSync(pass, 'Set Lang en\nLaunch\nExpect "EUROSET"\n');
    writeFileSync(fail, 'Set Lang en\nLaunch\nExpect "EUROSET"\nExpectState kiosk.menu\n');
  });

  it('in a pseudo-terminal: PASS green, FAIL red, the failure red with its state path, the summary text unchanged', async () => {
    const { exitCode, output } = await inPty(['tape', 'run', pass, fail]);
    expect(exitCode).toBe(1);
    expect(output).toContain(`${COLOURS.bold.green('PASS')} ${pass}`);
    expect(output).toContain(`${COLOURS.bold.red('FAIL')} ${fail}`);
    expect(output).toContain(COLOURS.red(`${fail}:4:1: ExpectState kiosk.menu: expected the state kiosk.menu, but it is kiosk.idle`));
    expect(output).toContain(`${COLOURS.dim('state:')} ${COLOURS.cyan('kiosk.idle')}`);
    expect(lastLine(output)).toBe(`${COLOURS.green('1 passed')}, ${COLOURS.bold.red('1 failed')}`);
    expect(stripVTControlCharacters(lastLine(output)!)).toBe('1 passed, 1 failed');
  });

  it('piped: not one escape code, and the closing line is plain "1 passed, 1 failed"', () => {
    const run = kiosk(['tape', 'run', pass, fail]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`PASS ${pass}`);
    expect(run.stdout).not.toContain('\x1b');
    expect(lastLine(run.stdout)).toBe('1 passed, 1 failed');
  });

  it('NO_COLOR=1 in a pseudo-terminal: no colour; NO_COLOR empty: colour (no-color.org)', async () => {
    const plain = await inPty(['tape', 'run', pass, fail], { NO_COLOR: '1' });
    expect(plain.output).toContain(`FAIL ${fail}`);
    expect(plain.output).not.toContain('\x1b');
    expect(lastLine(plain.output)).toBe('1 passed, 1 failed');
    expect((await inPty(['tape', 'run', pass], { NO_COLOR: '' })).output).toContain(COLOURS.bold.green('PASS'));
  });

  it('FORCE_COLOR=1 colours a pipe (the bundle keeps supports-color working); FORCE_COLOR=0 plains a terminal', async () => {
    expect(kiosk(['tape', 'run', pass], { FORCE_COLOR: '1' }).stdout).toContain(COLOURS.bold.green('PASS'));
    expect(kiosk(['tape', 'run', pass], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toContain('\x1b');
    expect((await inPty(['tape', 'run', pass], { FORCE_COLOR: '0' })).output).not.toContain('\x1b');
  });
});

describe('store tables: headers bold and statuses coloured on a terminal; piped, NO_COLOR and --json plain', () => {
  const folder = suiteDir();
  let dataDir = '';
  beforeAll(() => {
    // a paid order with its note in the journal, its receipt, and the change on the phone
    const dir = folder();
    dataDir = join(dir, 'data');
    const tape = join(dir, 'pay.tape');
    writeFileSync(tape, [
      'Set Lang en', 'Set DataDir data', 'Order 1000000123 amount 4750.00 phone +79161234567 issued -2h',
      'Launch', 'Enter', 'Press "Other services"', 'Press "Products by catalogs"', 'Press "Aliexpress"',
      'Type "1000000123"', 'Press "Next"', 'Press "Next"', 'Type "9161234567"', 'Press "Next"', 'Insert 5000', 'Press "Pay"',
      'ExpectOrder 1000000123 paid', '',
    ].join('\n'));
    const paid = kiosk(['tape', 'run', tape]);
    expect(paid.stdout).toContain('1 passed, 0 failed');
    expect(kiosk(['orders', 'new', '--amount', '900', '--phone', '+79161234567', '--code', '1000000124', '--data-dir', dataDir]).status).toBe(0);
  });
  const inData = (...args: string[]) => [...args, '--data-dir', dataDir];

  it('in a pseudo-terminal: orders list, orders show, journal, receipts list and phones show', async () => {
    const orders = (await inPty(inData('orders', 'list'))).output;
    expect(orders).toContain(COLOURS.bold('CODE'));
    expect(orders).toMatch(/1000000123 .*\x1b\[32mpaid\x1b\[39m/);
    expect(orders).toMatch(/1000000124 .* awaiting /);
    expect((await inPty(inData('orders', 'show', '1000000123'))).output).toContain(`status      ${COLOURS.green('paid')}`);
    const journal = (await inPty(inData('journal'))).output;
    expect(journal).toContain(COLOURS.bold('STATE'));
    expect(journal).toContain(COLOURS.green('paid'));
    expect((await inPty(inData('receipts', 'list'))).output).toContain(COLOURS.bold('NUMBER'));
    const phone = (await inPty(inData('phones', 'show', '+79161234567'))).output;
    expect(phone).toContain(COLOURS.bold('REASON'));
    expect(phone).toContain(COLOURS.bold('FROM'));
    expect(phone).toContain(COLOURS.bold('ABOUT')); // a receipt or an order
  });

  it('--json in a pseudo-terminal has no colour', async () => {
    for (const args of [['orders', 'list'], ['orders', 'show', '1000000123'], ['journal'], ['receipts', 'list'], ['phones', 'show', '+79161234567']]) {
      const { exitCode, output } = await inPty(inData(...args, '--json'));
      expect(exitCode).toBe(0);
      expect(output).not.toContain('\x1b');
      expect(() => JSON.parse(output)).not.toThrow();
    }
  });

  it('piped and with NO_COLOR=1 in a pseudo-terminal: the same tables without an escape code', async () => {
    for (const args of [['orders', 'list'], ['journal'], ['receipts', 'list'], ['phones', 'show', '+79161234567']]) {
      const piped = kiosk(inData(...args));
      expect(piped.status).toBe(0);
      expect(piped.stdout).not.toContain('\x1b');
      const noColor = await inPty(inData(...args), { NO_COLOR: '1' });
      expect(noColor.output).not.toContain('\x1b');
      expect(noColor.output).toBe(piped.stdout);
    }
  });
});
