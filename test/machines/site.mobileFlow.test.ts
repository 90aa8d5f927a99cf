/**
 * After Send SMS (R-MOB-1, R-MOB-2, R-MOB-6): the site waits on the phone's reply, asking the store
 * at each `clock.tick`, and shows the outcome; a refusal with an SMS ends at once, a silent one keeps
 * waiting; Retry pays the same order again.
 */
import { describe, expect, it } from 'vitest';
import { mobileRulesOf } from '../../src/domain/mobile/inbox.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { startSite, START } from './siteDriver.js';

const PAYER = '+79051234567';
const RULES = mobileRulesOf(DEFAULT_RULES);

/** Cart → methods → Mobile payment → the operator (key) → the paying phone → Send SMS. */
async function sendSms(site: ReturnType<typeof startSite>, operatorKey = '3') {
  await site.toMethods('9161234567');
  await site.press('m', operatorKey);
  for (let i = 0; i < 10; i++) await site.press('backspace');
  await site.press('9051234567', 'enter');
}

const tick = async (site: ReturnType<typeof startSite>) => {
  site.actor.send({ type: 'clock.tick' });
  await site.settle();
};

describe('mobile payment on the site, after Send SMS', () => {
  it('R-MOB-2: the site waits for the reply, and on the next tick after the phone confirms shows the payment confirmed, with only Shop', async () => {
    const site = startSite({ phone: '+79161234567' });
    site.store.setPhoneAccount(PAYER, 'beeline', '10000.00');
    await sendSms(site);
    const waiting = site.view();
    expect(waiting.page).toBe('mobileSent');
    expect(waiting.buttons.map((b) => b.id)).toEqual(['retry', 'shop']);
    expect(waiting.focus).toBe(0);
    const [payment] = site.store.mobilePayments();
    expect(waiting.mobile).toMatchObject({ code: payment!.code, payment: { id: payment!.id, state: 'awaiting' } });
    expect(site.actor.getSnapshot().context.cart).toEqual([]);
    // nothing answered yet: a tick reads the store and keeps waiting
    await tick(site);
    expect(site.view().page).toBe('mobileSent');
    site.clock.increment(30_000);
    site.store.answerMobilePayment(payment!.id, 'yes', site.clock.now(), RULES);
    expect(site.view().page).toBe('mobileSent');
    await tick(site);
    const done = site.view();
    expect(done.page).toBe('mobileResult');
    expect(done.mobile.payment).toMatchObject({ id: payment!.id, state: 'confirmed' });
    expect(done.mobile.code).toBe(payment!.code);
    expect(done.now).toBe(START + 30_000);
    expect(done.buttons.map((b) => b.id)).toEqual(['shop']);
    await site.press('enter');
    expect(site.view().page).toBe('catalog');
  });

  it('R-MOB-2: a reply of 0 cancels: on the next tick the outcome is the cancel, with Retry and Shop', async () => {
    const site = startSite({ phone: '+79161234567' });
    site.store.setPhoneAccount(PAYER, 'beeline', '10000.00');
    await sendSms(site);
    const [payment] = site.store.mobilePayments();
    site.store.answerMobilePayment(payment!.id, '0', site.clock.now(), RULES);
    await tick(site);
    expect(site.view()).toMatchObject({ page: 'mobileResult', mobile: { payment: { state: 'cancelled' } } });
    expect(site.view().buttons.map((b) => b.id)).toEqual(['retry', 'shop']);
  });

  it('R-MOB-6: a refusal with an SMS (balance too low) is the outcome at once; Retry pays the same order again, once the balance is topped up', async () => {
    const site = startSite({ phone: '+79161234567' });
    site.store.setPhoneAccount(PAYER, 'beeline', '10.00');
    await sendSms(site);
    const refused = site.view();
    expect(refused.page).toBe('mobileResult');
    expect(refused.mobile.refusal).toMatchObject({ reason: 'balance' });
    expect(refused.buttons.map((b) => b.id)).toEqual(['retry', 'shop']);
    const code = refused.mobile.code!;
    await site.press('r');
    expect(site.view()).toMatchObject({ page: 'mobilePhone', mobile: { operator: 'beeline', phone: PAYER } });
    site.store.setPhoneAccount(PAYER, 'beeline', '10000.00');
    await site.press('enter');
    expect(site.view().page).toBe('mobileSent');
    expect(site.store.mobilePayments().map((p) => [p.code, p.state])).toEqual([[code, 'refused'], [code, 'awaiting']]);
    expect(site.store.listOrders().map((o) => o.code)).toEqual([code]);
    expect(site.store.findOrder(code)).toMatchObject({ phone: '+79161234567', codeAmount: '6740.00', region: 'RU', channel: 'pc' });
  });

  it('R-MOB-6: a silent refusal (the number is not the operator picked) sends no SMS, so the site keeps waiting; Shop leaves', async () => {
    const site = startSite({ phone: '+79161234567' });
    site.store.setPhoneAccount(PAYER, 'beeline', '10000.00');
    // MTS picked for a Beeline number
    await sendSms(site, '1');
    expect(site.store.mobilePayments()).toMatchObject([{ operator: 'mts', state: 'refused' }]);
    expect(site.view().page).toBe('mobileSent');
    await tick(site);
    expect(site.view().page).toBe('mobileSent');
    await site.press('s');
    expect(site.view().page).toBe('catalog');
  });

  it('R-MOB-1: the paying phone starts as the order\'s and must start with 9; Send SMS waits for an operator\'s full number; Back goes back a page at a time', async () => {
    const site = startSite({ phone: '+79161234567' });
    await site.toMethods('9161234567');
    await site.press('m', '2');
    expect(site.view().mobile).toMatchObject({ operator: 'megafon', phone: '+79161234567' });
    await site.press('backspace');
    expect(site.view().mobile.phone).toBeNull();
    await site.press('enter');
    expect(site.view()).toMatchObject({ page: 'mobilePhone', notice: 'notice.phoneIncomplete' });
    for (let i = 0; i < 9; i++) await site.press('backspace');
    await site.press('8');
    expect(site.view().notice).toBe('hint.phoneStartsWith9');
    expect(site.actor.getSnapshot().context.mobile.digits).toBe('');
    await site.press('esc');
    expect(site.view().page).toBe('mobileOperator');
    await site.press('esc');
    expect(site.view().page).toBe('methods');
  });
});
