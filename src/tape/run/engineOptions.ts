/** What a caller of the tape engine may set (`TapeEngine.open`), and the driver it may bring instead of the in-process kiosk. */
import type { SimulatedClock } from 'xstate';
import type { KioskRules } from '../../domain/rules.js';
import type { SyncKioskStore, Receipt } from '../../domain/store.js';
import type { KioskDriver } from '../drivers/driver.js';
import type { SnapshotUpdate } from './snapshot.js';
import type { TapeSettings } from './runSetup.js';
import type { Exercise } from '../../domain/training/exercise.js';
import type { AttemptRecord } from '../../domain/training/attempt.js';

export interface EngineOptions {
  /** where a relative `Set DataDir` and the snapshot folder are found; default: the tape's folder */
  baseDir?: string;
  /** golden frames: true writes those missing or differing (`--update`), 'missing' only missing ones */
  update?: SnapshotUpdate;
  /** `Snapshot` also keeps the frame as SVG beside its text (`--svg`); implies `colors` */
  svg?: boolean;
  /** in-process, Ink draws in colour as on a true-colour terminal (for SVG frames and GIFs); --pty always does */
  colors?: boolean;
  rules?: KioskRules;
  /** real time one step may take before the tape fails with a timeout (a hang, never a wait) */
  stepTimeoutMs?: number;
  /** wraps the tape's seeded store (in-process only): tests inject faults through it */
  wrapStore?: (store: SyncKioskStore) => SyncKioskStore;
  /**
   * in-process, Ink draws a frame only when a step reads the screen (and at the end of the tape);
   * true draws every frame, as the program does: for casts, which show each one
   */
  everyFrame?: boolean;
  /** in-process, no Ink at all (keys straight to the App's key feed): for tapes that never read the screen */
  headless?: boolean;
  /** builds the driver instead of the in-process harness (`--pty`); the store is then the program's data dir */
  driver?: DriverFactory;
  /** the exercises a `Train` line may name; default the built-in ones */
  exercises?: () => readonly Exercise[];
  /**
   * a repeat or a retry (`--repeat-each`, `--retries`): a `Set DataDir` tape runs on a fresh temporary
   * folder, removed after it, as its first run saw its DataDir (which that run filled)
   */
  freshDataDir?: boolean;
  /** training: called once with the attempt when it ends (`ExpectScore`, `ExpectMistake`) */
  saveAttempt?: (record: AttemptRecord) => void;
}

/** Makes a driver for the tape's settings on its (already seeded) data directory. */
export type DriverFactory = (setup: {
  settings: TapeSettings;
  dataDir: string;
  onReceipt: (r: Receipt) => void;
  /** the tape's clock: the driver moves it with the program's, so store steps (ExpectOrder, Cancel) see the same time */
  clock: SimulatedClock;
}) => Promise<KioskDriver>;
