/** Why this code cannot be paid here, and the ways back (R-CODE-2, R-TERM-3). */
import React from 'react';
import { Box } from 'ink';
import { Paragraph } from '../common/Paragraph.js';
import { Buttons } from '../common/Buttons.js';
import type { View } from '../../src/app/view.js';
import { t } from '../../src/i18n/index.js';
import { formatHours, formatMoney } from '../../src/i18n/format.js';
import { HOUR_MS } from '../../src/domain/rules.js';

/** The cap and the code's validity are the running terminal's (`view.rules`), not the defaults. */
export function RefusedScreen({ view }: { view: View }) {
  const refusal = view.kiosk.refusal;
  const reason = refusal?.reason ?? 'unknown';
  const text = t(view.lang, `refused.${reason}`, {
    code: refusal?.code ?? '',
    due: refusal?.due ? formatMoney(refusal.due, view.lang) : '',
    cap: formatMoney(view.rules.terminalCap, view.lang),
    hours: formatHours(Math.round(view.rules.codeValidityMs / HOUR_MS), view.lang),
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
