/**
 * Text that wraps between words only, every line starting at the same column. Ink's own wrapping
 * keeps the breaking space at the start of the next line when the previous one was exactly full,
 * so continuation lines came out indented by one column now and then. Here each word is a flex
 * item with a one-column gap, and the layout wraps whole items. Amounts keep together because
 * formatted money uses no-break spaces, which are not split on.
 */
import React from 'react';
import { Box, Text, type TextProps } from 'ink';
import { HintItem } from './keyHints.js';

export interface ParagraphProps extends Pick<TextProps, 'color' | 'dimColor' | 'bold'> {
  text: string;
  /** `items`: break only between ` · `-separated items (help lines), keeping each item whole */
  unit?: 'words' | 'items';
  /** with `items` (a help line): each item that names a key is tappable as that key (src/app/App.tsx) */
  tapKeys?: boolean;
}

const ITEM_SEPARATOR = ' · ';

function unitsOf(text: string, unit: 'words' | 'items'): string[] {
  if (unit === 'words') return text.split(' ').filter((w) => w !== '');
  const items = text.split(ITEM_SEPARATOR);
  return items.map((item, i) => (i < items.length - 1 ? `${item} ·` : item));
}

export function Paragraph({ text, unit = 'words', tapKeys = false, ...style }: ParagraphProps) {
  return (
    <Box flexDirection="row" flexWrap="wrap" columnGap={1}>
      {unitsOf(text, unit).map((u, i) =>
        tapKeys && unit === 'items' ? (
          <HintItem key={i} text={u} style={style} />
        ) : (
          <Text key={i} {...style}>{u}</Text>
        ),
      )}
    </Box>
  );
}
