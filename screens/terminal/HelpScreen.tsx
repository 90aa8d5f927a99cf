/** Help over the current screen (R-TERM-4): what it is for, what to do, and ask the salon's employee. */
import React from 'react';
import { Box } from 'ink';
import { Buttons } from '../common/Buttons.js';
import { Paragraph } from '../common/Paragraph.js';
import type { View } from '../../src/app/view.js';
import { helpScreenOf, helpText } from '../../src/domain/skins/index.js';
import { t } from '../../src/i18n/index.js';

export function HelpScreen({ view }: { view: View }) {
  // out of service for want of the registry (no jam): its own text
  const registryDown = view.screen === 'outOfService' && !view.kiosk.jam && view.kiosk.registryDown !== null;
  const paragraphs = registryDown
    ? [t(view.lang, 'helpText.registryDown'), t(view.lang, 'helpText.ask')]
    : helpText(view.skin, helpScreenOf(view.screen), view.lang, view.rules.orderNumberLength);
  return (
    <Box flexDirection="column">
      {paragraphs.map((text, i) => (
        <Box key={i} marginBottom={1}>
          <Paragraph text={text} />
        </Box>
      ))}
      <Buttons buttons={view.buttons} focus={view.focus} lang={view.lang} columns={1} />
    </Box>
  );
}
