/**
 * Issue 20 part 3: five kiosk processes of different places on one PostgreSQL registry pay the same
 * codes at the same moment — two terminals (headless), the phone shop's cashier, the Post's window
 * (the real kiosk under a pty, played as the customer) and a mobile payment answered on the phone
 * place (the real kiosk under a pty). Each code is credited once; every other place answers "already
 * paid" in its own way: a terminal's cash goes to the phone with "already paid" on its receipt
 * (R-TERM-2), a desk hands the money back and keeps no receipt (R-CASH-1, R-CASH-3), the operator
 * refuses the mobile payment by SMS and debits nothing (R-MOB-2). The money reconciles: cash handed
 * over == credited + to the phone + handed back; the phone's balance moves by exactly what went to it
 * less the mobile payment that won.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MOBILE_RULES } from '../../src/domain/mobile/mobileRules.js';
import { parseRefusal } from '../../src/domain/mobile/refusalText.js';
import { add, sub, type Money } from '../../src/domain/money.js';
import { DEMO_PHONE } from '../../src/domain/orders/demo.js';
import { newOrder } from '../../src/domain/orders/orders.js';
import { PgStore } from '../../src/store/pg/pgStore.js';
import { usePgDatabase } from '../store/pgServer.js';
import { useTempDirs } from '../store/helpers.js';
import { trials } from '../heavy.js';
import { deskDrive, type DeskAnswer } from './deskDrive.js';
import { headlessDrive } from './drives.js';
import { bundleHeadless } from './headlessKiosk.js';
import { phoneDrive } from './phoneDrive.js';

const pgUrl = usePgDatabase();
const tempDir = useTempDirs();
const PRICE = '3000.00';
const NOTE = 5000;
const HANDED = '5000.00';
/** the terminals' customer gives this phone for the change (R-TERM-2), so the demo phone's inbox holds only the mobile payments' SMS */
const CHANGE_PHONE = '+79031234567';
const CODES = Array.from({ length: trials(12, 100) }, (_, i) => `8${String(i).padStart(9, '0')}`);

