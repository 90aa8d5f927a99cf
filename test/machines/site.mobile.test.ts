/** R-MOB-1 through the site's keys: Other payment methods → Mobile payment → operator → phone → Send SMS, PC only. */
import { describe, expect, it } from 'vitest';
import { startSite } from './siteDriver.js';

describe('mobile payment on the site', () => {
  it('R-MOB-1: Other payment methods → Mobile payment → the operator → the phone → Send SMS asks the operator for the payment', async () => {
    const site = startSite({ phone: '+79161234567' });
    site.store.setPhoneAccount('+79051234567', 'beeline', '10000.00');
    await site.toMethods('9161234567');
    await site.press('m');
    expect(site.view().page).toBe('mobileOperator');
    await site.press('3');
    const phonePage = site.view();
    expect(phonePage.page).toBe('mobilePhone');
    expect(phonePage.mobile).toMatchObject({ operator: 'beeline', amount: '6740.00', commission: '262.86', total: '7002.86' });
    expect(site.store.mobilePayments()).toEqual([]);
    for (let i = 0; i < 10; i++) await site.press('backspace');
    await site.press('9051234567', 'enter');
    expect(site.view().page).toMatch(/^mobile(Sent|Result)$/);
    expect(site.store.mobilePayments()).toMatchObject([{ phone: '+79051234567', operator: 'beeline', amount: '6740.00', commission: '262.86' }]);
  });

  it('R-MOB-1: the app offers no Mobile payment: the methods page points to the PC version', async () => {
    const site = startSite({ channel: 'app' });
    await site.toMethods();
    await site.press('m');
    expect(site.view().page).toBe('methods');
    expect(site.view().buttons.map((b) => b.id)).not.toContain('mobile');
    expect(site.store.mobilePayments()).toEqual([]);
  });
});
