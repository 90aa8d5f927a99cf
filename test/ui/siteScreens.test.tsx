/**
 * Every site page, with the notices it can show, at 80×24 in both languages beside the phone panel:
 * nothing cut, wrapped inside a word or an amount, wider than the terminal, taller than the site's
 * box, or repeated (the checks of test/ui/everyScreen.test.tsx). Views come from the real machine
 * driven by keys (test/machines/siteDriver.ts).
 */
import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SiteView } from '../../machines/site/siteView.js';
import { DEMO_PHONE } from '../../src/domain/orders/demo.js';
import type { Lang } from '../../src/domain/money.js';
import { DAY_MS, DEFAULT_RULES, HOUR_MS } from '../../src/domain/rules.js';
import { t } from '../../src/i18n/index.js';
import { formatDateTime, formatMoney, formatPhone } from '../../src/i18n/format.js';
import { formatCountdown, formatShortDateTime, HISTORY_SHOWN, historyText, ORDERS_SHOWN, statusText } from '../../screens/site/SiteBody.js';
import { orderButtonId } from '../../machines/site/siteButtons.js';
import { siteHelp, siteNotice, siteTitle } from '../../screens/site/SiteFrame.js';
import { START, startSite, walkToCheckout } from '../machines/siteDriver.js';
import { refusalText } from '../../src/domain/mobile/refusalText.js';
import { COLUMNS, flat, renderSite, ROWS, SITE_HEIGHT, siteRows } from './siteHarness.js';

type Case = { name: string; view: SiteView };

/** An order's page at each stage of its life, and the dispute page (R-CODE-6, R-CODE-7, R-PROT-1, R-PROT-2). */
async function lifeViews(): Promise<Case[]> {
  const cases: Case[] = [];
  const site = startSite({ phone: DEMO_PHONE, demo: true });
  const { store, clock } = site;
  const pay = (code: string, due: string) => {
    const id = `s-${code}`;
    store.openSession({ id, terminalId: 'T-1', code, due, phone: DEMO_PHONE, operator: 'mts', openedAt: clock.now() });
    store.journalNote(id, 5000);
    store.completePayment(id, 'pay', clock.now());
  };
  const open = async (name: string, code: string) => {
    await site.press('o');
    await site.pressButton(orderButtonId(code));
    cases.push({ name, view: site.view() });
  };
  const later = async (ms: number) => {
    clock.increment(ms);
    await site.settle();
  };
  pay('1000000001', '4750.00');
  pay('1000000002', '1990.00');
  await open('order, processing', '1000000001');
  await site.press('esc', 'esc');
  await open('order, expired', '1000000004');
  await site.press('esc', 'esc');
  await later(2 * DAY_MS + HOUR_MS);
  store.changeOrder('1000000002', { kind: 'cancel', refund: '990.00', reason: 'out of stock' }, clock.now());
  await open('order, cancelled with a refund', '1000000002');
  await site.press('esc', 'esc');
  store.changeOrder('1000000001', { kind: 'ship' }, clock.now());
  await later(DAY_MS);
  store.changeOrder('1000000001', { kind: 'deliver' }, clock.now());
  await later(HOUR_MS);
  await open('order, delivered', '1000000001');
  await site.press('d');
  cases.push({ name: 'dispute', view: site.view() });
  await site.press('p');
  cases.push({ name: 'dispute, no amount', view: site.view() });
  await site.press('47');
  cases.push({ name: 'dispute, amount typed', view: site.view() });
  await site.press('p');
  cases.push({ name: 'order, partial refund, long history', view: site.view() });
  // R-PROT-1: a delivered order nobody confirmed, after its protection period
  store.changeOrder('1000000005', { kind: 'ship' }, clock.now());
  store.changeOrder('1000000005', { kind: 'deliver' }, clock.now());
  await later(DEFAULT_RULES.protectionPeriodMs);
  await site.press('esc', 'esc');
  await open('order, released when the protection ended', '1000000005');
  return cases;
}

