/**
 * Issue 20 part 3: four kiosk processes of different places on one PostgreSQL registry pay the same
 * codes at the same moment — two terminals (headless), the phone shop's cashier and the Post's window
 * (the real kiosk under a pty, played as the customer). Each code is credited once; every other place
 * answers "already paid" in its own way: a terminal's cash goes to the phone with "already paid" on
 * its receipt (R-TERM-2), a desk hands the money back and keeps no receipt (R-CASH-1, R-CASH-3).
 * The money reconciles: handed over == credited + to the phone + handed back to the customer.
 */
import { describe, expect, it } from 'vitest';
import { add, type Money } from '../../src/domain/money.js';
import { DEMO_PHONE } from '../../src/domain/orders/demo.js';
import { newOrder } from '../../src/domain/orders/orders.js';
import { PgStore } from '../../src/store/pg/pgStore.js';
import { usePgDatabase } from '../store/pgServer.js';
import { useTempDirs } from '../store/helpers.js';
import { trials } from '../heavy.js';
import { deskDrive, type DeskAnswer } from './deskDrive.js';
import { headlessDrive } from './drives.js';
import { bundleHeadless } from './headlessKiosk.js';

const pgUrl = usePgDatabase();
const tempDir = useTempDirs();
const PRICE = '3000.00';
const NOTE = 5000;
const HANDED = '5000.00';
const CODES = Array.from({ length: trials(20, 100) }, (_, i) => `8${String(i).padStart(9, '0')}`);

describe('terminals and desks on one PostgreSQL registry', () => {
  it('R-TERM-2, R-CASH-1, R-CASH-3: two terminals, the cashier and the Post pay the same codes at once: one credit each, the others "already paid", no rouble lost', async () => {
    await bundleHeadless();
    const registry = await PgStore.open(pgUrl());
    for (const code of CODES) await registry.addOrder(newOrder({ code, codeAmount: PRICE, phone: DEMO_PHONE, issuedAt: Date.now() }));
    const env = { KIOSK_STORE: pgUrl() };
    const terminals = [0, 1].map(() => headlessDrive(tempDir(), env));
    const desks = (['cashier', 'post'] as const).map((place) => deskDrive(place, tempDir(), env));
    const wins = { terminal: 0, cashier: 0, post: 0 };
    try {
      await Promise.all([...terminals.map((t) => t.start(false)), ...desks.map((d) => d.start())]);
      let phone = (await registry.phoneAccount(DEMO_PHONE)).balance;
      for (const code of CODES) {
        // every place finds the code unpaid and holds a 5,000 ₽ note, then all pay at once
        await Promise.all([...terminals.map((t) => t.openCash(code)), ...desks.map((d) => d.openCash(code))]);
        for (const t of terminals) t.pressNote(NOTE);
        await Promise.all([...terminals.map((t) => t.noteShown(NOTE)), ...desks.map((d) => d.handNote(NOTE))]);
        for (const t of terminals) t.pressPay();
        for (const d of desks) d.pressHandOver();
        const [, answers] = await Promise.all([Promise.all(terminals.map((t) => t.receiptShown())), Promise.all(desks.map((d) => d.answer()))]);

        const receipts = (await registry.receipts()).filter((r) => r.code === code);
        const deskReceipts = (await registry.deskReceipts()).filter((r) => r.code === code);
        expect(receipts, code).toHaveLength(terminals.length);
        const terminalWins = receipts.filter((r) => r.toOrder === PRICE);
        expect(terminalWins.length + deskReceipts.length, `${code}: places that took the payment`).toBe(1);
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

        // the money: what the customers handed over is credited, on the phone, or back in their hands
        const handedOver = add(...Array<Money>(terminals.length + desks.length).fill(HANDED));
        const toPhone = add('0.00', ...receipts.map((r) => r.toPhone));
        const deskChange = add('0.00', ...deskReceipts.map((r) => r.change));
        const handedBack = add('0.00', ...answers.map((a) => (a.kind === 'paidMeanwhile' ? a.handedBack : '0.00')));
        expect(add(PRICE, toPhone, deskChange, handedBack), `${code}: handed over = credited + to the phone + back to the customer`).toBe(handedOver);
        phone = add(phone, toPhone);
        expect((await registry.phoneAccount(DEMO_PHONE)).balance, code).toBe(phone);

        if (terminalWins.length > 0) wins.terminal++;
        for (const r of deskReceipts) wins[r.place]++;
        await Promise.all([...terminals.map((t) => t.finish()), ...desks.map((d) => d.finish())]);
      }
      // which place wins is the server's order: only the sum is fixed
      expect(wins.terminal + wins.cashier + wins.post).toBe(CODES.length);
    } finally {
      for (const t of terminals) t.quit();
      for (const d of desks) d.quit();
      await Promise.all([...terminals.map((t) => t.died()), ...desks.map((d) => d.died())]);
      [...terminals, ...desks].forEach((p) => p.dispose());
      await registry.close();
    }
  }, 120_000);
});
