/** The tape engine in-process: each assertion passing and failing, the failure report, exit kinds. */
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import type { SyncKioskStore } from '../../src/domain/store.js';
import { formatFailure, runTape, TapeEngine, TapeStepError } from '../../src/tape/index.js';

const ORDER = 'Order 1000000123 amount 4750.00 phone +79161234567';
const TO_CASH = ['Enter', 'Press "Other services"', 'Press "Products by catalogs"', 'Press "Aliexpress"', 'Type "1000000123"', 'Press "Next"', 'Press "Next"', 'Type "9161234567"', 'Press "Next"'].join('\n');

let engine: TapeEngine | null = null;
afterEach(async () => {
  await engine?.dispose();
  engine = null;
});

async function open(setup = `Set Lang en\n${ORDER}`): Promise<TapeEngine> {
  engine = await TapeEngine.fromSource(setup);
  return engine;
}

async function failureOf(e: TapeEngine, text: string) {
  const error = await e.exec(text).then(() => null, (err: unknown) => err);
  expect(error).toBeInstanceOf(TapeStepError);
  return (error as TapeStepError).failure;
}

describe('TapeEngine step by step', () => {
  it('R-TERM-1: drives the menu path with exec() and reports the state path', async () => {
    const e = await open();
    await e.exec(TO_CASH);
    expect(e.statePath()).toBe('cash.empty');
    await e.exec('Insert 5000\nExpectState cash.holding\nExpectState cash.inserting.holding');
    await e.exec('Press "Pay"');
    expect(e.statePath()).toBe('kiosk.receipt');
    expect(e.receipts).toHaveLength(1);
  });

  it('Expect matches one line at a time, never text split across two lines', async () => {
    const e = await open();
    await e.exec('Expect "Press any key to start"');
    const failure = await failureOf(e, 'Expect /to start\\s+Demo/');
    expect(failure.kind).toBe('assertion');
    expect(failure.message).toContain('no line has it');
    expect(failure.screen.join('\n')).toContain('Press any key to start');
  });

  it('ExpectNot fails naming the line that shows the text', async () => {
    const e = await open();
    const failure = await failureOf(e, 'ExpectNot "EUROSET"');
    expect(failure.message).toMatch(/but line \d+ does/);
  });

  it('ExpectState matches whole dotted segments as a prefix', async () => {
    const e = await open();
    await e.exec(`${TO_CASH}\nExpectState cash\nExpectState cash.empty\nExpectState cash.inserting`);
    const failure = await failureOf(e, 'ExpectState cash.emp');
    expect(failure.message).toBe('expected the state cash.emp, but it is cash.empty');
    expect(failure.statePath).toBe('cash.empty');
  });

  it('ExpectState reads the machines\' real state paths and keeps the old names as aliases, saying what they stand for', async () => {
    const e = await open();
    await e.exec(TO_CASH);
    expect(e.statePath()).toBe('cash.empty');
    await e.exec('ExpectState cash.inserting.empty');
    const failure = await failureOf(e, 'ExpectState cash.inserting.holding');
    expect(failure.message).toBe('expected the state cash.inserting.holding (an old name for cash.holding), but it is cash.empty');
  });

  it('Press fails listing the visible buttons in the current language', async () => {
    const e = await open();
    const failure = await failureOf(e, 'Enter\nPress "Pay for an order"');
    expect(failure.message).toBe('no button "Pay for an order" on this screen');
    expect(failure.details[0]).toContain('"Other services"');
    expect(failure.line).toBe(2);
    expect(formatFailure(failure)).toMatch(/^<tape>:2:1: Press "Pay for an order": no button/);
  });

  it('Press reaches a button without a hotkey by arrows and Enter', async () => {
    const e = await open();
    await e.exec('Enter\nPress "Other services"\nPress "Products by catalogs"\nPress "Aliexpress"\nType "1000000123"\nPress "Next"');
    expect(e.statePath()).toBe('kiosk.checkData');
  });

  it('Insert fails away from the cash screen', async () => {
    const e = await open();
    const failure = await failureOf(e, 'Enter\nInsert 1000');
    expect(failure.message).toContain('Insert needs the cash screen');
  });

  it('ExpectOrder, ExpectBalance and ExpectReceipt compare exact amounts and say what they found', async () => {
    const e = await open();
    await e.exec(`${TO_CASH}\nInsert 5000\nPress "Pay"\nExpectOrder 1000000123 paid paid 4750.00 owed 0\nExpectBalance +79161234567 250`);
    expect((await failureOf(e, 'ExpectOrder 1000000123 partial')).message).toBe('order 1000000123: status partial expected, it is paid');
    expect((await failureOf(e, 'ExpectBalance +79161234567 250.01')).message).toBe('expected the balance of +79161234567 to be 250.01, it is 250.00');
    expect((await failureOf(e, 'ExpectReceipt /To phone.*251/')).details).toContain('receipt:');
  });

  it('ExpectReceipt fails when nothing was printed', async () => {
    const e = await open();
    expect((await failureOf(e, 'ExpectReceipt /x/')).message).toContain('no receipt has been printed');
  });

  it('Wait moves simulated time until the screen matches, and times out on simulated time only', async () => {
    const e = await open();
    await e.exec('Enter\nWait /Press any key/ 31s');
    expect(e.elapsedMs).toBe(30_000);
    const failure = await failureOf(e, 'Wait /never shown/ 10m');
    expect(failure.kind).toBe('timeout');
    expect(e.elapsedMs).toBe(30_000 + 600_000);
  });

  it('Advance 48h fires each chained timeout at its own moment', async () => {
    const e = await open();
    await e.exec(`${TO_CASH}\nInsert 1000\nAdvance 48h`);
    // 120 s with a note → "Need more time?" → 15 s → paid with the note (a timeout payment)
    expect(e.statePath()).toBe('kiosk.idle');
    expect(e.receipts[0]?.at).toBe(e.settings.clockMs + 135_000);
  });

  it('a key after Ctrl+C fails: the kiosk has quit', async () => {
    const e = await open();
    const failure = await failureOf(e, 'Ctrl+C\nEnter');
    expect(failure.message).toContain('the kiosk has quit (Ctrl+C at line 1)');
  });
});