async function collectViews(): Promise<Case[]> {
  const cases: Case[] = [];
  const site = startSite({ phone: DEMO_PHONE, demo: true });
  const keep = (name: string, view: SiteView = site.view()) => cases.push({ name, view });
  await walkToCheckout(site, (name) => keep(name));
  await site.press('8');
  keep('checkout, starts with 9');
  await site.press('916');
  await site.press('enter');
  keep('checkout, phone incomplete');
  await site.press('1234567');
  for (const country of ['UA', 'KZ', 'BY']) {
    await site.press('tab');
    keep(`checkout, ${country}`);
  }
  await site.press('tab', 'enter');
  keep('payment');
  await site.press('enter');
  keep('payment, cards outside');
  await site.press('m');
  keep('methods');
  await site.press('down', 'enter');
  keep('mobile, operator');
  await site.press('3');
  keep('mobile, phone, commission');
  await site.press('backspace');
  keep('mobile, phone incomplete');
  await site.press('7', 'enter');
  keep('mobile, SMS sent');
  const sent = site.view();
  const refused = { ...sent.mobile.payment!, state: 'refused' as const, reason: JSON.stringify({ reason: 'limit', limit: { kind: 'countPerPeriod', max: 10, period: 'day' }, resetsAt: START + 86_400_000 }) };
  keep('mobile, refused by a limit', { ...sent, page: 'mobileResult', mobile: { ...sent.mobile, payment: refused, refusal: JSON.parse(refused.reason) }, buttons: sent.buttons });
  const confirmed = { ...sent.mobile.payment!, state: 'confirmed' as const, answeredAt: START, settlesAt: START + HOUR_MS };
  keep('mobile, accepted', { ...sent, page: 'mobileResult', mobile: { ...sent.mobile, payment: confirmed, refusal: null }, buttons: sent.buttons.slice(1) });
  await site.press('r', 'esc', 'esc');
  await site.press('esc', 'esc', 'tab', 'enter', 'm');
  keep('methods, Ukraine');
  await site.press('c');
  keep('methods, Ukraine, cash pressed');
  await site.press('esc', 'esc', 'tab', 'tab', 'tab', 'enter', 'm', 'c');
  keep('code, over the cap');
  site.clock.increment(HOUR_MS + 1234);
  await site.settle();
  keep('code, an hour on');
  await site.press('o');
  keep('orders, demo phone');
  for (let i = 0; i < 7; i++) await site.press('down');
  keep('orders, scrolled to the end');
  await site.press('up', 'enter');
  keep('order, awaiting');
  await site.press('esc', 'esc', '1', 'c', 'b', 'enter', 'm', 'c');
  keep('code');
  keep('placing', { ...site.view(), page: 'placing', mode: 'busy', buttons: [] });
  keep('failed', { ...site.view(), page: 'failed', buttons: [{ id: 'shop', label: 'site.button.shop', event: { type: 'site.shop' }, hotkey: 's', enabled: true }], fault: 'SQLITE_FULL: database or disk is full' });
  cases.push(...(await lifeViews()));
  const app = startSite({ channel: 'app' });
  await app.toMethods();
  keep('methods, app', app.view());
  const nobody = startSite();
  await nobody.press('o');
  keep('orders, none', nobody.view());
  return cases;
}

