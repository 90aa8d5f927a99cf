/**
 * What a tape step reads and changes of the running tape. The engine implements it; steps and
 * snapshots depend on this interface only, so they never import the engine that imports them.
 */
import type { KioskStore, Receipt } from '../../domain/store.js';
import type { Tape } from '../language/ast.js';
import type { KioskDriver } from '../drivers/driver.js';
import type { TapeSettings } from './runSetup.js';

export interface StepContext {
  readonly harness: KioskDriver;
  readonly store: KioskStore;
  /** every receipt printed during the tape, oldest first */
  readonly receipts: readonly Receipt[];
  readonly settings: TapeSettings;
  /** the line of the Ctrl+C that made the kiosk quit */
  quitAt: number | null;
  restart(): Promise<void>;
  /** for golden frames: the tape's file, the folder beside it, and whether to rewrite them */
  readonly tape: Pick<Tape, 'file'>;
  readonly baseDir: string;
  readonly options: { readonly update?: boolean };
  readonly snapshotsWritten: string[];
}
