/** Idle: the terminal's attract screen. */
import React from 'react';
import { Box, Text } from 'ink';
import type { View } from '../../src/app/view.js';
import { DEMO_SUMMARY } from '../../src/domain/orders/demo.js';
import { t } from '../../src/i18n/index.js';
import { Buttons } from '../common/Buttons.js';

/** The two hint lines under "Press any key": the demo orders, or how to add an order this kiosk can take. */
export function idleHints(view: View): [string, string] {
  const { lang } = view;
  if (!view.demoFits) {
    const length = view.rules.orderNumberLength;
    return [t(lang, 'idle.noDemo', { length }), t(lang, 'idle.noDemoHelp', { length })];
  }
  const first = DEMO_SUMMARY[0]?.code ?? '';
  const last = DEMO_SUMMARY[DEMO_SUMMARY.length - 1]?.code ?? '';
  return [t(lang, 'idle.demo', { first, last }), t(lang, 'idle.demoHelp')];
}

export function IdleScreen({ view }: { view: View }) {
  const [hint, help] = idleHints(view);
  return (
    <Box flexDirection="column" alignItems="center" marginTop={2}>
      {/* The title is already the frame's title line: not repeated here. */}
      <Text inverse>{`  ${t(view.lang, 'idle.press')}  `}</Text>
      <Text> </Text>
      <Text dimColor>{hint}</Text>
      <Text dimColor>{help}</Text>
      <Text> </Text>
      {/* Help (H) is on every screen, this one too (R-TERM-4); any other key starts */}
      <Buttons buttons={view.buttons} focus={-1} lang={view.lang} />
    </Box>
  );
}