function expectedTexts(view: SiteView): { lines: string[]; paragraphs: string[] } {
  const { lang } = view;
  const money = (m: string) => formatMoney(m, lang);
  const labelled = new Set(['orders-list']);
  const lines = [siteTitle(view), t(lang, 'site.brand'), t(lang, 'site.version.pc'), t(lang, 'site.version.app')];
  const paragraphs = [siteHelp(view), siteNotice(view) ?? ''];
  if (view.page !== 'orders' && view.page !== 'catalog') lines.push(...view.buttons.filter((b) => !labelled.has(b.id)).map((b) => t(lang, b.label)));
  switch (view.page) {
    case 'catalog':
      lines.push(...view.products.map((p) => `${t(lang, p.name)} · ${money(p.price)}`), ...view.buttons.slice(view.products.length).map((b) => t(lang, b.label)));
      lines.push(t(lang, 'site.cart.summary', { count: view.cartCount, total: money(view.total) }));
      break;
    case 'cart':
      lines.push(...view.cart.map((l) => t(lang, 'site.cart.line', { name: t(lang, l.name), quantity: l.quantity })), t(lang, 'site.cart.total', { total: money(view.total) }));
      break;
    case 'checkout':
      lines.push(`${t(lang, 'site.checkout.country')}: ${t(lang, `site.country.${view.country}`)}`, view.phoneMasked);
      paragraphs.push(t(lang, 'site.checkout.phone'), view.cashRefusal === 'site.cash.country' ? t(lang, 'site.cash.country') : '');
      break;
    case 'payment':
      paragraphs.push(t(lang, 'site.card.form'));
      break;
    case 'methods':
      paragraphs.push(view.methodsReason ? t(lang, view.methodsReason) : '');
      break;
    case 'code': {
      const p = view.placed!;
      lines.push(p.code, money(p.amount), formatDateTime(p.expiresAt, lang), formatCountdown(p.remainingMs), t(lang, 'site.code.code'), t(lang, 'site.code.left'));
      paragraphs.push(t(lang, 'site.code.sent', { phone: formatPhone(p.phone) }), t(lang, 'site.code.where', { places: view.payPlaces.map((x) => t(lang, x)).join(', ') }));
      paragraphs.push(t(lang, 'site.code.cap', { cap: money(view.rules.terminalCap) }));
      break;
    }
    case 'orders': {
      const first = Math.max(0, Math.min(view.focus - ORDERS_SHOWN + 1, view.orders.length - ORDERS_SHOWN));
      for (const row of view.orders.slice(first, first + ORDERS_SHOWN)) {
        lines.push(`${row.code} · ${money(row.amount)}`);
        paragraphs.push(statusText(view, row));
      }
      lines.push(t(lang, 'button.back'));
      if (view.orders.length === 0) lines.push(t(lang, 'site.orders.none'));
      break;
    }
    case 'order': {
      const page = view.order!;
      lines.push(money(page.row.amount), ...page.history.slice(-HISTORY_SHOWN).map((e) => formatShortDateTime(e.at, lang)));
      paragraphs.push(statusText(view, page.row), ...page.history.slice(-HISTORY_SHOWN).map((e) => historyText(e, lang)));
      break;
    }
    case 'dispute': {
      const page = view.order!;
      lines.push(t(lang, 'site.dispute.amount', { amount: page.refundTyped ? money(page.refundTyped) : '_' }));
      paragraphs.push(t(lang, 'site.dispute.refundable', { amount: money(page.refundable) }));
      break;
    }
    case 'failed':
      paragraphs.push(t(lang, 'site.failed', { reason: view.fault ?? '?' }));
      break;
    case 'mobilePhone':
      lines.push(view.mobile.phoneMasked, money(view.mobile.amount), view.mobile.total ? money(view.mobile.total) : '');
      break;
    case 'mobileSent':
      paragraphs.push(t(lang, 'site.mobile.replyWithin', { minutes: view.mobile.replyMinutes }), t(lang, 'mobile.refusal.silent'));
      break;
    case 'mobileResult':
      paragraphs.push(view.mobile.refusal ? refusalText(view.mobile.refusal, view.mobile.payment!.operator, lang) : t(lang, 'site.mobile.accepted', { code: view.mobile.payment!.code }));
      break;
    default:
      break;
  }
  return { lines: lines.filter(Boolean), paragraphs: paragraphs.filter(Boolean) };
}

const AMOUNT = /\d{1,3}(?:[\s,]\d{3})*(?:[.,]\d{2})?\s₽/g;

