/** The exercise catalog, grouped by place: each exercise's key, title, difficulty, rules and goal; a page at a time. */
import React from 'react';
import { Box, Text } from 'ink';
import type { CatalogView } from '../../src/app/trainingView.js';
import { keyNamed, KeyHintLine, TapKey } from '../common/keyHints.js';

export function Catalog({ view }: { view: CatalogView }) {
  return (
    <Box flexDirection="column" width={80}>
      <Text bold>{view.title}</Text>
      {/* an exercise's line is tappable: a tap chooses it, as its key does */}
      {view.lines.map((line, i) => (
        <TapKey key={i} name={line.kind === 'exercise' ? keyNamed(line.key) : null}>
          <Text wrap="truncate-end" underline={line.kind === 'place'} dimColor={line.kind === 'goal'}>
            {line.text}
          </Text>
        </TapKey>
      ))}
      {view.pager ? <KeyHintLine text={view.pager} dimColor /> : null}
    </Box>
  );
}
