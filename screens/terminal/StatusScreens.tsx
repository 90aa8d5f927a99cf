/** Screens that only inform: waiting, a recovered payment, a terminal out of service. */
import React from 'react';
import { Box, Text } from 'ink';
import { Paragraph } from '../common/Paragraph.js';
import type { View } from '../../src/app/view.js';
import { t } from '../../src/i18n/index.js';
import { formatMoney } from '../../src/i18n/format.js';
import { ReceiptView } from './ReceiptScreen.js';

export function WaitScreen({ view, message }: { view: View; message: string }) {
  return (
    <Box marginTop={2} justifyContent="center">
      <Text color="yellow">{t(view.lang, message)}</Text>
    </Box>
  );
}

export function RecoveredScreen({ view }: { view: View }) {
  const last = view.recovered[view.recovered.length - 1];
  return (
    <Box flexDirection="column">
      {view.recovered.map((r) => (
        <Paragraph key={r.number} color="yellow" text={t(view.lang, 'recovered.line', { amount: formatMoney(r.accepted, view.lang), code: r.code })} />
      ))}
      {last ? <ReceiptView receipt={last} lang={view.lang} /> : null}
    </Box>
  );
}

export function FaultScreen({ view }: { view: View }) {
  return <Paragraph color="red" text={t(view.lang, 'fault.body', { reason: view.fault ?? '?' })} />;
}
