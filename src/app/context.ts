/**
 * The running world for React. The owner (CLI, tape runner, tests) creates and starts the actor,
 * so it keeps the clock, the store and the actor's lifetime; screens only select from it. The
 * terminal is the world's child, reached through `useTerminalActor`.
 */
import { createContext, createElement, useContext, type ReactNode } from 'react';
import { useSelector } from '@xstate/react';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import type { terminalMachine } from '../../machines/terminal.js';
import type { WorldActor, worldMachine } from '../../machines/world.js';

const WorldActorContext = createContext<WorldActor | null>(null);

export function WorldProvider({ actor, children }: { actor: WorldActor; children?: ReactNode }) {
  return createElement(WorldActorContext.Provider, { value: actor }, children);
}

export function useWorldActor(): WorldActor {
  const actor = useContext(WorldActorContext);
  if (!actor) throw new Error('useWorldActor needs a <WorldProvider> above it');
  return actor;
}

export function useWorldSelector<T>(selector: (snapshot: SnapshotFrom<typeof worldMachine>) => T): T {
  return useSelector(useWorldActor(), selector);
}

export function useTerminalActor(): ActorRefFrom<typeof terminalMachine> {
  return useWorldActor().getSnapshot().context.terminal;
}

export function useTerminalSelector<T>(selector: (snapshot: SnapshotFrom<typeof terminalMachine>) => T): T {
  return useSelector(useTerminalActor(), selector);
}
