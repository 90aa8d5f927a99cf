/** The customer's phone beside the kiosk: the SMS the operator sends when change is credited. */
import React from 'react';
import { Box, Text } from 'ink';
import type { Lang } from '../../src/domain/money.js';
import type { Sms } from '../../src/domain/store.js';
import { t } from '../../src/i18n/index.js';
import { Paragraph } from '../common/Paragraph.js';
import { formatDateTime, formatMoney, formatPhone } from '../../src/i18n/format.js';

export interface PhonePanelProps {
  messages: readonly Sms[];
  lang: Lang;
  width: number;
  height: number;
}

export function PhonePanel({ messages, lang, width, height }: PhonePanelProps) {
  const shown = messages.slice(-3).reverse();
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="single" borderColor="gray" paddingX={1} overflow="hidden">
      <Text bold>{t(lang, 'panel.title')}</Text>
      {shown.length === 0 ? <Text dimColor>{t(lang, 'panel.empty')}</Text> : null}
      {shown.map((sms) => (
        <Box key={`${sms.receipt}-${sms.at}`} flexDirection="column" marginTop={1} flexShrink={0}>
          <Text dimColor wrap="truncate">{`${formatPhone(sms.phone)}`}</Text>
          <Text dimColor wrap="truncate">{formatDateTime(sms.at, lang)}</Text>
          <Paragraph color="green" text={t(lang, 'sms.topup', { amount: formatMoney(sms.amount, lang), receipt: sms.receipt })} />
        </Box>
      ))}
    </Box>
  );
}
