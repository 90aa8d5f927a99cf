/**
 * An exercise's scene as a store and settings: its setup lines are tape setup lines, so they go
 * through the tape's own parser and seeding (one vocabulary, one implementation). The Training
 * place's sandbox starts from this; the tape runner puts the same lines in front of a tape.
 */
import type { Exercise } from '../domain/training/exercise.js';
import type { SyncKioskStore } from '../domain/store.js';
import { parseTape } from '../tape/language/parse.js';
import type { KioskRules } from '../domain/rules.js';
import { openTapeStore, settingsOf, tapeRules, type TapeSettings } from '../tape/run/runSetup.js';

export interface ExerciseScene {
  settings: TapeSettings;
  /** a fresh in-memory store holding only the exercise's orders and phones */
  store: SyncKioskStore;
  /** the kiosk's rules in the exercise's brand (`Set Skin`) and operators' options (`Set Mobile`), as a tape runs them */
  rules: KioskRules;
}

export function exerciseScene(exercise: Exercise, rules: KioskRules): ExerciseScene {
  const tape = parseTape(exercise.setup.join('\n'), exercise.file);
  const settings = settingsOf(tape, process.cwd());
  // practice never touches a data directory: the sandbox is always in memory
  settings.dataDir = null;
  return { settings, store: openTapeStore(settings, null), rules: tapeRules(rules, tape, settings) };
}