describe('runTape', () => {
  it('passes a tape given as source and counts its steps', async () => {
    const result = await runTape({ source: `Set Lang en\nLaunch\nExpect "EUROSET"\nEnter\nExpectState kiosk.menu` });
    expect(result).toMatchObject({ status: 'passed', exitCode: 0, totalSteps: 4 });
    expect(result.steps.map((s) => s.line)).toEqual([2, 3, 4, 5]);
    expect(result.cast.filter((c) => c.kind === 'm')).toHaveLength(4);
  });

  it('a syntax error is a bad tape (exit 2) with file:line:column', async () => {
    const result = await runTape({ source: 'Launch\nPres "x"', file: 'bad.tape' });
    expect(result.exitCode).toBe(2);
    expect(result.failure).toMatchObject({ kind: 'tape', line: 2, column: 1 });
    expect(result.failure?.message).toContain('did you mean Press?');
  });

  it('an app that throws while rendering is a crash (exit 3)', async () => {
    // a receipt without its amount due makes the receipt screen throw while rendering it
    const broken = (store: SyncKioskStore): SyncKioskStore => {
      const complete = store.completePayment.bind(store);
      store.completePayment = (...args) => {
        const outcome = complete(...args);
        return { ...outcome, receipt: { ...outcome.receipt, due: undefined as never } };
      };
      return store;
    };
    const result = await runTape({ source: `Set Lang en\n${ORDER}\nLaunch\n${TO_CASH}\nInsert 5000\nPress "Pay"\nExpect "never reached"` }, { wrapStore: broken });
    expect(result.failure).toMatchObject({ kind: 'crash', command: 'Press "Pay"' });
    expect(result.failure?.message).toContain('the app crashed');
    expect(result.exitCode).toBe(3);
  });

  it('Snapshot fails without a golden frame, writes it with update, then compares with a diff', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tape-snap-'));
    const file = join(dir, 'menu.tape');
    writeFileSync(file, 'Set Lang en\nLaunch\nEnter\nSnapshot menu\n');
    expect((await runTape(file)).failure?.message).toContain('run with --update');
    const updated = await runTape(file, { update: true });
    expect(updated.snapshotsWritten).toEqual([join(dir, 'menu.snapshots', 'menu.txt')]);
    expect(readFileSync(join(dir, 'menu.snapshots', 'menu.txt'), 'utf8')).toContain('[8] Other services');
    expect((await runTape(file)).status).toBe('passed');
    writeFileSync(file, 'Set Lang en\nLaunch\nEnter\nRight\nSnapshot menu\n');
    const changed = await runTape(file);
    expect(changed.failure?.message).toContain('differs from the golden frame');
    expect(changed.failure?.details.some((d) => d.startsWith('+ ') && d.includes('▸[2]'))).toBe(true);
  });

  it('Set DataDir runs on SQLite, survives Crash/Restart, and refuses a folder that already has a database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tape-data-'));
    mkdirSync(join(dir, 'tapes'));
    const file = join(dir, 'tapes', 'durable.tape');
    writeFileSync(file, `Set Lang en\nSet DataDir ../data\n${ORDER}\nLaunch\n${TO_CASH}\nInsert 5000\nCrash\nExpectOrder 1000000123 unpaid\nRestart\nExpectState recovered\nExpectOrder 1000000123 paid\nExpectBalance +79161234567 250\n`);
    const first = await runTape(file);
    if (first.failure) expect.fail(formatFailure(first.failure));
    const second = await runTape(file);
    expect(second.exitCode).toBe(2);
    expect(second.failure?.message).toContain('already holds kiosk.db');
  });

  it('keeps the in-memory store to the declared data only', async () => {
    const e = await open(`Set Lang en\n${ORDER}\nPhone +79161234567 operator MTS balance 120.00`);
    expect(e.store).toBeInstanceOf(MemoryStore);
    expect(e.store.listOrders().map((o) => o.code)).toEqual(['1000000123']);
    expect(e.store.phoneAccount('+79161234567').balance).toBe('120.00');
  });
});
