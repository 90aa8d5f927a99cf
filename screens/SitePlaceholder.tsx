/** The site's slot until its machine lands (machines/site.ts, screens/site/*): one screen saying so. */
import React from 'react';
import { Box, Text } from 'ink';
import type { Lang } from '../src/domain/money.js';
import { t } from '../src/i18n/index.js';
import { Paragraph } from './Paragraph.js';

export function SitePlaceholder({ lang, width, height }: { lang: Lang; width: number; height: number }) {
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="round" borderColor="red" paddingX={1}>
      <Text bold color="red">{t(lang, 'site.title')}</Text>
      <Box marginTop={1}>
        <Paragraph text={t(lang, 'site.notBuilt')} />
      </Box>
    </Box>
  );
}
