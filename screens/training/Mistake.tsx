/** The debrief's first mistake (issue 18): the rule, the key pressed, the right action, and the kiosk's screen before or after the key. */
import React from 'react';
import { Box, Text } from 'ink';
import type { MistakeView } from '../../src/app/trainingPlaceView.js';

/** The rows the lines around the screen take: title, key, right action, label, keys. */
const FIXED_ROWS = 5;

export function Mistake({ view, width, height }: { view: MistakeView; width: number; height: number }) {
  const screenRows = Math.max(0, height - FIXED_ROWS - (view.error ? 1 : 0));
  return (
    <Box flexDirection="column" width={width} height={height}>
      {view.title ? <Text bold color="red" wrap="truncate-end">{view.title}</Text> : null}
      {view.key ? <Text bold wrap="truncate-end">{view.key}</Text> : null}
      {view.right ? <Text wrap="truncate-end">{view.right}</Text> : null}
      {view.label ? <Text dimColor wrap="truncate-end">{view.label}</Text> : null}
      {view.screen.slice(0, screenRows).map((row, i) => (
        <Text key={i} wrap="truncate-end">{row === '' ? ' ' : row}</Text>
      ))}
      {view.error ? <Text color="red" wrap="truncate-end">{view.error}</Text> : null}
      <Box flexGrow={1} />
      <Text dimColor wrap="truncate-end">{view.keys}</Text>
    </Box>
  );
}
