/** The site's cash rules, each proved through keys on the real machine with its store actors (src/adapters/siteActors.ts). */
import { describe, expect, it } from 'vitest';
import { newOrder } from '../../src/domain/orders/orders.js';
import { DEFAULT_RULES, HOUR_MS } from '../../src/domain/rules.js';
import { orderButtonId } from '../../machines/site/siteButtons.js';
import { startSite, START } from './siteDriver.js';

describe('site rules', () => {
  it('R-CODE-1: choosing Cash places the order and sends its 10-digit code by SMS to the order\'s phone, not the session\'s', async () => {
    const site = startSite({ phone: '+79001112233' });
    await site.toMethods('9161234567');
    expect(site.view().page).toBe('methods');
    await site.press('c');
    const view = site.view();
    expect(view.page).toBe('code');
    const code = view.placed!.code;
    expect(code).toMatch(new RegExp(`^\\d{${DEFAULT_RULES.orderNumberLength}}$`));
    const stored = site.store.findOrder(code)!;
    expect(stored).toMatchObject({ phone: '+79161234567', channel: 'pc', region: 'RU', codeAmount: '6740.00', status: 'awaiting', issuedAt: START });
    const sms = { phone: '+79161234567', kind: 'code', code, amount: '6740.00', at: START, expiresAt: START + 48 * HOUR_MS };
    expect(site.emitted).toEqual([sms]);
    expect(view.sms).toEqual([sms]);
    expect(view.sessionPhone).toBe('+79161234567');
    // the store keeps it: the phone's inbox shows it wherever the phone is looked at
    expect(site.store.phoneAccount('+79161234567').sms).toEqual([{ phone: '+79161234567', at: START, sender: 'AliExpress', kind: 'code', amount: '6740.00', code }]);
    expect(site.store.phoneAccount('+79001112233').sms).toEqual([]);
  });

  it('R-CODE-1: a new code is never one the store already has', async () => {
    // a "random" that makes 1111111111 first (already in the store), then 2111111111
    const sequence = [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.2];
    let i = 0;
    const site = startSite({ random: () => sequence[i++ % sequence.length]! });
    site.store.addOrder(newOrder({ code: '1111111111', codeAmount: '100.00', phone: '+79001112233', issuedAt: START }));
    await site.toMethods();
    await site.press('c');
    expect(site.view().placed!.code).toBe('2111111111');
    expect(site.store.listOrders().map((o) => o.code).sort()).toEqual(['1111111111', '2111111111']);
  });

  it('R-CODE-3: in the app, Cash and Mobile payment are not offered; the page points to the PC version, and its button opens it', async () => {
    const site = startSite({ channel: 'app' });
    await site.toMethods();
    const inApp = site.view();
    expect(inApp.buttons.map((b) => b.id)).toEqual(['openPc', 'back']);
    expect(inApp.cashRefusal).toBe('site.cash.appOnly');
    await site.press('c');
    expect(site.view().page).toBe('methods');
    expect(site.store.listOrders()).toEqual([]);
    await site.press('v');
    const onPc = site.view();
    expect(onPc.channel).toBe('pc');
    expect(onPc.buttons.find((b) => b.id === 'cash')?.enabled).toBe(true);
    await site.press('c');
    expect(site.store.findOrder(site.view().placed!.code)?.channel).toBe('pc');
  });

  it.each([[1, 'UA'], [2, 'KZ'], [3, 'BY']])('R-CODE-4: delivery to another country (%i × Tab → %s) loses Cash, with the reason', async (presses, country) => {
    const site = startSite();
    await site.toMethods('9161234567', presses);
    const view = site.view();
    expect(view.country).toBe(country);
    const cash = view.buttons.find((b) => b.id === 'cash')!;
    expect(cash).toMatchObject({ enabled: false, whyDisabled: 'site.cash.country' });
    expect(view.cashRefusal).toBe('site.cash.country');
    await site.press('c');
    expect(site.view()).toMatchObject({ page: 'methods', methodsReason: 'site.cash.country' });
    expect(site.store.listOrders()).toEqual([]);
  });

  it('R-CODE-4: Russia, the default, keeps Cash', async () => {
    const site = startSite();
    await site.toMethods();
    expect(site.view().country).toBe('RU');
    expect(site.view().buttons.find((b) => b.id === 'cash')?.enabled).toBe(true);
  });

  it('R-CODE-3: the app does not place an expired order again (a new code is a cash code); the PC version does', async () => {
    const site = startSite({ phone: '+79161234567', demo: true, channel: 'app' });
    await site.press('o');
    const expired = site.view().orders.find((o) => o.status === 'expired')!;
    expect(expired.code).toBe('1000000004');
    await site.pressButton(orderButtonId(expired.code));
    await site.press('r');
    expect(site.view()).toMatchObject({ page: 'order', notice: 'site.cash.appOnly' });
    expect(site.emitted).toEqual([]);
    await site.press('esc', 'esc', 'v', 'o');
    await site.pressButton(orderButtonId(expired.code));
    await site.press('r');
    expect(site.view().page).toBe('code');
    expect(site.emitted).toHaveLength(1);
  });

  it('R-CODE-2: an expired order, placed again from My orders, gets a new code valid 48 hours from now; the countdown runs on the program\'s clock', async () => {
    const site = startSite();
    await site.toMethods();
    await site.press('c');
    const first = site.view().placed!;
    expect(first.remainingMs).toBe(48 * HOUR_MS);
    site.clock.increment(HOUR_MS);
    await site.settle();
    expect(site.view().placed!.remainingMs).toBe(47 * HOUR_MS);
    await site.press('o');
    expect(site.view().orders).toMatchObject([{ code: first.code, status: 'awaiting' }]);
    // not expired yet: its page does not offer to place it again
    await site.pressButton(orderButtonId(first.code));
    expect(site.view().page).toBe('order');
    expect(site.view().buttons.map((b) => b.id)).toEqual(['back']);
    await site.press('r');
    expect(site.view().page).toBe('order');
    site.clock.increment(47 * HOUR_MS);
    await site.settle();
    expect(site.view().order!.row).toMatchObject({ code: first.code, status: 'expired' });
    expect(site.view().order!.history.map((e) => e.kind)).toEqual(['issued', 'expired']);
    await site.press('r');
    const renewed = site.view();
    expect(renewed.page).toBe('code');
    expect(renewed.placed!.code).not.toBe(first.code);
    expect(renewed.placed).toMatchObject({ amount: first.amount, phone: first.phone, expiresAt: START + 96 * HOUR_MS, remainingMs: 48 * HOUR_MS });
    expect(site.emitted.map((s) => s.code)).toEqual([first.code, renewed.placed!.code]);
    expect(site.store.phoneAccount(first.phone).sms.map((s) => [s.kind, s.kind === 'topup' ? '' : s.code, s.at])).toEqual([
      ['code', first.code, START], ['code', renewed.placed!.code, START + 48 * HOUR_MS],
    ]);
    await site.press('o');
    expect(site.view().orders.map((o) => [o.code, o.status])).toEqual([[renewed.placed!.code, 'awaiting'], [first.code, 'expired']]);
  });
});
