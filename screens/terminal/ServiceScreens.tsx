/** Service mode, for the salon's staff: the PIN, the cassette's count, the encashment receipt. */
import React from 'react';
import { Box, Text } from 'ink';
import { Buttons } from '../common/Buttons.js';
import { Paragraph } from '../common/Paragraph.js';
import type { View } from '../../src/app/view.js';
import type { CassetteCount } from '../../src/domain/cash/cassette.js';
import { BANKNOTES } from '../../src/domain/rules.js';
import { t } from '../../src/i18n/index.js';
import { formatDateTime, formatMoney, formatNote } from '../../src/i18n/format.js';
import type { Lang } from '../../src/domain/money.js';
import { heldNotesText } from '../../src/domain/cash/jam.js';

export function ServicePinScreen({ view }: { view: View }) {
  const pin = view.kiosk.pinDigits;
  return (
    <Box flexDirection="column">
      <Paragraph text={t(view.lang, 'service.pinPrompt')} />
      <Box marginY={1}>
        {/* the PIN is never shown, only how many digits are in */}
        <Text inverse>{` ${'•'.repeat(pin.length).padEnd(8, '_')} `}</Text>
      </Box>
      <Buttons buttons={view.buttons} focus={view.focus} lang={view.lang} columns={3} />
    </Box>
  );
}

/** Label and value rows: the cassette and what it holds by denomination. */
function CassetteRows({ cassette, lang, at }: { cassette: CassetteCount; lang: Lang; at?: number }) {
  const row = (label: string, value: string) => (
    <Box key={label}>
      <Text>{label}</Text>
      <Box flexGrow={1} justifyContent="flex-end">
        <Text bold>{value}</Text>
      </Box>
    </Box>
  );
  const held = BANKNOTES.filter((n) => (cassette.notes[n] ?? 0) > 0);
  return (
    <Box flexDirection="column">
      {row(t(lang, 'service.cassette'), cassette.cassetteId)}
      {row(t(lang, 'service.since'), cassette.since === null ? t(lang, 'service.sinceFirst') : formatDateTime(cassette.since, lang))}
      {at === undefined ? null : row(t(lang, 'service.encashment'), formatDateTime(at, lang))}
      {held.map((n) => row(`  ${formatNote(n, lang)}`, `× ${cassette.notes[n]}`))}
      {row(t(lang, 'service.count'), String(cassette.count))}
      {row(t(lang, 'service.total'), formatMoney(cassette.total, lang))}
    </Box>
  );
}

export function CassetteScreen({ view }: { view: View }) {
  const { cassette, cassetteCapacity } = view.kiosk;
  if (!cassette) return null;
  const full = cassette.count >= cassetteCapacity;
  return (
    <Box flexDirection="column">
      <CassetteRows cassette={cassette} lang={view.lang} />
      <Text color={full ? 'red' : undefined}>{t(view.lang, 'service.capacity', { count: cassette.count, capacity: cassetteCapacity })}</Text>
      {full ? <Paragraph color="red" text={t(view.lang, 'service.full')} /> : null}
      <Text color={view.kiosk.paperOut ? 'red' : undefined}>{t(view.lang, view.kiosk.paperOut ? 'paper.serviceOut' : 'paper.serviceOk')}</Text>
      {view.kiosk.jam ? <Text color="red">{t(view.lang, 'jam.service', { held: heldNotesText(view.kiosk.jam, (n) => formatNote(n, view.lang)) })}</Text> : null}
      <Box marginTop={1}>
        <Buttons buttons={view.buttons} focus={view.focus} lang={view.lang} columns={2} />
      </Box>
    </Box>
  );
}

export function EncashmentScreen({ view }: { view: View }) {
  const e = view.kiosk.encashment;
  return (
    <Box flexDirection="column">
      {e ? (
        <Box flexDirection="column" borderStyle="single" paddingX={1}>
          <Text>{view.skin.receiptHeader[view.lang]}</Text>
          <Text bold>{`${t(view.lang, 'service.encashment')} ${e.terminalId}-E${e.number}`}</Text>
          <CassetteRows cassette={e} lang={view.lang} at={e.at} />
        </Box>
      ) : null}
      <Buttons buttons={view.buttons} focus={view.focus} lang={view.lang} />
    </Box>
  );
}
