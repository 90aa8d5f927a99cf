/**
 * What a tape step reads and changes of the running tape. The engine implements it; steps depend
 * on this interface only, so they never import the engine that imports them, and every change a
 * step makes goes through a method here (never by writing the engine's fields).
 */
import type { KioskRules } from '../../domain/rules.js';
import type { SyncKioskStore, Receipt } from '../../domain/store.js';
import type { KioskDriver } from '../drivers/driver.js';
import type { TapeSettings } from './runSetup.js';
import type { SnapshotUpdate } from './snapshot.js';
import type { TrainingAttempt, WorldProbe } from '../../domain/training/engine.js';

export interface StepContext {
  readonly harness: KioskDriver;
  readonly store: SyncKioskStore;
  /** every receipt printed during the tape, oldest first */
  readonly receipts: readonly Receipt[];
  readonly settings: TapeSettings;
  /** the kiosk's rules (code validity for expiry) */
  readonly rules: KioskRules;
  /** the tape's simulated clock, epoch ms */
  now(): number;
  /** the line of the Ctrl+C that made the kiosk quit */
  readonly quitAt: number | null;
  /** Records that the Ctrl+C at `line` made the kiosk quit. */
  recordQuit(line: number): void;
  restart(): Promise<void>;
  /** Golden frames: whether `Snapshot` writes those that differ or are missing (true), only missing ones ('missing'), or none */
  readonly updateSnapshots: SnapshotUpdate;
  /** Golden frames: whether `Snapshot` also keeps and compares `name.svg` (`--svg`) */
  readonly svgSnapshots: boolean;
  /** where the golden frame `name` lives */
  snapshotPath(name: string): string;
  /** the golden frame's text, or null when there is none */
  readSnapshot(path: string): string | null;
  /** writes a golden frame (and remembers it for the tape's result) */
  writeSnapshot(path: string, text: string): void;
  /** the value `Remember` gave `$name` in this run */
  variable(name: string): string | undefined;
  setVariable(name: string, value: string): void;
  /** the exercise the tape plays (`Train`), or null */
  readonly training: TrainingAttempt | null;
  /** what the exercise's conditions read of the world now */
  trainingProbe(): WorldProbe;
}
