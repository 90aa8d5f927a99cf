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

  it('R-MOB-3: the commission is shown before Send SMS: nothing until an operator is picked, then that operator\'s percent, commission and total; the page says the reply is awaited 15 minutes', async () => {
    const site = startSite({ phone: '+79161234567' });
    await site.toMethods('9161234567');
    await site.press('m');
    expect(site.view().mobile).toMatchObject({ operator: null, percent: null, commission: null, total: null, amount: '6740.00', phoneMasked: '+7 (916) 123-45-67', replyMinutes: 15 });
    await site.press('1');
    expect(site.view().mobile).toMatchObject({ operator: 'mts', percent: '0.95', commission: '64.03', total: '6804.03' });
    await site.press('esc', '4');
    expect(site.view().mobile).toMatchObject({ operator: 'tele2', percent: '2.45', commission: '165.13', total: '6905.13' });
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
