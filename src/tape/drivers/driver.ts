/**
 * What the tape engine drives: the kiosk in-process (KioskHarness) or the built program in a
 * pseudo-terminal (PtyDriver). Every method returns once the kiosk has settled.
 */
import type { Button } from '../../../machines/buttons.js';
import type { View } from '../../app/view.js';
import type { CastEvent } from './virtualTerminal.js';
import type { CellStyle } from './cellStyle.js';
import type { DeskView } from '../../../machines/desk/deskView.js';
import type { DeskEvent, DeskRole } from '../../../machines/desk.js';
import type { InjectedFault } from '../../../machines/terminal/terminalContext.js';

/** The part of the app's view a tape needs; button labels are i18n keys, as in the machines, `text` the skin's words. */
export type DriverView = Pick<View, 'statePath' | 'screen' | 'mode' | 'lang' | 'focus'> & {
  buttons: Array<Pick<Button, 'label' | 'text' | 'hotkey' | 'enabled'>>;
};

export interface KioskDriver {
  readonly running: boolean;
  /** the app quit by itself (Ctrl+C) */
  readonly quit: boolean;
  /** set when the app crashed */
  readonly actorError: unknown;
  /** terminal output and step markers, timed for asciicast */
  readonly cast: CastEvent[];
  /** starts the kiosk; after `crash`, starts it again on the same data */
  launch(): Promise<void>;
  /** bytes as a terminal sends them, as one chunk */
  keys(bytes: string): Promise<void>;
  /** moves the simulated clock timer by timer; `until` can stop it early (the result says so) */
  advance(ms: number, until?: () => boolean): Promise<boolean>;
  /** a fault injected into the terminal (`Fault cassette-full`); a driver without it cannot */
  inject?(fault: InjectedFault): Promise<void>;
  /** drops the app with no cleanup */
  crash(): Promise<void>;
  /** draws the newest frame if the driver draws only on demand (in-process); `lines()` needs it first */
  paint?(): Promise<void>;
  /** draws the waiting frame into the output only (no parsing): what `paint()` does before xterm reads it */
  draw?(): void;
  lines(): string[];
  /** the screen as SVG, colours and attributes included (src/pictures/frameSvg.ts); `paint()` first, as for `lines()` */
  svg(): string;
  view(): DriverView;
  /** the screen's size now (a `Resize` changes it) */
  size?(): { columns: number; rows: number };
  /** one cell's attributes, 0-based row and column; `paint()` first, as for `lines()` */
  cellStyle?(row: number, column: number): CellStyle;
  /** the window resized to `columns`×`rows`: the kiosk lays out again; the cast records an "r" event */
  resize?(columns: number, rows: number): Promise<void>;
  /** the desk that has the keys (the cashier, the Post), or null when another place has them */
  deskView?(): DeskView | null;
  /** the site's page while the site has the keys, or null (its buttons, for `Tap "label"`); in-process only */
  siteView?(): Pick<DriverView, 'lang' | 'buttons'> | null;
  /** sends an event to the desk that has the keys (the till's `Customer`, `Give`), then settles; the pty driver sends it over the test channel */
  sendToDesk?(event: DeskEvent): Promise<void>;
  /** the desks play this role from their next customer (`Set Role` as a step); the pty driver sends it over the test channel */
  setRole?(role: DeskRole): Promise<void>;
  /** an asciicast marker at the current time */
  mark(label: string): void;
  dispose(): Promise<void>;
}
