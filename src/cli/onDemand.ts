/**
 * What the interactive kiosk loads only when it is asked for: the debrief's replay of an attempt
 * (`m`) and the exercises parsed from YAML (where the build's catalog is missing). The start script
 * reaches them in the commands script (src/cli.tsx, src/cli/loadCommands.ts); the commands script,
 * which holds them, through these imports (`kiosk train`).
 */
import type { MistakeFinder } from '../adapters/trainingActors.js';
import type { Exercise } from '../domain/training/exercise.js';

export interface OnDemand {
  findMistake: MistakeFinder;
  builtInExercises: () => Promise<Exercise[]>;
}

export const onDemandHere: OnDemand = {
  findMistake: async (record, exercises) => (await import('../training/mistakeMoment.js')).findMistakeMoment(record, exercises),
  builtInExercises: async () => (await import('../training/load.js')).builtInExercises(),
};
