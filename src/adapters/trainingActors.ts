/**
 * The Training place bound to the real store and a clock (issue 15): each attempt's sandbox world
 * (a fresh MemoryStore seeded from the exercise's setup, on its own program clock starting at the
 * exercise's time) and the durable save of the attempt's record to the real store.
 */
import { fromCallback, fromPromise, type SimulatedClock } from 'xstate';
import { trainingMachine, type TrainingEvent } from '../../machines/training.js';
import type { FindMistakeInput, SandboxHandle, SandboxInput, SaveAttemptInput } from '../../machines/training/sandbox.js';
import { TRAINING_TERMINAL_ID, type MistakeMoment } from '../domain/training/moment.js';
import type { AttemptRecord } from '../domain/training/attempt.js';
import type { Exercise } from '../domain/training/exercise.js';
import { replayPrefix } from './replayPrefix.js';
import { opened, type WorldActor, type WorldInput } from '../../machines/world.js';
import { viewOf } from '../app/view.js';
import { deskViewOf } from '../../machines/desk/deskView.js';
import { DEFAULT_RULES, type KioskRules } from '../domain/rules.js';
import type { Lang } from '../domain/money.js';
import type { KioskStore } from '../domain/store.js';
import { asyncStore } from '../domain/asyncStore.js';
import type { WorldProbe } from '../domain/training/engine.js';
import { exerciseScene } from '../training/scene.js';
import { reviewDrill } from '../domain/training/drill.js';
import { statePathMatches } from '../tape/run/assertions.js';
import { storeProbeOf } from '../tape/run/runTrainSteps.js';
import { RealProgramClock } from './programClock.js';

/** Starts a world as src/app/session.ts `startWorld` does (passed in: session.ts builds on these adapters). */
export type SandboxWorldStarter = (options: {
  store: KioskStore;
  rules: KioskRules;
  lang: Lang;
  place: WorldInput['place'];
  role?: WorldInput['role'];
  terminalId?: string;
  clock?: SimulatedClock;
  realClock?: RealProgramClock;
}) => WorldActor;

export type MistakeFinder = (record: AttemptRecord, exercises: readonly Exercise[]) => Promise<MistakeMoment | null>;

export interface TrainingDeps {
  startWorld: SandboxWorldStarter;
  /** the real store: only the attempt's record is written to it */
  store: KioskStore;
  rules?: KioskRules;
  newAttemptId: () => string;
  /**
   * replays an attempt to its first mistake (src/training/mistakeMoment.ts, on the tape engine): given
   * by the program (src/cli/run.tsx), which may load the tape engine; the world's modules may not
   */
  findMistake?: MistakeFinder;
  /** the program clock (not the sandbox's): when the drill's cards are reviewed (issue 18) */
  now: () => number;
  /**
   * The sandbox's clock, starting at the exercise's time: tests give a SimulatedClock; omitted, a
   * real program clock running that far ahead of real time, ticked every second.
   */
  simulatedClock?: (startMs: number) => SimulatedClock;
}