describe('terminals, desks and a mobile payment on one PostgreSQL registry', () => {
  it('R-TERM-2, R-CASH-1, R-CASH-3, R-MOB-2: two terminals, the cashier, the Post and a mobile payment pay the same codes at once: one credit each, the others "already paid", no rouble lost', async () => {
    await bundleHeadless();
    const registry = await PgStore.open(pgUrl());
    for (const code of CODES) await registry.addOrder(newOrder({ code, codeAmount: PRICE, phone: DEMO_PHONE, issuedAt: Date.now() }));
    // the demo phone is MTS (R-MOB-1) and can pay every code from its balance
    await registry.setPhoneAccount(DEMO_PHONE, 'mts', '1000000.00');
    // every request is dated before the first reply: MTS counts 5 confirmed payments a day (R-MOB-4), and
    // a request counts those answered by its own time, so none of the race's replies refuses a later request
    const requestedAt = Date.now();
    const env = { KIOSK_STORE: pgUrl() };
    const terminals = [0, 1].map(() => headlessDrive(tempDir(), env));
    const desks = (['cashier', 'post'] as const).map((place) => deskDrive(place, tempDir(), env));
    const phone = phoneDrive(tempDir(), env);
    const wins = { terminal: 0, cashier: 0, post: 0, mobile: 0 };
    try {
      await Promise.all([...terminals.map((t) => t.start(false)), ...desks.map((d) => d.start()), phone.start()]);
      let balance = (await registry.phoneAccount(DEMO_PHONE)).balance;
      let changePhone = (await registry.phoneAccount(CHANGE_PHONE)).balance;
      for (const code of CODES) {
        // the site's Send SMS for this code (R-MOB-1); the race is the reply
        const { payment: request } = await registry.requestMobilePayment({ phone: DEMO_PHONE, operator: 'mts', code, at: requestedAt }, DEFAULT_MOBILE_RULES);
        expect(request.state, code).toBe('awaiting');
        // every place finds the code unpaid: the terminals and desks hold a 5,000 ₽ note, the phone has
        // typed its reply; then all pay at once
        await Promise.all([...terminals.map((t) => t.openCash(code, CHANGE_PHONE.slice(2))), ...desks.map((d) => d.openCash(code)), phone.openReply(request.id)]);
        for (const t of terminals) t.pressNote(NOTE);
        await Promise.all([...terminals.map((t) => t.noteShown(NOTE)), ...desks.map((d) => d.handNote(NOTE)), phone.typeReply('1')]);
        for (const t of terminals) t.pressPay();
        for (const d of desks) d.pressHandOver();
        phone.pressSend();
        const [, answers, mobileAnswer] = await Promise.all([
          Promise.all(terminals.map((t) => t.receiptShown())), Promise.all(desks.map((d) => d.answer())), phone.answer(request.id, code),
        ]);

        const receipts = (await registry.receipts()).filter((r) => r.code === code);
        const deskReceipts = (await registry.deskReceipts()).filter((r) => r.code === code);
        const mobile = (await registry.mobilePayments(DEMO_PHONE)).find((p) => p.id === request.id)!;
        expect(receipts, code).toHaveLength(terminals.length);
        const terminalWins = receipts.filter((r) => r.toOrder === PRICE);
        const mobileWon = mobile.state === 'confirmed';
        expect(mobile.state, `${code}: the mobile payment`).toBe(mobileAnswer === 'paid' ? 'confirmed' : 'refused');
        expect(terminalWins.length + deskReceipts.length + (mobileWon ? 1 : 0), `${code}: places that took the payment`).toBe(1);
        for (const r of receipts.filter((r) => r.toOrder !== PRICE)) {
          expect(r, code).toMatchObject({ toOrder: '0.00', toPhone: HANDED });
          await expect.poll(() => registry.receiptText(r.number), { timeout: 10_000 }).toContain('Already paid elsewhere: cash went to the phone');
        }
        desks.forEach((d, i) => {
          const answer: DeskAnswer = answers[i]!;
          const paidHere = deskReceipts.filter((r) => r.place === d.place);
          if (answer.kind === 'paid') expect(paidHere, `${code} at the ${d.place}`).toHaveLength(1);
          else expect({ handedBack: answer.handedBack, kept: paidHere.length }, `${code} at the ${d.place}`).toEqual({ handedBack: HANDED, kept: 0 });
        });
        expect(await registry.findOrder(code), code).toMatchObject({ status: 'paid', paid: PRICE, owed: '0.00', credits: [expect.anything()] });

        // the cash: what the customers handed over is credited, on the phone, or back in their hands
        const handedOver = add(...Array<Money>(terminals.length + desks.length).fill(HANDED));
        const toPhone = add('0.00', ...receipts.map((r) => r.toPhone));
        const deskChange = add('0.00', ...deskReceipts.map((r) => r.change));
        const handedBack = add('0.00', ...answers.map((a) => (a.kind === 'paidMeanwhile' ? a.handedBack : '0.00')));
        const creditedInCash = mobileWon ? '0.00' : PRICE;
        expect(add(creditedInCash, toPhone, deskChange, handedBack), `${code}: handed over = credited + to the phone + back to the customer`).toBe(handedOver);
        changePhone = add(changePhone, toPhone);
        expect((await registry.phoneAccount(CHANGE_PHONE)).balance, `${code}: the terminals' phone`).toBe(changePhone);
        // the paying phone: debited the price and commission once when the mobile payment won, else not at all
        balance = sub(balance, mobileWon ? request.total : '0.00');
        expect((await registry.phoneAccount(DEMO_PHONE)).balance, `${code}: the paying phone`).toBe(balance);

        if (terminalWins.length > 0) wins.terminal++;
        if (mobileWon) wins.mobile++;
        for (const r of deskReceipts) wins[r.place]++;
        await Promise.all([...terminals.map((t) => t.finish()), ...desks.map((d) => d.finish())]);
      }
      // a code paid is refused at once from then on: each terminal and desk says so, and the site's Send SMS is refused
      const last = CODES.at(-1)!;
      for (const t of terminals) expect(await t.refusedAtLookUp(last), `${last} again at a terminal`).toBe('alreadyPaid');
      for (const d of desks) {
        expect(await d.refusedAtLookUp(last), `${last} again at the ${d.place}`).toBe('"This order is already paid. I cannot take money for it."');
        await d.finish();
      }
      const again = await registry.requestMobilePayment({ phone: DEMO_PHONE, operator: 'mts', code: last, at: requestedAt }, DEFAULT_MOBILE_RULES);
      expect(again.payment.state, `${last} again by mobile payment`).toBe('refused');
      expect(parseRefusal(again.payment.reason), `${last} again by mobile payment`).toEqual({ reason: 'orderNotPayable' });
      // which place wins is the server's order: only the sum is fixed
      expect(wins.terminal + wins.cashier + wins.post + wins.mobile, JSON.stringify(wins)).toBe(CODES.length);
    } finally {
      const all = [...terminals, ...desks, phone];
      for (const p of all) p.quit();
      await Promise.all(all.map((p) => p.died()));
      all.forEach((p) => p.dispose());
      await registry.close();
    }
  }, 60_000 + CODES.length * 2_000);
});
