/**
 * The Training place (F6): the name prompt, the catalog, a briefing, the customer's question, the
 * debrief; while an exercise runs, two lines over its world (the customer's speech; the side line
 * with the latest mistake and the keys) and the world itself, given as `children`.
 */
import React from 'react';
import { Box, Text } from 'ink';
import type { TrainingPlaceView } from '../../src/app/trainingPlaceView.js';
import { Catalog } from './Catalog.js';
import { Debrief } from './Debrief.js';
import { Mistake } from './Mistake.js';
import { Paragraph } from '../common/Paragraph.js';
import { bracketKeyOf, KeyHintLine, TapKey } from '../common/keyHints.js';

/** The rows the running exercise's lines take above its world. */
export const RUNNING_LINES = 2;

export function TrainingFrame({ view, width, height, children }: { view: TrainingPlaceView; width: number; height: number; children?: React.ReactNode }) {
  if (view.screen === 'running') {
    const { running } = view;
    return (
      <Box flexDirection="column" width={width}>
        <Text bold color="cyan" wrap="truncate-end">{running.speech}</Text>
        <Box width={width} flexDirection="row">
          <Box flexGrow={1}><Text wrap="truncate-end" color={running.mistake ? 'red' : 'green'}>{running.side}</Text></Box>
          <Box flexShrink={0} paddingLeft={1}><KeyHintLine text={running.keys} dimColor /></Box>
        </Box>
        {children}
      </Box>
    );
  }
  // the last row stays free, as under every place: a frame as tall as the terminal scrolls it
  return (
    <Box flexDirection="column" width={width} height={height - 1}>
      {view.screen === 'naming' ? (
        <>
          <Text bold>{view.title}</Text>
          <Text> </Text>
          <Text wrap="truncate-end">{view.prompt}</Text>
          <Text> </Text>
          <KeyHintLine text={view.keys} dimColor />
        </>
      ) : view.screen === 'catalog' ? (
        <>
          <Catalog view={view.catalog} />
          {view.empty ? <Text color="yellow">{view.empty}</Text> : null}
          <Box flexGrow={1} />
          <KeyHintLine text={view.keys} dimColor />
        </>
      ) : view.screen === 'briefing' ? (
        <>
          <Text bold wrap="truncate-end">{view.briefing.title}</Text>
          <Text wrap="truncate-end">{view.briefing.scene}</Text>
          <Paragraph text={view.briefing.goal} />
          <Text wrap="truncate-end">{view.briefing.rules}</Text>
          <Text> </Text>
          <Text dimColor>{view.briefing.customerTitle}</Text>
          <Box paddingLeft={2}><Paragraph text={view.briefing.customer} /></Box>
          {view.briefing.exam ? <Text color="yellow">{view.briefing.exam}</Text> : null}
          {view.briefing.policy ? <Paragraph text={view.briefing.policy} /> : null}
          {view.briefing.refusal ? <Text color="red" bold wrap="truncate-end">{view.briefing.refusal}</Text> : null}
          {view.briefing.seed ? <Text dimColor wrap="truncate-end">{view.briefing.seed}</Text> : null}
          <Box flexGrow={1} />
          <KeyHintLine text={view.briefing.keys} bold />
        </>
      ) : view.screen === 'answering' ? (
        <>
          <Text bold color="cyan" wrap="truncate-end">{view.answering.speech}</Text>
          <Text> </Text>
          <Text bold>{view.answering.title}</Text>
          {view.answering.options.map((option, i) => (
            <TapKey key={i} name={bracketKeyOf(option)} paddingLeft={2}><Paragraph text={option} /></TapKey>
          ))}
          <Box flexGrow={1} />
          <KeyHintLine text={view.answering.keys} dimColor />
        </>
      ) : view.screen === 'saving' ? (
        <Text>{view.text}</Text>
      ) : view.screen === 'mistake' ? (
        <Mistake view={view.mistake} width={width} height={height - 1} />
      ) : (
        <>
          <Debrief view={view.debrief} />
          {view.error ? <Text color="red" wrap="truncate-end">{view.error}</Text> : null}
          <Box flexGrow={1} />
          <KeyHintLine text={view.keys} dimColor />
        </>
      )}
    </Box>
  );
}
