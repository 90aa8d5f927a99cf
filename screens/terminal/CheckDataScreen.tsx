/** "Check your data": the order, the amount due, and the no-change warning (R-TERM-2, R-TERM-6). */
import React from 'react';
import { Box, Text } from 'ink';
import { Paragraph } from '../common/Paragraph.js';
import { Buttons } from '../common/Buttons.js';
import type { View } from '../../src/app/view.js';
import { t } from '../../src/i18n/index.js';
import { formatMoney } from '../../src/i18n/format.js';

export function CheckDataScreen({ view }: { view: View }) {
  const { lang, kiosk } = view;
  return (
    <Box flexDirection="column">
      <Text>{`${t(lang, 'check.order')}: `}<Text bold>{kiosk.payable?.code ?? ''}</Text></Text>
      <Text>{`${t(lang, 'check.due')}: `}<Text bold color="green">{formatMoney(kiosk.payable?.due ?? '0.00', lang)}</Text></Text>
      <Box marginTop={1} flexDirection="column">
        <Paragraph color="yellow" text={t(lang, 'check.noChange')} />
        {/* no paper: said before any cash goes in */}
        {kiosk.paperOut ? <Paragraph color="red" text={t(lang, 'paper.out')} /> : null}
        <Paragraph dimColor text={t(lang, 'check.advice')} />
        {/* R-CODE-5: the store learns of a price rise only at payment, so every order gets this line. */}
        <Paragraph dimColor text={t(lang, 'check.priceMayChange')} />
      </Box>
      <Box marginTop={1}>
        <Buttons buttons={view.buttons} focus={view.focus} lang={lang} columns={2} />
      </Box>
    </Box>
  );
}
