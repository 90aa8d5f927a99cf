/**
 * Rules as the customer sees them on the real screens (Ink, driven by keys, SimulatedClock):
 * the advice on the check-data screen (R-TERM-6), and the receipt screen's "still owed" line
 * after a short payment on a timeout, which must not blame a price rise (R-CODE-5, R-TERM-5).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/domain/money.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { renderKiosk, screenText, submitOrder, toCash, toOrderEntry, waitForTitle, type Kiosk } from '../ui/harness.js';

let kiosk: Kiosk | null = null;
const open = (lang: Lang) => (kiosk = renderKiosk({ lang }));
afterEach(() => {
  kiosk?.unmount();
  kiosk = null;
});

const ADVICE = { en: 'Tip: bring an amount close to the sum due.', ru: 'Совет: внесите сумму, близкую к сумме заказа.' } as const;

describe.each(['en', 'ru'] as const)('screens (%s)', (lang) => {
  it(`R-TERM-6: the advice to bring an amount close to the sum due is on the check-data screen, beside the amount, before any cash is asked for`, async () => {
    const k = open(lang);
    await toOrderEntry(k, lang);
    await submitOrder(k, lang, '1000000002');
    const text = screenText(await waitForTitle(k, lang, 'check'));
    expect(text).toContain(ADVICE[lang]);
    expect(text).toContain(lang === 'en' ? '3,000.00 ₽' : '3 000,00 ₽');
    expect(k.store.journaled.size).toBe(0);
  });

  it('R-TERM-6: a refused order shows no payment advice (there is nothing to bring cash for)', async () => {
    const k = open(lang);
    await toOrderEntry(k, lang);
    await submitOrder(k, lang, '1000000003');
    expect(screenText(await waitForTitle(k, lang, 'refused'))).not.toContain(ADVICE[lang]);
  });

  it('R-CODE-5: a timeout payment short of the due amount: the receipt screen shows what is still owed and does not say the price rose', async () => {
    const k = open(lang);
    await toCash(k, lang, '1000000001');
    await k.press('6');
    await k.waitForText(lang === 'en' ? 'Accepted: 1,000 ₽' : 'Принята купюра 1 000 ₽');
    k.clock.increment(DEFAULT_RULES.timeouts.cashWithNoteMs);
    await k.waitForText(lang === 'en' ? 'Need more time?' : 'Нужно больше времени?');
    k.clock.increment(DEFAULT_RULES.timeouts.moreTimeMs);
    const text = screenText(await waitForTitle(k, lang, 'receipt'));
    expect(text).toContain(lang === 'en' ? 'Order partially paid, still owed 3,750.00 ₽' : 'Заказ оплачен частично, осталось доплатить 3 750,00 ₽');
    expect(text).not.toMatch(/Price has risen|Цена выросла/);
    expect(k.store.findOrder('1000000001')).toMatchObject({ status: 'partially_paid', owed: '3750.00' });
  });
});