export function provideTraining(deps: TrainingDeps) {
  return trainingMachine.provide({
    actors: {
      sandbox: fromCallback<TrainingEvent, SandboxInput>(({ input, sendBack }) => {
        const opened = openSandbox(deps, input, () => sendBack({ type: 'training.observe' }));
        const { sandbox } = opened;
        let stopped = false;
        let ticker: ReturnType<typeof setInterval> | null = null;
        const ready = (said?: string[]) => {
          if (stopped) return;
          sendBack({ type: 'training.sandboxReady', sandbox: said ? { ...sandbox, said } : sandbox });
          // the status line's clock and the checkpoints' time limits: a real run ticks the sandbox every second
          if (!opened.simulated) ticker = setInterval(() => sandbox.world.send({ type: 'clock.tick' }), 1000);
        };
        if (opened.replayed) void opened.replayed.then(ready, (error: unknown) => sendBack({ type: 'training.sandboxFailed', error: String(error) }));
        else ready();
        return () => {
          stopped = true;
          if (ticker) clearInterval(ticker);
          opened.close();
        };
      }),
      // abandoned attempts count too: quitting is no way round the limit
      countAttempts: fromPromise<number, { trainee: string; exerciseId: string }>(async ({ input }) =>
        (await deps.store.listTrainingAttempts({ trainee: input.trainee })).filter((a) => a.exerciseId === input.exerciseId).length),
      findMistake: fromPromise<MistakeMoment | null, FindMistakeInput>(async ({ input }) => {
        if (!deps.findMistake) throw new Error('this run cannot replay attempts');
        return deps.findMistake(input.record, input.exercises);
      }),
      saveAttempt: fromPromise<void, SaveAttemptInput>(async ({ input }) => {
        // practice from a mistake (Try from here) is never a scored attempt: nothing is kept
        if (input.practice) return;
        const { record } = input;
        // the rules this attempt judged move the trainee's drill, in the same write as the attempt
        await deps.store.recordTrainingAttempt(record, reviewDrill(await deps.store.drillCards(record.trainee), record, deps.now()));
      }),
    },
  });
}

/** One attempt's sandbox, open: its handle, the replay of Try from here's lines (undefined: none), and how to close it. */
export interface OpenSandbox {
  sandbox: SandboxHandle;
  /** the answers said among the replayed lines, once they are in; null: nothing to replay */
  replayed: Promise<string[]> | null;
  /** on a simulated clock (tests): nothing ticks it */
  simulated: boolean;
  close(): void;
}

/**
 * The exercise's world on a fresh store seeded from its setup, on its own program clock starting at
 * the exercise's time; `observe` hears every move of its places. Try from here (`input.prefix`): the
 * keys before the mistake go in first; the trainee gets the keys after them.
 */
export function openSandbox(deps: TrainingDeps, input: SandboxInput, observe: () => void): OpenSandbox {
  const { settings, store, rules } = exerciseScene(input.exercise, deps.rules ?? DEFAULT_RULES);
  const simulated = deps.simulatedClock?.(settings.clockMs);
  const realClock = simulated ? null : new RealProgramClock(settings.clockMs - Date.now());
  const now = () => (simulated ? simulated.now() : (realClock as RealProgramClock).now());
  const world = deps.startWorld({
    // the id its screens show (src/app/WorldScreen.tsx) is the one its receipts print, as in the replay
    store: asyncStore(store), rules, lang: input.lang, place: settings.place, terminalId: TRAINING_TERMINAL_ID,
    ...(settings.role ? { role: settings.role } : {}),
    ...(simulated ? { clock: simulated } : { realClock: realClock as RealProgramClock }),
  });
  const places = world.getSnapshot().context;
  const watched: Array<{ subscribe(next: () => void): { unsubscribe(): void } }> = [world, places.terminal, opened(places).site, places.phone, opened(places).cashier, opened(places).post];
  const subscriptions = watched.map((actor) => actor.subscribe(observe));
  let closed = false;
  const sandbox: SandboxHandle = { world, probe: { ...sandboxReached(world), ...storeProbeOf(store, now, rules) }, now, attemptId: deps.newAttemptId() };
  return {
    sandbox,
    replayed: input.prefix ? replayPrefix(world, input.prefix, () => closed, store) : null,
    simulated: simulated !== undefined,
    close() {
      closed = true;
      for (const s of subscriptions) s.unsubscribe();
      world.stop();
      store.close();
    },
  };
}

/** `reached`: the terminal's state path, or the desk's when a desk has the keys (as the tapes' probe). */
function sandboxReached(world: WorldActor): Pick<WorldProbe, 'reached'> {
  return {
    reached(path) {
      const snapshot = world.getSnapshot();
      if (snapshot.status !== 'active') return false;
      const place = snapshot.value;
      const paths = [viewOf(snapshot.context.terminal.getSnapshot()).statePath];
      if (place === 'cashier' || place === 'post') paths.push(deskViewOf(opened(snapshot.context)[place].getSnapshot()).statePath);
      return paths.some((actual) => statePathMatches(actual, path));
    },
  };
}
