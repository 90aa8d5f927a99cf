/** R-MOB-10: the site's phone top-up page; draws what `view.topUp` says, nothing is decided here. */
import React from 'react';
import { Box, Text } from 'ink';
import type { SiteView } from '../../machines/site/siteView.js';
import { t } from '../../src/i18n/index.js';
import { formatDateTime, formatMoney } from '../../src/i18n/format.js';
import { Buttons } from '../common/Buttons.js';
import { Paragraph } from '../common/Paragraph.js';

const Row = ({ label, value }: { label: string; value: string }) => (
  <Box justifyContent="space-between">
    <Text>{label}</Text>
    <Text bold>{value}</Text>
  </Box>
);

export function TopUpBody({ view }: { view: SiteView }) {
  const { lang, topUp } = view;
  return (
    <Box flexDirection="column">
      <Paragraph text={t(lang, 'site.topUp.rules', { limit: formatMoney(topUp.monthlyLimit, lang), minutes: String(topUp.payWithinMinutes) })} />
      <Row label={t(lang, 'site.topUp.phone')} value={topUp.phoneMasked} />
      <Row label={t(lang, 'site.topUp.amount')} value={topUp.amount === null ? '—' : formatMoney(topUp.amount, lang)} />
      {topUp.refusal ? (
        <Paragraph
          color="red"
          text={t(lang, 'site.topUp.refused', {
            limit: formatMoney(topUp.refusal.limit, lang),
            left: formatMoney(topUp.refusal.left, lang),
            resets: formatDateTime(topUp.refusal.resetsAt, lang),
          })}
        />
      ) : null}
      <Box marginTop={1}>
        <Buttons buttons={view.buttons} focus={view.focus} lang={lang} />
      </Box>
    </Box>
  );
}
