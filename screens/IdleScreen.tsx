/** Idle: the terminal's attract screen. */
import React from 'react';
import { Box, Text } from 'ink';
import type { View } from '../src/app/view.js';
import { t } from '../src/i18n/index.js';

export function IdleScreen({ view }: { view: View }) {
  return (
    <Box flexDirection="column" alignItems="center" marginTop={2}>
      <Text bold color="yellow">{t(view.lang, 'idle.title')}</Text>
      <Text> </Text>
      <Text inverse>{`  ${t(view.lang, 'idle.press')}  `}</Text>
      <Text> </Text>
      <Text dimColor>{t(view.lang, 'idle.demo')}</Text>
    </Box>
  );
}
