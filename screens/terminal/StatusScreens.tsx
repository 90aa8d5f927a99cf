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

/** The reason cut to two lines of the 80-column screen: the driver's message can be long. */
const REASON_MAX = 140;
const shortReason = (reason: string): string => (reason.length > REASON_MAX ? `${reason.slice(0, REASON_MAX - 1)}…` : reason);

/** The order registry is out of reach: the reason, that payments taken are kept, and whom to ask. */
function RegistryDownScreen({ view, reason }: { view: View; reason: string }) {
  const { lang } = view;
  return (
    <Box flexDirection="column">
      <Paragraph color="red" text={t(lang, 'registry.body')} />
      <Paragraph text={t(lang, 'registry.reason', { reason: shortReason(reason) })} />
      <Box marginY={1}>
        <Paragraph text={t(lang, 'registry.safe')} />
      </Box>
      <Paragraph bold text={t(lang, 'registry.ask')} />
      <Buttons buttons={view.buttons} focus={-1} lang={lang} />
    </Box>
  );
}

/** Out of service: the bill acceptor jammed (the note it holds, that nothing is lost, whom to ask), or the registry is out of reach. */
export function OutOfServiceScreen({ view }: { view: View }) {
  const { jam, registryDown } = view.kiosk;
  if (!jam) return registryDown === null ? null : <RegistryDownScreen view={view} reason={registryDown} />;
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
