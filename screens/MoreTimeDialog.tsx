/** "Need more time?": shown after a quiet spell on the cash screen; no answer pays with what is in. */
import React from 'react';
import { Box, Text } from 'ink';
import { Buttons } from './Buttons.js';
import type { View } from '../src/app/view.js';
import { isPositive } from '../src/domain/money.js';
import { t } from '../src/i18n/index.js';
import { formatMoney } from '../src/i18n/format.js';

export interface MoreTimeDialogProps {
  view: View;
  /** how long the dialog waits, in seconds @default 15 */
  seconds?: number;
}

export function MoreTimeDialog({ view, seconds = 15 }: MoreTimeDialogProps) {
  const { lang, cash } = view;
  const inserted = cash?.inserted ?? '0.00';
  const warning = isPositive(inserted)
    ? t(lang, 'moreTime.withCash', { inserted: formatMoney(inserted, lang), seconds })
    : t(lang, 'moreTime.noCash', { seconds });
  return (
    <Box flexDirection="column" borderStyle="double" borderColor="yellow" paddingX={2} paddingY={1} alignSelf="center">
      <Text bold>{t(lang, 'moreTime.title')}</Text>
      <Text>{warning}</Text>
      <Box marginTop={1}>
        <Buttons buttons={view.buttons} focus={view.focus} lang={lang} columns={2} />
      </Box>
    </Box>
  );
}
