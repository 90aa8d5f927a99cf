/** The debrief's first mistake (issue 18): the rule, the key pressed, the right action, and the kiosk's screen before or after the key. */
import React from 'react';
import { Box, Text } from 'ink';
import type { MistakeView } from '../../src/app/trainingPlaceView.js';
import { KeyHintLine } from '../common/keyHints.js';

/** The rows the lines around the screen take: title, key, right action, label, keys. */
const FIXED_ROWS = 5;

/**
 * The screen in `space` rows: whole when it fits; else its top, a marker of the rows left out, and
 * its last row (the frame's closing border), so a screen taller than the terminal never pushes the
 * keys line off it nor ends open.
 */
export function croppedScreen(rows: readonly string[], space: number): { top: string[]; hidden: number; last: string | null } {
  if (rows.length <= space) return { top: [...rows], hidden: 0, last: null };
  if (space < 3) return { top: rows.slice(0, Math.max(0, space)), hidden: rows.length - Math.max(0, space), last: null };
  return { top: rows.slice(0, space - 2), hidden: rows.length - (space - 1), last: rows.at(-1) ?? null };
}

export function Mistake({ view, width, height }: { view: MistakeView; width: number; height: number }) {
  const { top, hidden, last } = croppedScreen(view.screen, Math.max(0, height - FIXED_ROWS - (view.error ? 1 : 0)));
  const row = (text: string, i: number) => <Text key={i} wrap="truncate-end">{text === '' ? ' ' : text}</Text>;
  return (
    <Box flexDirection="column" width={width} height={height}>
      {view.title ? <Text bold color="red" wrap="truncate-end">{view.title}</Text> : null}
      {view.key ? <Text bold wrap="truncate-end">{view.key}</Text> : null}
      {view.right ? <Text wrap="truncate-end">{view.right}</Text> : null}
      {view.label ? <Text dimColor wrap="truncate-end">{view.label}</Text> : null}
      {top.map(row)}
      {last !== null ? <Text dimColor wrap="truncate-end">{view.cropped.replace('{count}', String(hidden))}</Text> : null}
      {last !== null ? row(last, top.length + 1) : null}
      {view.error ? <Text color="red" wrap="truncate-end">{view.error}</Text> : null}
      <Box flexGrow={1} />
      <KeyHintLine text={view.keys} dimColor />
    </Box>
  );
}
