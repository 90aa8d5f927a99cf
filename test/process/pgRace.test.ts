/**
 * Issue 20: four terminal processes on one PostgreSQL registry (`KIOSK_STORE`) pay the same codes at
 * the same moment. Each code is credited in full once; every other terminal's payment finds it paid
 * and its cash goes to the phone (R-TERM-2), with "already paid" on its receipt. No rouble is lost.
 */
import { describe, expect, it } from 'vitest';
import { add } from '../../src/domain/money.js';
import { DEMO_PHONE } from '../../src/domain/orders/demo.js';
import { newOrder } from '../../src/domain/orders/orders.js';
import { PgStore } from '../../src/store/pg/pgStore.js';
import { usePgDatabase } from '../store/pgServer.js';
import { useTempDirs } from '../store/helpers.js';
import { trials } from '../heavy.js';
import { headlessDrive } from './drives.js';
import { bundleHeadless } from './headlessKiosk.js';

const pgUrl = usePgDatabase();
const tempDir = useTempDirs();
const TERMINALS = 4;
const CODES = Array.from({ length: trials(8, 25) }, (_, i) => `7${String(i).padStart(9, '0')}`);

describe('four terminals on one PostgreSQL registry', () => {
  it('R-TERM-2: pay the same codes at once: one full credit each, the others "already paid" with the cash to the phone', async () => {
    await bundleHeadless();
    const registry = await PgStore.open(pgUrl());
    for (const code of CODES) await registry.addOrder(newOrder({ code, codeAmount: '3000.00', phone: DEMO_PHONE, issuedAt: Date.now() }));
    const terminals = Array.from({ length: TERMINALS }, () => headlessDrive(tempDir(), { KIOSK_STORE: pgUrl() }));
    try {
      await Promise.all(terminals.map((t) => t.start(false)));
      let phone = (await registry.phoneAccount(DEMO_PHONE)).balance;
      for (const code of CODES) {
        // all find the order unpaid and take a 5,000 ₽ note, then Pay at once
        await Promise.all(terminals.map((t) => t.openCash(code)));
        for (const t of terminals) t.pressNote(5000);
        await Promise.all(terminals.map((t) => t.noteShown(5000)));
        for (const t of terminals) t.pressPay();
        await Promise.all(terminals.map((t) => t.receiptShown()));
        const receipts = (await registry.receipts()).filter((r) => r.code === code);
        expect(receipts, code).toHaveLength(TERMINALS);
        expect(receipts.filter((r) => r.toOrder === '3000.00'), code).toHaveLength(1);
        const others = receipts.filter((r) => r.toOrder === '0.00');
        expect(others, code).toHaveLength(TERMINALS - 1);
        for (const r of others) {
          expect(r.toPhone, code).toBe('5000.00');
          // the printed text is kept after the receipt is on screen (src/cli/kioskData.ts keepPrinted)
          await expect.poll(() => registry.receiptText(r.number), { timeout: 10_000 }).toContain('Already paid elsewhere: cash went to the phone');
        }
        expect(await registry.findOrder(code), code).toMatchObject({ status: 'paid', paid: '3000.00', owed: '0.00', credits: [expect.anything()] });
        phone = add(phone, ...receipts.map((r) => r.toPhone));
        expect((await registry.phoneAccount(DEMO_PHONE)).balance, code).toBe(phone);
        await Promise.all(terminals.map((t) => t.finish()));
      }
    } finally {
      for (const t of terminals) t.quit();
      await Promise.all(terminals.map((t) => t.died()));
      terminals.forEach((t) => t.dispose());
      await registry.close();
    }
  }, 120_000);
});
