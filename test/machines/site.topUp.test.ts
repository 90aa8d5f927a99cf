/**
 * R-MOB-10 through the site's keys: "Top up a phone" takes the phone, then the amount; Place orders
 * it as a code sent by SMS (to the session's phone when there is one), and refuses it past the
 * month's 1,500 ₽ with the reason on the form.
 */
import { describe, expect, it } from 'vitest';
import { startSite, START } from './siteDriver.js';

const TOPPED = '+79051234567';

describe('phone top-up on the site', () => {
  it('R-MOB-10: a top-up typed on its page is placed as an order for the phone topped up; its code goes by SMS to the session\'s phone', async () => {
    const site = startSite({ phone: '+79161234567' });
    await site.press('t');
    expect(site.view()).toMatchObject({ page: 'topUp', mode: 'digits', topUp: { amount: null, refusal: null, payWithinMinutes: 60, monthlyLimit: '1500.00' } });
    await site.press('9051234567', '500');
    expect(site.view().topUp.amount).toBe('500.00');
    await site.press('enter');
    const view = site.view();
    expect(view.page).toBe('code');
    const code = view.placed!.code;
    expect(site.store.findOrder(code)).toMatchObject({ topUpPhone: TOPPED, phone: '+79161234567', codeAmount: '500.00', channel: 'pc', issuedAt: START });
    expect(site.emitted).toMatchObject([{ phone: '+79161234567', code, amount: '500.00', at: START }]);
    expect(view.sms).toEqual(site.emitted);
    expect(view.sessionPhone).toBe('+79161234567');
  });

  it('R-MOB-10: without a session phone the code goes to the phone topped up, from the app too', async () => {
    const site = startSite({ phone: null, channel: 'app' });
    await site.press('t', '9051234567', '300', 'enter');
    const code = site.view().placed!.code;
    expect(site.store.findOrder(code)).toMatchObject({ topUpPhone: TOPPED, phone: TOPPED, codeAmount: '300.00', channel: 'app' });
    expect(site.emitted).toMatchObject([{ phone: TOPPED, code, amount: '300.00' }]);
  });

  it('R-MOB-10: past 1,500 ₽ in the month the top-up is refused on its form with what is left; no order, no SMS', async () => {
    const site = startSite({ phone: '+79161234567' });
    await site.press('t', '9051234567', '1400', 'enter');
    expect(site.view().page).toBe('code');
    await site.press('s', 't', '9051234567', '200');
    site.clock.increment(60_000);
    await site.press('enter');
    const view = site.view();
    expect(view.page).toBe('topUp');
    expect(view.topUp.refusal).toMatchObject({ kind: 'overMonthlyLimit', limit: '1500.00', used: '1400.00', left: '100.00' });
    expect(view.now).toBe(START + 60_000);
    expect(site.store.listOrders()).toHaveLength(1);
    expect(site.emitted).toHaveLength(1);
    // the form changes: the refusal goes
    await site.press('backspace');
    expect(site.view().topUp.refusal).toBeNull();
  });

  it('R-MOB-10: Place waits for both the phone and an amount, and says which is missing; Backspace erases the amount first', async () => {
    const site = startSite({ phone: null });
    await site.press('t', '905');
    await site.press('enter');
    expect(site.view()).toMatchObject({ page: 'topUp', notice: 'notice.phoneIncomplete' });
    await site.press('1234567');
    await site.press('enter');
    expect(site.view()).toMatchObject({ page: 'topUp', notice: 'site.topUp.amountMissing' });
    await site.press('70', 'backspace');
    expect(site.view().topUp.amount).toBe('7.00');
    await site.press('backspace', 'backspace');
    expect(site.actor.getSnapshot().context.topUp).toEqual({ digits: '905123456', amountDigits: '', refusal: null });
    await site.press('esc');
    expect(site.view().page).toBe('catalog');
    // a new visit starts an empty form
    await site.press('t');
    expect(site.actor.getSnapshot().context.topUp).toEqual({ digits: '', amountDigits: '', refusal: null });
  });

  it('R-MOB-10: a pasted text fills the phone, then what overflows it is the amount, four digits at most; a phone not from 9 is refused whole; nothing but zeros is no amount', async () => {
    const site = startSite({ phone: null });
    const paste = async (text: string) => {
      site.actor.send({ type: 'input.text', text });
      await site.settle();
      return { topUp: site.actor.getSnapshot().context.topUp, notice: site.view().notice };
    };
    await site.press('t');
    expect(await paste('a')).toEqual({ topUp: { digits: '', amountDigits: '', refusal: null }, notice: 'hint.digitsOnly' });
    expect(await paste('9051234567500')).toEqual({ topUp: { digits: '9051234567', amountDigits: '500', refusal: null }, notice: null });
    expect(site.view().topUp).toMatchObject({ phoneMasked: '+7 (905) 123-45-67', amount: '500.00' });
    await site.press('esc', 't');
    expect(await paste('90512345671234567')).toMatchObject({ topUp: { digits: '9051234567', amountDigits: '1234' }, notice: 'hint.fieldFull' });
    await site.press('esc', 't');
    expect(await paste('905123')).toMatchObject({ topUp: { digits: '905123', amountDigits: '' }, notice: null });
    expect(await paste('45678')).toMatchObject({ topUp: { digits: '9051234567', amountDigits: '8' }, notice: null });
    expect(await paste('1234')).toMatchObject({ topUp: { amountDigits: '8123' }, notice: 'hint.fieldFull' });
    await site.press('esc', 't');
    expect(await paste('905-12')).toMatchObject({ topUp: { digits: '90512', amountDigits: '' }, notice: 'hint.digitsOnly' });
    await site.press('esc', 't');
    expect(await paste('8051234567500')).toEqual({ topUp: { digits: '', amountDigits: '', refusal: null }, notice: 'hint.phoneStartsWith9' });
    expect(await paste('9051234567000')).toMatchObject({ topUp: { digits: '9051234567', amountDigits: '000' } });
    expect(site.view().topUp.amount).toBeNull();
    expect(site.view().buttons[0]).toMatchObject({ id: 'place', enabled: false, whyDisabled: 'site.topUp.amountMissing' });
  });
});
