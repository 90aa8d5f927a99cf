/** Idle: the terminal's attract screen. */
import React from 'react';
import { Box, Text } from 'ink';
import type { View } from '../src/app/view.js';
import { t } from '../src/i18n/index.js';

export function IdleScreen({ view }: { view: View }) {
  return (
    <Box flexDirection="column" alignItems="center" marginTop={2}>
      {/* The title is already the frame's title line: not repeated here. */}
      <Text inverse>{`  ${t(view.lang, 'idle.press')}  `}</Text>
      <Text> </Text>
      <Text dimColor>{t(view.lang, 'idle.demo')}</Text>
      <Text dimColor>{t(view.lang, 'idle.demoHelp')}</Text>
    </Box>
  );
}
