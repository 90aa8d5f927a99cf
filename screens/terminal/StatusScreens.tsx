/** Screens that only inform: waiting, a recovered payment, a terminal out of service. */
import React from 'react';
import { Box, Text } from 'ink';
import { Paragraph } from '../common/Paragraph.js';
import type { View } from '../../src/app/view.js';
import { t } from '../../src/i18n/index.js';
import { formatMoney, formatNote } from '../../src/i18n/format.js';
import { isTopUp } from '../../src/domain/mobile/topup.js';
import type { Receipt } from '../../src/domain/store.js';
import type { Lang } from '../../src/domain/money.js';
import { ReceiptView } from './ReceiptScreen.js';
import { Buttons } from '../common/Buttons.js';
import { heldNotesText } from '../../src/domain/cash/jam.js';

export function WaitScreen({ view, message }: { view: View; message: string }) {
  return (
    <Box marginTop={2} justifyContent="center">
      <Text color="yellow">{t(view.lang, message)}</Text>
    </Box>
  );
}

const recoveredLine = (r: Receipt, lang: Lang): string =>
  isTopUp(r)
    ? t(lang, 'topup.recovered.line', { amount: formatMoney(r.accepted, lang) })
    : t(lang, 'recovered.line', { amount: formatMoney(r.accepted, lang), code: r.code });

export function RecoveredScreen({ view }: { view: View }) {
  const last = view.recovered[view.recovered.length - 1];
  return (
    <Box flexDirection="column">
      {view.recovered.map((r) => (
        <Paragraph key={r.number} color="yellow" text={recoveredLine(r, view.lang)} />
      ))}
      {last ? <ReceiptView receipt={last} lang={view.lang} /> : null}
    </Box>
  );
}

/** The bill acceptor jammed: the reason, the note it holds, that nothing is lost, and whom to ask. */
export function OutOfServiceScreen({ view }: { view: View }) {
  const { jam } = view.kiosk;
  if (!jam) return null;
  const { lang } = view;
  return (
    <Box flexDirection="column">
      <Paragraph color="red" text={t(lang, 'jam.body', { held: heldNotesText(jam, (n) => formatNote(n, lang)) })} />
      <Text>{t(lang, 'jam.counted', { inserted: formatMoney(jam.inserted, lang) })}</Text>
      <Box marginY={1}>
        <Paragraph text={t(lang, 'jam.safe')} />
      </Box>
      <Text bold>{t(lang, 'jam.ask')}</Text>
      <Buttons buttons={view.buttons} focus={-1} lang={lang} />
    </Box>
  );
}

export function FaultScreen({ view }: { view: View }) {
  return <Paragraph color="red" text={t(view.lang, 'fault.body', { reason: view.fault ?? '?' })} />;
}
