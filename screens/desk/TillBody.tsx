/** The till as the trainee sees it from behind the desk: the title, what is said, the figures to check, the drawer and the notice. Draws the TillView only. */
import React from 'react';
import { Box, Text } from 'ink';
import type { TillView } from '../../machines/desk/tillView.js';
import { Paragraph } from '../common/Paragraph.js';

const TONE = { said: 'yellow', figure: undefined, plain: undefined } as const;

export function TillBody({ view, width, height }: { view: TillView; width: number; height: number }) {
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="round" borderColor={view.color}>
      <Box paddingX={1}><Text bold color={view.color} wrap="truncate">{view.title}</Text></Box>
      <Box flexDirection="column" flexGrow={1} paddingX={1} overflow="hidden">
        {view.lines.map((line, i) => (
          <Box key={i} marginBottom={line.tone === 'said' ? 1 : 0}>
            <Paragraph text={line.text} {...(TONE[line.tone] ? { color: TONE[line.tone] } : {})} {...(line.tone === 'figure' ? { bold: true } : {})} />
          </Box>
        ))}
      </Box>
      {/* the drawer by denomination, as many cells a row as fit */}
      <Box paddingX={1} flexWrap="wrap" columnGap={2}>
        {view.drawer.map((cell) => <Text key={cell} dimColor>{cell}</Text>)}
      </Box>
      <Box paddingLeft={1}>{view.notice ? <Paragraph text={view.notice} color="magenta" /> : <Text> </Text>}</Box>
    </Box>
  );
}
