/** The kiosk's frame: brand bar, title, body, the notice line and the help line. */
import React from 'react';
import { Box, Text } from 'ink';
import { Paragraph } from '../common/Paragraph.js';

export interface FrameProps {
  brand: string;
  title: string;
  /** a one-line notice or hint under the body */
  notice?: string | null;
  help: string;
  width: number;
  height: number;
  /** the brand's colours (R-TERM-4); default Euroset's yellow */
  colors?: { frame: string; headerBackground: string; headerText: string };
  children?: React.ReactNode;
}

const EUROSET_COLORS = { frame: 'yellow', headerBackground: 'yellow', headerText: 'black' };

export function Frame({ brand, title, notice, help, width, height, colors = EUROSET_COLORS, children }: FrameProps) {
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="round" borderColor={colors.frame}>
      <Text backgroundColor={colors.headerBackground} color={colors.headerText} bold wrap="truncate">{` ${brand} `.padEnd(width - 2)}</Text>
      <Text bold wrap="truncate">{` ${title}`}</Text>
      <Box flexDirection="column" flexGrow={1} paddingX={1} paddingTop={1}>
        {children}
      </Box>
      {/* The notice and the help line wrap rather than lose their ends: the end says what to do. */}
      <Box paddingLeft={1}>{notice ? <Paragraph text={notice} color="magenta" /> : <Text> </Text>}</Box>
      <Box paddingLeft={1}>
        <Paragraph text={help} unit="items" tapKeys dimColor />
      </Box>
    </Box>
  );
}
