/**
 * Every site page, with the notices it can show, in the world's layout at 80×24 in both
 * languages: the place bar with the site holding the keys, the phone beside it with the SMS the
 * site sent (the checks of everyScreen.check.tsx). Views come from the real site machine driven by
 * keys (test/machines/siteDriver.ts); the world and the terminal are as a world starts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import type { SiteView } from '../../machines/site/siteView.js';
import { DEMO_PHONE } from '../../src/domain/orders/demo.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import type { Lang } from '../../src/domain/money.js';
import { HOUR_MS } from '../../src/domain/rules.js';
import { t } from '../../src/i18n/index.js';
import { formatDateTime, formatMoney, formatPhone } from '../../src/i18n/format.js';
import { formatCountdown, ORDERS_SHOWN, statusText } from '../../screens/site/SiteBody.js';
import { siteHelp, siteNotice, siteTitle } from '../../screens/site/SiteFrame.js';
import { START, startSite, walkToCheckout } from '../machines/siteDriver.js';
import { failuresOf, flat, inLang, regionsOf, renderScene, startScene, type Case, type Expected, type Scene } from './everyScreen.check.js';

/** The site's pages, each with the time on the site's clock. */
async function sitePages(): Promise<Array<{ name: string; view: SiteView; now: number }>> {
  const pages: Array<{ name: string; view: SiteView; now: number }> = [];
  const site = startSite({ phone: DEMO_PHONE, demo: true });
  const keep = (name: string, view: SiteView = site.view()) => pages.push({ name, view, now: site.clock.now() });
  await walkToCheckout(site, (name) => keep(name));
  await site.press('916', 'enter');
  keep('checkout, phone incomplete');
  await site.press('1234567', 'tab');
  keep('checkout, Ukraine');
  await site.press('tab', 'tab', 'tab', 'enter');
  keep('payment');
  await site.press('enter');
  keep('payment, cards outside');
  await site.press('m');
  keep('methods');
  await site.press('down', 'enter');
  keep('mobile payment, the operators');
  await site.press('esc', 'esc', 'tab', 'enter', 'm', 'c');
  keep('methods, Ukraine, cash pressed');
  await site.press('esc', 'esc', 'tab', 'tab', 'tab', 'enter', 'm', 'c');
  keep('code, over the cap, its SMS beside');
  site.clock.increment(HOUR_MS + 1234);
  await site.settle();
  keep('code, an hour on');
  await site.press('o');
  keep('orders, demo phone');
  for (let i = 0; i < 7; i++) await site.press('down');
  keep('orders, scrolled to the end');
  await site.press('esc', '1', 'c', 'b', 'enter', 'm', 'c');
  keep('code, a second SMS beside');
  keep('placing', { ...site.view(), page: 'placing', mode: 'busy', buttons: [] });
  keep('failed', { ...site.view(), page: 'failed', buttons: [{ id: 'shop', label: 'site.button.shop', event: { type: 'site.shop' }, hotkey: 's', enabled: true }], fault: 'SQLITE_FULL: database or disk is full' });
  const app = startSite({ channel: 'app' });
  await app.toMethods();
  keep('methods, app', app.view());
  const nobody = startSite();
  await nobody.press('o');
  keep('orders, none', nobody.view());
  // R-MOB-10: the phone top-up page, then its refusal over the month's allowance
  const topUp = startSite({ phone: DEMO_PHONE });
  await topUp.press('t', '9051234567', '16');
  keep('top-up, typed', topUp.view());
  await topUp.press('00', 'enter');
  keep('top-up, refused over the month', topUp.view());
  if (!topUp.view().topUp.refusal) throw new Error('1,600 ₽ in a month of 1,500 ₽ was not refused');
  return pages;
}

