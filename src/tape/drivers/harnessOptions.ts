/** How a test or a tape starts the in-process kiosk (`new KioskHarness(options)`), and the world those options start. */
import type { SimulatedClock } from 'xstate';
import type { Lang } from '../../domain/money.js';
import type { KioskRules } from '../../domain/rules.js';
import type { KioskStore, PaymentOutcome } from '../../domain/store.js';
import type { DeskRole } from '../../../machines/desk.js';
import type { Place } from '../../../machines/world.js';
import type { WorldSessionOptions } from '../../app/session.js';
import { DEFAULT_RULES } from '../../domain/rules.js';
import { tapeRandom } from './testChannel.js';

export interface HarnessOptions {
  store: KioskStore;
  clock: SimulatedClock;
  columns?: number;
  rows?: number;
  lang?: Lang;
  terminalId?: string;
  rules?: KioskRules;
  /** cash-session ids; a tape passes one that keeps counting across Crash/Restart */
  newSessionId?: () => string;
  onPayment?: (outcome: PaymentOutcome) => void;
  /** the place that has the keys at Launch (a tape's `Set Place`); default the terminal */
  place?: Place;
  /** who the trainee plays at the desks (a tape's `Set Role`) */
  role?: DeskRole;
  /**
   * 'every' (default): Ink lays out and draws every React commit, as in the real program (casts,
   * latency). 'on-read': only when something reads the screen (`paint()`): the tape runner's speed.
   * 'none': no Ink at all, the keys go straight to the App's key feed: for tapes that never read the
   * screen (the training property test plays a perfect trainee hundreds of times); `lines()` throws.
   */
  frames?: 'every' | 'on-read' | 'none';
  /** Ink draws in true colour (chalk level 3) whatever stdout is, for SVG frames and GIFs; restored at dispose */
  colors?: boolean;
}

/** What the world starts with under `options`, on `store`. */
export function worldOptionsOf(options: HarnessOptions, store: KioskStore, terminalId: string): WorldSessionOptions {
  return {
    ...(options.place ? { place: options.place } : {}),
    ...(options.role ? { role: options.role } : {}),
    store,
    clock: options.clock,
    rules: options.rules ?? DEFAULT_RULES,
    lang: options.lang ?? 'ru',
    terminalId,
    ...(options.newSessionId ? { newSessionId: options.newSessionId } : {}),
    // the codes the program under --pty draws too (a fresh stream at each launch, as a restarted program's)
    random: tapeRandom(),
    ...(options.onPayment ? { onPayment: options.onPayment } : {}),
  };
}