function problemsOf(frame: string, view: SiteView): string[] {
  const problems: string[] = [];
  const all = frame.split('\n');
  if (all.length > SITE_HEIGHT) problems.push(`${all.length} rows, more than the site's ${SITE_HEIGHT} (${ROWS} less the world's bars)`);
  all.forEach((row, i) => {
    if (stringWidth(row) > COLUMNS) problems.push(`row ${i + 1} is ${stringWidth(row)} columns wide`);
  });
  const rows = siteRows(frame);
  if (!rows[1]?.includes(t(view.lang, 'site.brand'))) problems.push(`site bar overwritten: "${rows[1]}"`);
  if (rows[2]?.replace(/[│]/g, '').trim() !== siteTitle(view)) problems.push(`title row is "${rows[2]}": the body overflows the box`);
  const { lines, paragraphs } = expectedTexts(view);
  for (const text of lines) if (!rows.some((row) => row.includes(text))) problems.push(`not whole on one row: "${text}"`);
  for (const text of paragraphs) if (!flat(rows).includes(text.replace(/\s+/g, ' '))) problems.push(`cut or broken inside a word: "${text}"`);
  for (const text of [...lines, ...paragraphs]) {
    for (const amount of text.match(AMOUNT) ?? []) if (!rows.some((row) => row.includes(amount))) problems.push(`amount "${amount}" wraps`);
  }
  const ellipses = (s: string) => s.split('…').length - 1;
  const allowed = [...lines, ...paragraphs].reduce((n, s) => n + ellipses(s), 0);
  if (ellipses(rows.join('\n')) > allowed) problems.push('an ellipsis the texts do not have: something is truncated');
  // two orders may well have one status: only other rows must not repeat
  const statuses = view.page === 'orders' ? view.orders.map((o) => statusText(view, o)) : [];
  const seen = new Set<string>();
  for (const row of rows.map((r) => r.replace(/[│╭╮╰╯─]/g, '').trim()).filter((r) => /[\p{L}\p{N}]/u.test(r))) {
    if (seen.has(row) && !statuses.includes(row)) problems.push(`row repeated: "${row}"`);
    seen.add(row);
  }
  return problems;
}

let cases: Case[] = [];
beforeAll(async () => {
  cases = await collectViews();
});

describe.each(['ru', 'en'] as const)('every site page at 80×24 beside the phone (%s)', (lang: Lang) => {
  it('shows every text whole: nothing cut, wrapped inside a word or an amount, too wide, too tall or repeated', () => {
    expect(cases.length).toBeGreaterThan(25);
    expect(new Set(cases.map((c) => c.view.page))).toEqual(new Set(['catalog', 'cart', 'checkout', 'payment', 'methods', 'code', 'orders', 'order', 'dispute', 'placing', 'failed',
      'mobileOperator', 'mobilePhone', 'mobileSent', 'mobileResult']));
    const failures: string[] = [];
    for (const { name, view } of cases) {
      const shown = { ...view, lang };
      const frame = renderSite(shown);
      const problems = problemsOf(frame, shown);
      if (problems.length > 0) failures.push(`── ${name}\n${problems.map((p) => `   ${p}`).join('\n')}\n${frame}`);
    }
    expect(failures.join('\n\n')).toBe('');
  });

  it('the app page says to use the PC version (R-CODE-3) and another country says why Cash is gone (R-CODE-4)', () => {
    const text = (name: string) => flat(siteRows(renderSite({ ...cases.find((c) => c.name === name)!.view, lang })));
    expect(text('methods, app')).toContain(t(lang, 'site.app.usePc'));
    expect(text('methods, Ukraine')).toContain(t(lang, 'site.cash.country'));
  });

  it('R-PROT-1: an order released when its protection ended says so in its history, in the page\'s language', () => {
    const view = cases.find((c) => c.name === 'order, released when the protection ended')!.view;
    expect(view.order!.row.status).toBe('released');
    const text = flat(siteRows(renderSite({ ...view, lang })));
    expect(text).toContain(t(lang, 'site.history.protectionEnded', { amount: formatMoney(view.order!.row.amount, lang) }).replace(/\s+/g, ' '));
    expect(text).toContain(t(lang, 'site.status.released'));
  });

  it('R-CODE-2: the code page counts the 48 hours down on the program\'s clock and shows the deadline', () => {
    const view = cases.find((c) => c.name === 'code, an hour on')!.view;
    const text = flat(siteRows(renderSite({ ...view, lang })));
    expect(text).toContain(`${t(lang, 'site.code.left')} 46:59:58`);
    expect(text).toContain(`${t(lang, 'site.code.until')} ${formatDateTime(view.placed!.expiresAt, lang)}`);
  });
});
