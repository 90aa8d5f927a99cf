/** The exercise catalog, grouped by place: each exercise's key, title, difficulty, rules and goal; a page at a time. */
import React from 'react';
import { Box, Text } from 'ink';
import type { CatalogView } from '../../src/app/trainingView.js';

export function Catalog({ view }: { view: CatalogView }) {
  return (
    <Box flexDirection="column" width={80}>
      <Text bold>{view.title}</Text>
      {view.lines.map((line, i) => (
        <Text key={i} wrap="truncate-end" underline={line.kind === 'place'} dimColor={line.kind === 'goal'}>
          {line.text}
        </Text>
      ))}
      {view.pager ? <Text dimColor>{view.pager}</Text> : null}
    </Box>
  );
}
