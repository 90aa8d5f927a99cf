/** Why this code cannot be paid here, and the ways back (R-CODE-2, R-TERM-3). */
import React from 'react';
import { Box } from 'ink';
import { Paragraph } from './Paragraph.js';
import { Buttons } from './Buttons.js';
import type { View } from '../src/app/view.js';
import { t } from '../src/i18n/index.js';
import { formatMoney } from '../src/i18n/format.js';
import { DEFAULT_RULES } from '../src/domain/rules.js';

export function RefusedScreen({ view, cap = DEFAULT_RULES.terminalCap }: { view: View; cap?: string }) {
  const refusal = view.kiosk.refusal;
  const reason = refusal?.reason ?? 'unknown';
  const text = t(view.lang, `refused.${reason}`, {
    code: refusal?.code ?? '',
    due: refusal?.due ? formatMoney(refusal.due, view.lang) : '',
    cap: formatMoney(cap, view.lang),
  });
  return (
    <Box flexDirection="column">
      <Paragraph color="red" text={text} />
      <Box marginTop={1}>
        <Buttons buttons={view.buttons} focus={view.focus} lang={view.lang} columns={2} />
      </Box>
    </Box>
  );
}
