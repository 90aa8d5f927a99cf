/**
 * Mobile payment end to end in-process (issue 13): the site's Send SMS, the phone's reply, the order
 * processing for an hour on the program's clock (R-MOB-7), and the tape commands Reply and TopUp.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { TapeEngine, TapeStepError } from '../../src/tape/index.js';

const SETUP = 'Set Lang en\nSet Clock 2026-11-22T10:00:00+03:00\nPhone +79051234567 operator Beeline balance 2100.00';
/** earbuds (1,990.00 ₽) → Buy now → the order's phone → Other payment methods → Mobile payment → Beeline → Send SMS */
const TO_SMS = ['Go site', 'Type "1"', 'Type "c"', 'Type "b"', 'Backspace 10', 'Type "9051234567"', 'Enter', 'Type "m"', 'Type "m"', 'Type "3"', 'Enter'].join('\n');

let engine: TapeEngine | null = null;
afterEach(async () => {
  await engine?.dispose();
  engine = null;
});

const failureOf = async (e: TapeEngine, text: string) => {
  const error = await e.exec(text).then(() => null, (err: unknown) => err);
  expect(error).toBeInstanceOf(TapeStepError);
  return (error as TapeStepError).failure.message;
};

describe('mobile payment in a running program', () => {
  it('R-MOB-7: a confirmed payment is processing for an hour, then the order is credited (paid)', async () => {
    engine = await TapeEngine.fromSource(SETUP);
    await engine.exec(TO_SMS);
    const [payment] = engine.store.mobilePayments();
    expect(payment).toMatchObject({ state: 'awaiting', amount: '1990.00', commission: '77.61', total: '2067.61' });
    const code = payment!.code;
    await engine.exec(`ExpectOrder ${code} unpaid\nReply "yes"\nExpectOrder ${code} paid paid 1990.00 owed 0.00\nExpectOrder ${code} processing`);
    await engine.exec('ExpectBalance +79051234567 32.39\nAdvance 59m59s');
    await engine.exec(`ExpectOrder ${code} processing`);
    await engine.exec(`Advance 1s\nExpectOrder ${code} credited\nExpectOrder ${code} paid`);
  });

  it('R-MOB-2: Reply answers only an SMS that waits for one; a second Reply finds none', async () => {
    engine = await TapeEngine.fromSource(SETUP);
    expect(await failureOf(engine, 'Reply "1"')).toContain('no SMS waits for a reply');
    await engine.exec(TO_SMS);
    await engine.exec('Reply "0"\nExpectSms +79051234567 /you cancelled it/');
    expect(await failureOf(engine, 'Reply "1"')).toContain('no SMS waits for a reply');
    expect(engine.store.mobilePayments().map((p) => p.state)).toEqual(['cancelled']);
  });

  it('R-MOB-2: the phone shows the reply as it is typed and sends it with Enter', async () => {
    engine = await TapeEngine.fromSource(SETUP);
    await engine.exec(`${TO_SMS}\nGo phone\nType "r"\nExpect "Reply to Beeline"\nType "ok"\nExpect "> ok"\nEnter\nExpectSms +79051234567 /succeeded/\nEnter\nExpect "Payment M-000001"\nExpect "succeeded"`);
  });

  it('R-MOB-8: the seller cancels a mobile-paid order: the money is back on the paying balance 7 working days later, with the operator\'s SMS', async () => {
    // Sunday 22 November, 10:00: seven working days end on Tuesday 1 December, 10:00
    engine = await TapeEngine.fromSource(SETUP.replace('2100.00', '2200.00'));
    await engine.exec(`${TO_SMS}\nReply "1"\nExpectBalance +79051234567 132.39`);
    const code = engine.store.mobilePayments()[0]!.code;
    await engine.exec(`Cancel ${code} reason "out of stock"\nExpectOrder ${code} cancelled\nAdvance 8d23h59m\nExpectBalance +79051234567 132.39`);
    await engine.exec('Advance 1m\nExpectBalance +79051234567 2122.39\nExpectSms +79051234567 /^Beeline: 1,990\\.00 ₽ returned to your balance: refund of payment M-000001 for order \\d{10}\\.$/');
  });

  it('TopUp adds to the balance of a declared phone and refuses an unknown one', async () => {
    engine = await TapeEngine.fromSource(SETUP);
    await engine.exec('TopUp +79051234567 100.00\nExpectBalance +79051234567 2200.00');
    expect(await failureOf(engine, 'TopUp +79161234567 100.00')).toContain('knows no operator');
  });
});