/** What a site page must show whole. */
function expectedTexts(scene: Scene, lang: Lang): Expected {
  const view = scene.site;
  const money = (m: string) => formatMoney(m, lang);
  const lines = [t(lang, 'site.version.pc'), t(lang, 'site.version.app')];
  const paragraphs = [siteHelp(view), siteNotice(view) ?? ''];
  const first = view.page === 'orders' ? Math.max(0, Math.min(view.focus - ORDERS_SHOWN + 1, view.orders.length - ORDERS_SHOWN)) : 0;
  const visible = view.page === 'orders' ? view.orders.slice(first, first + ORDERS_SHOWN) : [];
  const statuses = visible.map((o) => statusText(view, o));
  if (view.page !== 'orders' && view.page !== 'catalog') lines.push(...view.buttons.map((b) => t(lang, b.label)));
  if (view.page === 'catalog') {
    lines.push(...view.products.map((p) => `${t(lang, p.name)} · ${money(p.price)}`), t(lang, 'site.cart.summary', { count: view.cartCount, total: money(view.total) }));
  }
  if (view.page === 'cart') lines.push(...view.cart.map((l) => t(lang, 'site.cart.line', { name: t(lang, l.name), quantity: l.quantity })), t(lang, 'site.cart.total', { total: money(view.total) }));
  if (view.page === 'checkout') {
    lines.push(`${t(lang, 'site.checkout.country')}: ${t(lang, `site.country.${view.country}`)}`, view.phoneMasked);
    paragraphs.push(t(lang, 'site.checkout.phone'), view.cashRefusal === 'site.cash.country' ? t(lang, 'site.cash.country') : '');
  }
  if (view.page === 'payment') paragraphs.push(t(lang, 'site.card.form'));
  if (view.page === 'methods') paragraphs.push(view.methodsReason ? t(lang, view.methodsReason) : '');
  if (view.page === 'code') {
    const p = view.placed!;
    lines.push(p.code, money(p.amount), formatDateTime(p.expiresAt, lang), formatCountdown(p.remainingMs));
    paragraphs.push(t(lang, 'site.code.sent', { phone: formatPhone(p.phone) }), t(lang, 'site.code.where', { places: view.payPlaces.map((x) => t(lang, x)).join(', ') }));
  }
  if (view.page === 'orders') {
    for (const row of visible) lines.push(`${row.code} · ${money(row.amount)}`);
    paragraphs.push(...statuses);
    if (view.orders.length === 0) lines.push(t(lang, 'site.orders.none'));
  }
  if (view.page === 'topUp') {
    lines.push(view.topUp.phoneMasked, money(view.topUp.amount ?? '0.00'));
    paragraphs.push(t(lang, 'site.topUp.rules', { limit: money(view.topUp.monthlyLimit), minutes: String(view.topUp.payWithinMinutes) }));
    const r = view.topUp.refusal;
    if (r) paragraphs.push(t(lang, 'site.topUp.refused', { limit: money(r.limit), left: money(r.left), resets: formatDateTime(r.resetsAt, lang) }));
  }
  if (view.page === 'failed') paragraphs.push(t(lang, 'site.failed', { reason: view.fault ?? '?' }));
  return { top: [t(lang, 'site.brand'), siteTitle(view)], lines, paragraphs: paragraphs.filter(Boolean), repeats: statuses };
}

let cases: Case[] = [];
beforeAll(async () => {
  const clock = new SimulatedClock();
  clock.set(START);
  const { world, scene } = await startScene(new MemoryStore(), clock);
  world.stop();
  cases = (await sitePages()).map(({ name, view, now }) => ({ name, scene: { ...scene, site: view, world: { ...scene.world, place: 'site', shown: 'site', now } } }));
});

describe.each(['ru', 'en'] as const)('every site page at 80×24 in the world\'s layout (%s)', (lang) => {
  it('shows every text whole, the place bar and the phone beside it: nothing cut, wrapped inside a word or an amount, too wide, too tall or repeated', () => {
    expect(new Set(cases.map((c) => c.scene.site.page))).toEqual(new Set(['catalog', 'cart', 'checkout', 'payment', 'methods', 'mobileOperator', 'code', 'orders', 'placing', 'failed', 'topUp']));
    expect(failuresOf(cases, lang, expectedTexts)).toBe('');
  });

  it('R-CODE-1: the code the site sent is on the phone beside it, whole, the newest first', () => {
    const { scene } = cases.find((c) => c.name === 'code, a second SMS beside')!;
    const panel = flat(regionsOf(renderScene(inLang(scene, lang))).panel);
    const [older, newer] = scene.site.sms;
    expect(newer!.code).toBe(scene.site.placed!.code);
    expect(panel).toContain(t(lang, 'sms.code', { code: newer!.code, amount: formatMoney(newer!.amount, lang) }).replace(/\s+/g, ' '));
    // the older one does not fit whole beside it: it is counted, not cut
    expect(panel).not.toContain(older!.code);
    expect(panel).toContain(t(lang, 'panel.more', { count: 1 }));
  });
});
