/** The site's pages: each draws what the SiteView says, nothing is decided here. */
import React from 'react';
import { Box, Text } from 'ink';
import type { SiteView } from '../../machines/site/siteView.js';
import type { Lang } from '../../src/domain/money.js';
import type { TimelineEntry } from '../../src/domain/orders/orderTimeline.js';
import { PROTECTION_ENDED } from '../../src/domain/orders/orderLife.js';
import { SITE_STATUS_LABELS } from '../../src/domain/orders/catalog.js';
import { t } from '../../src/i18n/index.js';
import { formatDateTime, formatMoney, formatPhone } from '../../src/i18n/format.js';
import { Buttons, ButtonView } from '../common/Buttons.js';
import { Paragraph } from '../common/Paragraph.js';
import { MobileBody } from './MobileBody.js';
import { TopUpBody } from './TopUpBody.js';

/** `47:59:59`: hours, minutes and seconds left. */
export function formatCountdown(ms: number): string {
  const total = Math.floor(ms / 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(Math.floor(total / 3600))}:${p(Math.floor(total / 60) % 60)}:${p(total % 60)}`;
}

/** How many orders "My orders" shows at once; the rest scroll with the focus. */
export const ORDERS_SHOWN = 4;

export const statusText = (view: SiteView, row: SiteView['orders'][number]): string =>
  t(view.lang, SITE_STATUS_LABELS[row.status] ?? row.status, {
    owed: formatMoney(row.owed, view.lang),
    until: formatDateTime(row.expiresAt, view.lang),
    credited: row.settlesAt === null ? '' : formatDateTime(row.settlesAt, view.lang),
  });

/** How many history lines an order's page shows: the newest; the line above says how many are earlier. */
export const HISTORY_SHOWN = 7;

/** `22.11 10:00` (ru) or `11-22 10:00` (en), Moscow time: a history line keeps its room for the text. */
export function formatShortDateTime(epochMs: number, lang: Lang): string {
  const [date, time] = formatDateTime(epochMs, lang).split(' ') as [string, string];
  const day = lang === 'ru' ? date.slice(0, 5) : date.slice(5);
  return `${day} ${time.slice(0, 5)}`;
}

/** One history line's text: what happened, its money and reference, and why. */
export function historyText(entry: TimelineEntry, lang: Lang): string {
  // the release the clock made (R-PROT-1) has its own words; other reasons are the words of whoever acted
  const byClock = entry.kind === 'released' && entry.why === PROTECTION_ENDED;
  const text = t(lang, byClock ? 'site.history.protectionEnded' : `site.history.${entry.kind}`, { amount: entry.amount ? formatMoney(entry.amount, lang) : '', ref: entry.ref ?? '' });
  return entry.why && !byClock ? `${text} (${entry.why})` : text;
}

const Row = ({ label, value }: { label: string; value: string }) => (
  <Box justifyContent="space-between">
    <Text>{label}</Text>
    <Text bold>{value}</Text>
  </Box>
);

function Catalog({ view }: { view: SiteView }) {
  const { lang } = view;
  const labels = Object.fromEntries(view.products.map((p) => [p.id, `${t(lang, p.name)} · ${formatMoney(p.price, lang)}`]));
  return (
    <Box flexDirection="column">
      <Buttons buttons={view.buttons} focus={view.focus} lang={lang} labels={labels} />
      <Box marginTop={1}>
        <Text>{t(lang, 'site.cart.summary', { count: view.cartCount, total: formatMoney(view.total, lang) })}</Text>
      </Box>
    </Box>
  );
}

function Cart({ view }: { view: SiteView }) {
  const { lang } = view;
  return (
    <Box flexDirection="column">
      {view.cart.map((l) => (
        <Row key={l.name} label={t(lang, 'site.cart.line', { name: t(lang, l.name), quantity: l.quantity })} value={formatMoney(l.price, lang)} />
      ))}
      <Text bold>{t(lang, 'site.cart.total', { total: formatMoney(view.total, lang) })}</Text>
      <Box marginTop={1}>
        <Buttons buttons={view.buttons} focus={view.focus} lang={lang} />
      </Box>
    </Box>
  );
}

function Checkout({ view }: { view: SiteView }) {
  const { lang } = view;
  return (
    <Box flexDirection="column">
      <Text>{`${t(lang, 'site.checkout.country')}: ${t(lang, `site.country.${view.country}`)}`}</Text>
      {view.cashRefusal === 'site.cash.country' ? <Paragraph text={t(lang, 'site.cash.country')} color="yellow" /> : null}
      <Box marginTop={1}>
        <Paragraph text={t(lang, 'site.checkout.phone')} />
      </Box>
      <Text bold>{view.phoneMasked}</Text>
      <Box marginTop={1}>
        <Buttons buttons={view.buttons} focus={view.focus} lang={lang} />
      </Box>
    </Box>
  );
}

function Payment({ view }: { view: SiteView }) {
  const { lang } = view;
  return (
    <Box flexDirection="column">
      <Text bold>{t(lang, 'site.cart.total', { total: formatMoney(view.total, lang) })}</Text>
      <Box marginY={1}>
        <Paragraph text={t(lang, 'site.card.form')} dimColor />
      </Box>
      <Buttons buttons={view.buttons} focus={view.focus} lang={lang} />
    </Box>
  );
}

function Methods({ view }: { view: SiteView }) {
  const { lang } = view;
  return (
    <Box flexDirection="column">
      <Buttons buttons={view.buttons} focus={view.focus} lang={lang} />
      {view.methodsReason ? (
        <Box marginTop={1}>
          <Paragraph text={t(lang, view.methodsReason)} color="yellow" />
        </Box>
      ) : null}
    </Box>
  );
}

function Code({ view }: { view: SiteView }) {
  const { lang } = view;
  const placed = view.placed!;
  return (
    <Box flexDirection="column">
      <Paragraph text={t(lang, 'site.code.sent', { phone: formatPhone(placed.phone) })} color="green" />
      <Row label={t(lang, 'site.code.code')} value={placed.code} />
      <Row label={t(lang, 'site.code.amount')} value={formatMoney(placed.amount, lang)} />
      <Row label={t(lang, 'site.code.until')} value={formatDateTime(placed.expiresAt, lang)} />
      <Row label={t(lang, 'site.code.left')} value={formatCountdown(placed.remainingMs)} />
      <Paragraph text={t(lang, 'site.code.where', { places: view.payPlaces.map((p) => t(lang, p)).join(', ') })} />
      <Paragraph text={t(lang, 'site.code.cap', { cap: formatMoney(view.rules.terminalCap, lang) })} color={placed.overCap ? 'yellow' : undefined} />
      <Buttons buttons={view.buttons} focus={view.focus} lang={lang} />
    </Box>
  );
}

function Orders({ view }: { view: SiteView }) {
  const { lang } = view;
  const orderButtons = view.buttons.slice(0, view.orders.length);
  const first = Math.max(0, Math.min(view.focus - ORDERS_SHOWN + 1, view.orders.length - ORDERS_SHOWN));
  const shown = view.orders.slice(first, first + ORDERS_SHOWN);
  const hidden = view.orders.length - shown.length;
  const back = view.buttons[view.buttons.length - 1]!;
  return (
    <Box flexDirection="column">
      <Text dimColor>{view.sessionPhone ? t(lang, 'site.orders.phone', { phone: formatPhone(view.sessionPhone) }) : ''}</Text>
      {view.orders.length === 0 ? <Text>{t(lang, 'site.orders.none')}</Text> : null}
      {shown.map((row, i) => {
        const index = first + i;
        const b = orderButtons[index]!;
        const label = `${row.code} · ${formatMoney(row.amount, lang)}`;
        return (
          <Box key={row.code} flexDirection="column">
            <ButtonView button={b} focused={view.focus === index} lang={lang} label={label} />
            <Box paddingLeft={2}>
              <Paragraph text={statusText(view, row)} dimColor={row.status === 'expired'} />
            </Box>
          </Box>
        );
      })}
      {hidden > 0 ? <Text dimColor>{t(lang, 'site.orders.more', { count: hidden })}</Text> : null}
      <ButtonView button={back} focused={view.focus === view.buttons.length - 1} lang={lang} />
    </Box>
  );
}

function OrderPage({ view }: { view: SiteView }) {
  const { lang } = view;
  const page = view.order;
  if (!page) return <Buttons buttons={view.buttons} focus={view.focus} lang={lang} />;
  const shown = page.history.slice(-HISTORY_SHOWN);
  const earlier = page.history.length - shown.length;
  return (
    <Box flexDirection="column">
      <Text bold>{formatMoney(page.row.amount, lang)}</Text>
      <Paragraph text={statusText(view, page.row)} />
      <Text dimColor>{earlier > 0 ? t(lang, 'site.order.earlier', { count: earlier }) : t(lang, 'site.order.history')}</Text>
      {shown.map((entry, i) => (
        <Box key={i} flexDirection="row">
          <Box width={12} flexShrink={0}>
            <Text dimColor>{formatShortDateTime(entry.at, lang)}</Text>
          </Box>
          <Paragraph text={historyText(entry, lang)} />
        </Box>
      ))}
      <Box marginTop={1}>
        <Buttons buttons={view.buttons} focus={view.focus} lang={lang} />
      </Box>
    </Box>
  );
}

function DisputePage({ view }: { view: SiteView }) {
  const { lang } = view;
  const page = view.order;
  return (
    <Box flexDirection="column">
      {page ? <Paragraph text={t(lang, 'site.dispute.refundable', { amount: formatMoney(page.refundable, lang) })} /> : null}
      <Text bold>{t(lang, 'site.dispute.amount', { amount: page?.refundTyped ? formatMoney(page.refundTyped, lang) : '_' })}</Text>
      <Box marginTop={1}>
        <Buttons buttons={view.buttons} focus={view.focus} lang={lang} />
      </Box>
    </Box>
  );
}

export function SiteBody({ view }: { view: SiteView }) {
  switch (view.page) {
    case 'catalog':
      return <Catalog view={view} />;
    case 'cart':
      return <Cart view={view} />;
    case 'checkout':
      return <Checkout view={view} />;
    case 'payment':
      return <Payment view={view} />;
    case 'methods':
      return <Methods view={view} />;
    case 'code':
      return <Code view={view} />;
    case 'orders':
      return <Orders view={view} />;
    case 'order':
      return <OrderPage view={view} />;
    case 'dispute':
      return <DisputePage view={view} />;
    case 'topUp':
      return <TopUpBody view={view} />;
    case 'failed':
      return (
        <Box flexDirection="column">
          <Paragraph text={t(view.lang, 'site.failed', { reason: view.fault ?? '?' })} />
          <Buttons buttons={view.buttons} focus={view.focus} lang={view.lang} />
        </Box>
      );
    default:
      // the mobile payment's pages; else the title names what is under way and the help line asks to wait
      return <MobileBody view={view} />;
  }
}
