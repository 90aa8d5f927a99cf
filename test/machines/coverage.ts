/**
 * Coverage of a machine by the paths a model test ran on real actors: every state node entered and
 * every transition taken. A transition is one candidate of `state × event` (a guarded list has one
 * per branch), named `state|event|branch`, so a branch that no path takes is reported by name.
 * Taken transitions are read from the actor's `@xstate.microstep` inspection events, which list
 * the transition objects the interpreter actually selected (raised events included).
 */
import type { AnyStateMachine, AnyStateNode, AnyTransitionDefinition, InspectionEvent } from 'xstate';
import { getStateNodes } from 'xstate/graph';

export interface TransitionInfo {
  id: string;
  /** e.g. `menu --menu.other--> services`, or `[guard] ...`, for the failure message */
  label: string;
}

/** `state|event|branch`: the same id for the same candidate whichever machine object holds it. */
export function transitionId(t: AnyTransitionDefinition): string {
  const source = t.source as AnyStateNode;
  const candidates = source.transitions.get(t.eventType) ?? [];
  return `${source.path.join('.') || '(root)'}|${t.eventType}|${candidates.indexOf(t)}`;
}

function describe(t: AnyTransitionDefinition): string {
  const source = (t.source as AnyStateNode).path.join('.') || '(root)';
  const g = t.guard as unknown;
  const guardName = typeof g === 'string' ? g : g && typeof g === 'object' && 'type' in g ? String(g.type) : 'guard';
  const guard = g ? `[${guardName}] ` : '';
  const targets = t.target?.map((n: AnyStateNode) => n.path.join('.')).join(',') ?? '(stays)';
  return `${guard}${source} --${t.eventType}--> ${targets}`;
}

/** Every state node (the root excluded: it is always active) and every transition candidate. */
export function machineGraph(machine: AnyStateMachine): { states: string[]; transitions: TransitionInfo[] } {
  const nodes = [machine.root, ...getStateNodes(machine.root)] as AnyStateNode[];
  const transitions = nodes.flatMap((node) =>
    [...node.transitions.values()].flat().map((t) => ({ id: transitionId(t), label: describe(t) })),
  );
  return { states: nodes.slice(1).map((n) => n.path.join('.')), transitions };
}

/** Collects what real actors did; pass `inspect` to `createActor`. */
export class CoverageRecorder {
  readonly states = new Set<string>();
  readonly transitions = new Set<string>();

  inspect = (event: InspectionEvent): void => {
    if (event.type === '@xstate.microstep') {
      for (const t of event._transitions) this.transitions.add(transitionId(t));
    }
    if (event.type === '@xstate.microstep' || event.type === '@xstate.snapshot') {
      const nodes = (event.snapshot as { _nodes?: AnyStateNode[] })._nodes ?? [];
      for (const node of nodes) if (node.path.length > 0) this.states.add(node.path.join('.'));
    }
  };

  /** What the machine has that no run reached, by name. */
  missing(machine: AnyStateMachine): { states: string[]; transitions: string[] } {
    const graph = machineGraph(machine);
    return {
      states: graph.states.filter((s) => !this.states.has(s)),
      transitions: graph.transitions.filter((t) => !this.transitions.has(t.id)).map((t) => `${t.id}  (${t.label})`),
    };
  }

  /** Empty when everything was covered; otherwise a message listing what was not. */
  report(machine: AnyStateMachine): string {
    const { states, transitions } = this.missing(machine);
    if (states.length === 0 && transitions.length === 0) return '';
    return [
      `${states.length} state(s) never entered:`,
      ...states.map((s) => `  ${s}`),
      `${transitions.length} transition(s) never taken:`,
      ...transitions.map((t) => `  ${t}`),
    ].join('\n');
  }
}
