/** The desks' tape steps in-process: Insert to whoever takes cash, ExpectChange, ExpectReceipt reading the newest receipt of any place. */
import { afterEach, describe, expect, it } from 'vitest';
import { TapeEngine, TapeStepError } from '../../src/tape/index.js';

const ORDERS = 'Order 1000000123 amount 4750.00 phone +79161234567\nOrder 1000000124 amount 3000.00 phone +79161234567';
const AT_CASHIER = ['Go cashier', 'Press "Pay an AliExpress order in cash"', 'Type "1000000124"', 'Enter', 'Enter'].join('\n');
const TO_CASH = ['Go terminal', 'Enter', 'Press "Other services"', 'Press "Products by catalogs"', 'Press "Aliexpress"', 'Type "1000000123"', 'Press "Next"', 'Press "Next"', 'Type "9161234567"', 'Press "Next"'].join('\n');

let engine: TapeEngine | null = null;
afterEach(async () => {
  await engine?.dispose();
  engine = null;
});

async function failureOf(e: TapeEngine, text: string) {
  const error = await e.exec(text).then(() => null, (err: unknown) => err);
  expect(error).toBeInstanceOf(TapeStepError);
  return (error as TapeStepError).failure;
}

describe('desk steps', () => {
  it('Insert hands a note to the desk that has the keys, and only when it asks for money', async () => {
    engine = await TapeEngine.fromSource(`Set Lang en\n${ORDERS}`);
    await engine.exec('Go cashier');
    expect((await failureOf(engine, 'Insert 1000')).message).toBe('Insert needs the desk to ask for the money, but it is at desk.greeting');
    await engine.exec(AT_CASHIER.replace('Go cashier\n', ''));
    expect(engine.statePath()).toBe('desk.cash');
    await engine.exec('Insert 2000\nInsert 1000\nExpect "Handed over: 3,000.00 ₽"');
  });

  it('R-CASH-2: ExpectChange reads the change of the newest desk receipt and says what it was when it differs', async () => {
    engine = await TapeEngine.fromSource(`Set Lang en\n${ORDERS}`);
    expect((await failureOf(engine, 'ExpectChange 0.00')).message).toBe('expected change of 0.00, but no desk has handed a receipt');
    await engine.exec(`${AT_CASHIER}\nInsert 5000\nPress "Hand it over"\nExpectChange 2000.00`);
    const failure = await failureOf(engine, 'ExpectChange 200.00');
    expect(failure.message).toBe('expected change of 200.00, the desk gave 2000.00 with receipt K-1-000001');
  });

  it('R-CASH-4: ExpectReceipt reads the newest receipt of any place: the desk\'s, then the terminal\'s printed after it', async () => {
    engine = await TapeEngine.fromSource(`Set Lang en\n${ORDERS}`);
    await engine.exec(`${AT_CASHIER}\nInsert 5000\nPress "Hand it over"\nExpectReceipt "CASH RECEIPT"\nExpectReceipt /^QR: t=/`);
    await engine.exec('Advance 1m');
    await engine.exec(`${TO_CASH}\nInsert 5000\nPress "Pay"\nExpectReceipt /250\\.00/`);
    expect((await failureOf(engine, 'ExpectReceipt "CASH RECEIPT"')).message).toMatch(/^expected "CASH RECEIPT" on one line of receipt T-1-000001/);
  });

  it('Set Role as a step: the desks play the cashier from their next customer, at the till', async () => {
    engine = await TapeEngine.fromSource('Set Lang en');
    await engine.exec('Set Role cashier\nGo post\nExpectState desk.till.closed\nExpect "Post · window 3 · shift closed"');
  });

  it('keys typed in one burst while the till saves are not lost: O opens the shift, N waits for it, then calls the customer', async () => {
    engine = await TapeEngine.fromSource('Set Lang en');
    await engine.exec('Set Role cashier\nGo cashier\nType "on"\nExpectState desk.till.serving.code\nExpect "Till · shift 1"');
  });
});
