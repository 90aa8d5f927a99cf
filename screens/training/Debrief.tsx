/** The debrief after an exercise: score, time, each checkpoint, and for each mistake the rule, its source sentence and the right action. */
import React from 'react';
import { Box, Text } from 'ink';
import type { DebriefView } from '../../src/app/trainingView.js';
import { Paragraph } from '../common/Paragraph.js';

export function Debrief({ view }: { view: DebriefView }) {
  return (
    <Box flexDirection="column" width={80}>
      <Text bold wrap="truncate-end">{view.title}</Text>
      <Text>{view.scoreLine}</Text>
      {view.abandoned ? <Text color="yellow">{view.abandoned}</Text> : null}
      {view.rows.map((row, i) => (
        <Text key={i} wrap="truncate-end" color={row.passed ? 'green' : 'red'}>
          {`${row.passed ? '✓' : '✗'} ${row.points.padStart(5)} ${row.rule.padEnd(9)} ${row.title}`}
        </Text>
      ))}
      <Text bold>{view.mistakes.length > 0 ? view.mistakesTitle : view.none}</Text>
      {view.mistakes.map((m, i) => (
        <Box key={i} flexDirection="column">
          <Text wrap="truncate-end" color="red">{`${m.rule} · ${m.title}`}</Text>
          {view.compact ? (
            <>
              <Text wrap="truncate-end" dimColor>{`  ${m.source}`}</Text>
              <Text wrap="truncate-end">{`  ${m.right}`}</Text>
            </>
          ) : (
            <>
              <Box paddingLeft={2}><Paragraph text={m.source} dimColor /></Box>
              <Box paddingLeft={2}><Paragraph text={m.right} /></Box>
            </>
          )}
        </Box>
      ))}
    </Box>
  );
}
