/** The site's Mobile payment pages (issue 13): each draws what `view.mobile` says, nothing is decided here. */
import React from 'react';
import { Box, Text } from 'ink';
import type { SiteView } from '../../machines/site/siteView.js';
import { refusalText } from '../../src/domain/mobile/refusalText.js';
import { t } from '../../src/i18n/index.js';
import { formatDateTime, formatMoney, formatPhone, operatorName } from '../../src/i18n/format.js';
import { Buttons } from '../common/Buttons.js';
import { Paragraph } from '../common/Paragraph.js';

/** "3.9" as Russian writes it: "3,9". */
const decimalComma = (number: string, lang: SiteView['lang']) => (lang === 'ru' ? number.replace('.', ',') : number);

const Row = ({ label, value }: { label: string; value: string }) => (
  <Box justifyContent="space-between">
    <Text>{label}</Text>
    <Text bold>{value}</Text>
  </Box>
);

function PhonePage({ view }: { view: SiteView }) {
  const { lang, mobile } = view;
  return (
    <Box flexDirection="column">
      <Row label={t(lang, 'site.mobile.operator')} value={operatorName(mobile.operator, lang)} />
      <Row label={t(lang, 'site.mobile.phone')} value={mobile.phoneMasked} />
      <Row label={t(lang, 'site.mobile.amount')} value={formatMoney(mobile.amount, lang)} />
      {mobile.commission !== null ? (
        <Row label={t(lang, 'site.mobile.commission', { percent: decimalComma(mobile.percent ?? '', lang) })} value={formatMoney(mobile.commission, lang)} />
      ) : null}
      {mobile.total !== null ? <Row label={t(lang, 'site.mobile.total')} value={formatMoney(mobile.total, lang)} /> : null}
      <Box marginTop={1}>
        <Buttons buttons={view.buttons} focus={view.focus} lang={lang} />
      </Box>
    </Box>
  );
}

function SentPage({ view }: { view: SiteView }) {
  const { lang, mobile } = view;
  const payment = mobile.payment;
  return (
    <Box flexDirection="column">
      <Paragraph text={t(lang, 'site.mobile.sent', { phone: payment ? formatPhone(payment.phone) : '' })} color="green" />
      {payment ? <Row label={payment.id} value={formatMoney(payment.total, lang)} /> : null}
      <Paragraph text={t(lang, 'site.mobile.replyWithin', { minutes: mobile.replyMinutes })} />
      <Paragraph text={t(lang, 'mobile.refusal.silent')} dimColor />
      <Box marginTop={1}>
        <Buttons buttons={view.buttons} focus={view.focus} lang={lang} />
      </Box>
    </Box>
  );
}

function ResultPage({ view }: { view: SiteView }) {
  const { lang, mobile } = view;
  const payment = mobile.payment!;
  const lines: Array<[string, 'green' | 'yellow' | undefined]> =
    payment.state === 'confirmed'
      ? [
          [t(lang, 'site.mobile.accepted', { code: payment.code }), 'green'],
          [t(lang, 'site.mobile.processing', { until: formatDateTime(payment.settlesAt ?? payment.answeredAt ?? 0, lang) }), undefined],
        ]
      : payment.state === 'refused'
        ? [
            [t(lang, 'site.mobile.refused'), 'yellow'],
            [mobile.refusal ? refusalText(mobile.refusal, payment.operator, lang) : '', undefined],
          ]
        : [[t(lang, `site.mobile.${payment.state}`), 'yellow']];
  return (
    <Box flexDirection="column">
      <Row label={payment.id} value={formatMoney(payment.total, lang)} />
      {lines.map(([text, color]) => (
        <Paragraph key={text} text={text} color={color} />
      ))}
      <Box marginTop={1}>
        <Buttons buttons={view.buttons} focus={view.focus} lang={lang} />
      </Box>
    </Box>
  );
}

/** The page for a mobile payment state, or null when the page is not one of them. */
export function MobileBody({ view }: { view: SiteView }) {
  switch (view.page) {
    case 'mobileOperator':
      return <Buttons buttons={view.buttons} focus={view.focus} lang={view.lang} />;
    case 'mobilePhone':
      return <PhonePage view={view} />;
    case 'mobileSent':
    case 'mobileChecking':
      return <SentPage view={view} />;
    case 'mobileResult':
      return <ResultPage view={view} />;
    default:
      return null;
  }
}
