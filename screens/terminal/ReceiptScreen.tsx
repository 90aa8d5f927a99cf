/** The printed receipt (R-TERM-5, R-CASH-4). */
import React from 'react';
import { Box, Text } from 'ink';
import { Paragraph } from '../common/Paragraph.js';
import { Buttons } from '../common/Buttons.js';
import type { View } from '../../src/app/view.js';
import type { Receipt } from '../../src/domain/store.js';
import type { Lang } from '../../src/domain/money.js';
import { t } from '../../src/i18n/index.js';
import { formatPhone } from '../../src/i18n/format.js';
import { receiptFooter, receiptLines } from '../../src/domain/fiscal/receiptText.js';

export function ReceiptView({ receipt, lang }: { receipt: Receipt; lang: Lang }) {
  return (
    <Box flexDirection="column" borderStyle="single" paddingX={1}>
      {receiptLines(receipt, lang).map((line) => (
        // A label too long for the row (the phone and operator) puts its value on the next row, right-aligned.
        <Box key={line.label} flexWrap="wrap" columnGap={1}>
          <Text>{line.label}</Text>
          <Box flexGrow={1} justifyContent="flex-end">
            <Text bold>{line.value}</Text>
          </Box>
        </Box>
      ))}
      {receiptFooter(receipt, lang).map((line) => (
        <Paragraph key={line} color="yellow" text={line} />
      ))}
    </Box>
  );
}

export function ReceiptScreen({ view }: { view: View }) {
  const receipt = view.kiosk.receipt;
  return (
    <Box flexDirection="column">
      {receipt ? <ReceiptView receipt={receipt} lang={view.lang} /> : null}
      {receipt && view.kiosk.receiptBySms ? <Paragraph color="red" text={t(view.lang, 'paper.bySms', { phone: formatPhone(receipt.phone) })} /> : null}
      <Buttons buttons={view.buttons} focus={view.focus} lang={view.lang} columns={view.columns} />
    </Box>
  );
}
