/** Order-number and phone entry: a masked field over an on-screen keypad. */
import React from 'react';
import { Box, Text } from 'ink';
import { Buttons } from '../common/Buttons.js';
import { Paragraph } from '../common/Paragraph.js';
import type { View } from '../../src/app/view.js';
import { maskPhone } from '../../src/domain/mobile/phone.js';
import { t } from '../../src/i18n/index.js';
import { operatorName } from '../../src/i18n/format.js';
import { useTapTarget } from '../common/tapTargets.js';

const KEYPAD = ['[1] [2] [3]', '[4] [5] [6]', '[7] [8] [9]', '    [0]    '];

/** One key of the on-screen keypad: a tap on it types its digit, as a touch keypad does. */
function KeypadKey({ label }: { label: string }) {
  const box = useTapTarget({ kind: 'key', key: label.slice(1, -1) });
  return (
    <Box ref={box}>
      <Text dimColor>{label}</Text>
    </Box>
  );
}

function KeypadRow({ row }: { row: string }) {
  return (
    <Box flexDirection="row">
      {row.split(/(\[\d\])/).map((part, i) =>
        /^\[\d\]$/.test(part) ? <KeypadKey key={i} label={part} /> : part ? <Text key={i} dimColor>{part}</Text> : null,
      )}
    </Box>
  );
}

export function EntryScreen({ view }: { view: View }) {
  const { kiosk, lang } = view;
  const isPhone = view.screen === 'phoneEntry' || view.screen === 'topupPhone';
  const phonePrompt = view.screen === 'topupPhone' ? 'topup.prompt' : 'phone.prompt';
  const field = isPhone ? maskPhone(kiosk.phoneDigits) : kiosk.orderDigits.padEnd(view.rules.orderNumberLength, '_').split('').join(' ');
  const labels: Record<string, string> = isPhone ? { operator: `${t(lang, 'button.operator')}: ${operatorName(kiosk.operator, lang)}` } : {};
  return (
    <Box flexDirection="column">
      <Text>{isPhone ? t(lang, phonePrompt) : t(lang, 'order.prompt', { length: view.rules.orderNumberLength })}</Text>
      <Box borderStyle="single" paddingX={1} alignSelf="flex-start">
        <Text bold>{field}</Text>
      </Box>
      {isPhone ? (
        <Text>{`${t(lang, 'phone.operator')}: ${kiosk.operator ? operatorName(kiosk.operator, lang) : t(lang, 'phone.operatorUnknown')}`}</Text>
      ) : null}
      {isPhone && kiosk.paperOut ? <Paragraph color="red" text={t(lang, 'paper.outPhone')} /> : null}
      <Box flexDirection="row" marginTop={isPhone ? 0 : 1}>
        <Box flexDirection="column" marginRight={2}>
          {KEYPAD.map((row) => (
            <KeypadRow key={row} row={row} />
          ))}
        </Box>
        <Buttons buttons={view.buttons} focus={view.focus} lang={lang} labels={labels} />
      </Box>
    </Box>
  );
}
