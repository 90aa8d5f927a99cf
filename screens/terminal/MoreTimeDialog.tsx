/**
 * The cash screen's two dialogs. "Need more time?": shown after a quiet spell on the cash screen; no
 * answer pays with what is in, and it counts the seconds down. "Quit?": Ctrl+C with cash in asks
 * whether to pay with it before the program ends (inserted cash is never lost).
 */
import React from 'react';
import { Box, Text } from 'ink';
import { Buttons } from '../common/Buttons.js';
import { Paragraph } from '../common/Paragraph.js';
import type { View } from '../../src/app/view.js';
import { isPositive } from '../../src/domain/money.js';
import { t } from '../../src/i18n/index.js';
import { formatMoney } from '../../src/i18n/format.js';

/** A dialog over the cash screen; each sentence of `text` starts its own line. */
function Dialog({ view, title, text }: { view: View; title: string; text: string | string[] }) {
  return (
    <Box flexDirection="column" borderStyle="double" borderColor="yellow" paddingX={2} paddingY={1} alignSelf="center">
      <Text bold>{title}</Text>
      {(Array.isArray(text) ? text : [text]).map((line) => (
        <Paragraph key={line} text={line} />
      ))}
      <Box marginTop={1}>
        <Buttons buttons={view.buttons} focus={view.focus} lang={view.lang} columns={2} />
      </Box>
    </Box>
  );
}

export function MoreTimeDialog({ view }: { view: View }) {
  const { lang, cash } = view;
  const inserted = cash?.inserted ?? '0.00';
  const seconds = view.countdown ?? 0;
  const warning = isPositive(inserted)
    ? t(lang, 'moreTime.withCash', { inserted: formatMoney(inserted, lang), seconds })
    : t(lang, 'moreTime.noCash', { seconds });
  return <Dialog view={view} title={t(lang, 'moreTime.title')} text={warning} />;
}

export function QuitDialog({ view }: { view: View }) {
  const { lang } = view;
  const inserted = formatMoney(view.cash?.inserted ?? '0.00', lang);
  const text = [t(lang, 'quit.withCash', { inserted }), t(lang, 'quit.autoPay', { seconds: view.countdown ?? 0 })];
  return <Dialog view={view} title={t(lang, 'quit.title')} text={text} />;
}
