/**
 * The running terminal for React. The owner (CLI, tape runner, tests) creates and starts the actor,
 * so it keeps the clock, the store and the actor's lifetime; screens only select from it.
 */
import { createContext, createElement, useContext, type ReactNode } from 'react';
import { useSelector } from '@xstate/react';
import type { SnapshotFrom } from 'xstate';
import type { TerminalActor, terminalMachine } from '../../machines/terminal.js';

const TerminalActorContext = createContext<TerminalActor | null>(null);

export function TerminalProvider({ actor, children }: { actor: TerminalActor; children?: ReactNode }) {
  return createElement(TerminalActorContext.Provider, { value: actor }, children);
}

export function useTerminalActor(): TerminalActor {
  const actor = useContext(TerminalActorContext);
  if (!actor) throw new Error('useTerminalActor needs a <TerminalProvider> above it');
  return actor;
}

export function useTerminalSelector<T>(selector: (snapshot: SnapshotFrom<typeof terminalMachine>) => T): T {
  return useSelector(useTerminalActor(), selector);
}
