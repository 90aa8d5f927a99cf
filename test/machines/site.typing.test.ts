/**
 * The site's fields as typed through its keys (machines/site/siteUpdates.ts): the order's phone, the
 * paying phone, a partial refund; where the focus goes once a phone is complete; and, with the host
 * ticking the clock, the time each answer of the store reads.
 */
import { describe, expect, it } from 'vitest';
import { newOrder } from '../../src/domain/orders/orders.js';
import { HOUR_MS } from '../../src/domain/rules.js';
import { orderButtonId } from '../../machines/site/siteButtons.js';
import { startSite, START } from './siteDriver.js';

const context = (site: ReturnType<typeof startSite>) => site.actor.getSnapshot().context;

describe('typing on the site', () => {
  it('the order\'s phone: digits only, from 9, ten at most; with the session\'s phone complete, the focus starts on Next', async () => {
    const full = startSite({ phone: '+79161234567' });
    await full.press('1', 'c', 'b');
    const checkout = full.view();
    expect(checkout.buttons[checkout.focus]?.id).toBe('next');
    expect(checkout.focus).toBe(3);
    await full.press('5');
    expect(full.view()).toMatchObject({ notice: 'hint.fieldFull', phoneMasked: '+7 (916) 123-45-67' });
    const site = startSite();
    await site.press('1', 'c', 'b');
    expect(site.view()).toMatchObject({ page: 'checkout', focus: 0 });
    await site.press('a');
    expect(site.view().notice).toBe('hint.digitsOnly');
    expect(context(site).phoneDigits).toBe('');
    await site.press('8');
    expect(site.view().notice).toBe('hint.phoneStartsWith9');
    expect(context(site).phoneDigits).toBe('');
    await site.press('916123456');
    expect(site.view().focus).toBe(0);
    await site.press('7');
    expect(site.view().buttons[site.view().focus]?.id).toBe('next');
    await site.press('backspace');
    expect(context(site).phoneDigits).toBe('916123456');
    expect(site.view().notice).toBeNull();
  });

  it('the paying phone of a mobile payment: a letter on an empty field is not a wrong first digit', async () => {
    const site = startSite({ phone: '+79161234567' });
    await site.toMethods('9161234567');
    await site.press('m', '1');
    for (let i = 0; i < 10; i++) await site.press('backspace');
    await site.press('a');
    expect(site.view().notice).toBe('hint.digitsOnly');
    await site.press('905');
    expect(context(site).mobile.digits).toBe('905');
    expect(site.view().notice).toBeNull();
  });

  it('R-PROT-2: a partial refund is typed in whole rubles without leading zeros, eight digits at most; Clear empties it', async () => {
    const site = startSite({ phone: '+79161234567' });
    const order = newOrder({ code: '1000000123', codeAmount: '4750.00', phone: '+79161234567', issuedAt: START });
    site.store.addOrder({ ...order, status: 'paid', paid: '4750.00', owed: '0.00' });
    site.store.changeOrder('1000000123', { kind: 'ship' }, START);
    await site.press('o');
    await site.pressButton(orderButtonId('1000000123'));
    await site.press('d', '0', '1', '0', '0');
    expect(context(site).refundDigits).toBe('100');
    expect(site.view().order!.refundTyped).toBe('100.00');
    await site.press('000000');
    expect(site.view().notice).toBe('hint.fieldFull');
    expect(context(site).refundDigits).toBe('10000000');
    site.actor.send({ type: 'input.clear' });
    expect(site.view().order!.refundTyped).toBeNull();
    // a pasted amount loses all its leading zeros at once
    site.actor.send({ type: 'input.text', text: '007' });
    expect(context(site).refundDigits).toBe('7');
    site.actor.send({ type: 'input.clear' });
    await site.press('250', 'p');
    expect(site.store.findOrder('1000000123')).toMatchObject({ refunded: '250.00' });
  });
});

describe('the time the site shows, when the host ticks the clock', () => {
  it('the site arms no timer: the time moves on clock.tick and on each answer of the store (orders, placed, mobile, top-up refused)', async () => {
    const site = startSite({ phone: '+79161234567', hostTicks: true });
    site.clock.increment(HOUR_MS);
    expect(site.view().now).toBe(START);
    site.actor.send({ type: 'clock.tick' });
    expect(site.view().now).toBe(START + HOUR_MS);
    site.clock.increment(HOUR_MS);
    await site.press('o');
    expect(site.view()).toMatchObject({ page: 'orders', now: START + 2 * HOUR_MS });
    await site.press('esc');
    site.clock.increment(HOUR_MS);
    await site.toMethods();
    await site.press('c');
    expect(site.view()).toMatchObject({ page: 'code', now: START + 3 * HOUR_MS });
    expect(site.view().placed!.remainingMs).toBe(48 * HOUR_MS);
    await site.press('s');
    site.clock.increment(HOUR_MS);
    site.store.setPhoneAccount('+79051234567', 'mts', '10000.00');
    await site.toMethods();
    await site.press('m', '1');
    for (let i = 0; i < 10; i++) await site.press('backspace');
    await site.press('9051234567', 'enter');
    expect(site.view()).toMatchObject({ page: 'mobileSent', now: START + 4 * HOUR_MS });
    await site.press('s', 't', '9051234567', '1500', 'enter', 's', 't', '9051234567', '1');
    // within the hour the first top-up is open, so it still counts toward the month
    site.clock.increment(60_000);
    await site.press('enter');
    expect(site.view()).toMatchObject({ page: 'topUp', now: START + 4 * HOUR_MS + 60_000 });
  });
});
