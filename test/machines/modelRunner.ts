/**
 * Runs the paths an `xstate/graph` test model generated against real actors: each step's event is
 * sent to a started actor, and after each step the actor's snapshot is checked against the model's
 * and against the caller's per-state expectations. Coverage is recorded through inspection.
 */
import { createActor, type AnyStateMachine, type EventFromLogic, type InputFrom, type SnapshotFrom } from 'xstate';
import type { TestPath } from 'xstate/graph';
import { expect } from 'vitest';
import type { CoverageRecorder } from './coverage.js';

export interface StepCheck<M extends AnyStateMachine> {
  real: SnapshotFrom<M>;
  model: SnapshotFrom<M>;
  /** the real snapshot before this step's event; undefined on the first step */
  before: SnapshotFrom<M> | undefined;
  event: EventFromLogic<M> | { type: 'xstate.init' };
}

export interface RunOptions<M extends AnyStateMachine> {
  machine: M;
  input: InputFrom<M>;
  recorder: CoverageRecorder;
  /** called before each path starts, e.g. to clear spies */
  beforePath?: () => void;
  /** the model's abstraction of a snapshot (its serializeState without the edge): real and model must agree on it */
  key: (snapshot: SnapshotFrom<M>) => string;
  check: (step: StepCheck<M>) => void;
}

type Path<M extends AnyStateMachine> = TestPath<SnapshotFrom<M>, EventFromLogic<M>>;

/**
 * Same state, same tags, same abstraction of the context: the real actor did what the model
 * predicted. (The model keeps one snapshot per abstract state, so fields the abstraction leaves
 * out, like the language, may differ between the model's snapshot and the path's.)
 */
function expectSameState(real: { value: unknown; tags: Set<string> }, model: { value: unknown; tags: Set<string> }, key: (s: never) => string): void {
  expect(real.value).toEqual(model.value);
  expect([...real.tags].sort()).toEqual([...model.tags].sort());
  expect(key(real as never)).toBe(key(model as never));
}

/** Replays every path; returns how many events were sent and how many snapshots were checked (equal when every step ran). */
export async function runPaths<M extends AnyStateMachine>(paths: Path<M>[], options: RunOptions<M>): Promise<{ steps: number; checks: number }> {
  let steps = 0;
  let checks = 0;
  for (const path of paths) {
    let actor: ReturnType<typeof createActor<M>> | null = null;
    let before: SnapshotFrom<M> | undefined;
    let lastEvent: StepCheck<M>['event'] = { type: 'xstate.init' };
    const exec = (step: { event: StepCheck<M>['event'] }) => {
      lastEvent = step.event;
      before = actor?.getSnapshot() as SnapshotFrom<M> | undefined;
      if ((step.event as { type: string }).type === 'xstate.init') {
        options.beforePath?.();
        actor = createActor(options.machine, { input: options.input, inspect: options.recorder.inspect } as never);
        actor.start();
      } else {
        actor?.send(step.event as never);
      }
      steps++;
    };
    const events = Object.fromEntries(path.steps.map((s) => [s.event.type, exec]));
    await path.test({
      events: events as never,
      states: {
        '*': (model: SnapshotFrom<M>) => {
          const real = actor?.getSnapshot() as SnapshotFrom<M>;
          expectSameState(real as never, model as never, options.key as never);
          options.check({ real, model, before, event: lastEvent });
          checks++;
        },
      },
    });
    (actor as { stop(): void } | null)?.stop();
  }
  return { steps, checks };
}

type Trie = Map<string, Trie>;

/**
 * What `getShortestPaths()` answers, from `getShortestPaths({ allowDuplicatePaths: true })`: the paths
 * that are not the start of another path (nor the same as one before them), longest first, in the same
 * order. xstate/graph finds them by comparing every path with every path kept so far (its
 * deduplicatePaths), which was a third of the kiosk model's time; a trie of the paths' events finds the
 * same ones in one pass. Events are compared as xstate/graph compares them, by JSON.
 */
export function maximalPaths<P extends { steps: ReadonlyArray<{ event: unknown }> }>(paths: readonly P[]): P[] {
  const root: Trie = new Map();
  const ends = paths.map((path) => {
    let node = root;
    for (const step of path.steps) {
      const key = JSON.stringify(step.event);
      let next = node.get(key);
      if (!next) node.set(key, (next = new Map()));
      node = next;
    }
    return node;
  });
  const kept = new Set<Trie>();
  // a stable sort, as xstate/graph's
  const longestFirst = paths.map((_, i) => i).sort((a, b) => paths[b]!.steps.length - paths[a]!.steps.length);
  return longestFirst.flatMap((i) => {
    const end = ends[i]!;
    if (end.size > 0 || kept.has(end)) return [];
    kept.add(end);
    return [paths[i]!];
  });
}
