/**
 * Where a tap on a button goes. The buttons under the finger belong to the place drawn in the main
 * area (even while the phone beside it has the keys), and the tap sends that place `nav.press` with
 * the button's id: exactly what the button's hotkey sends (src/app/keymap.ts, siteKeys.ts, deskKeys.ts).
 * A running exercise's world gets it through its own key feed.
 */
import { opened, type WorldActor } from '../../machines/world.js';
import { isSettled } from '../../machines/settled.js';
import { siteViewOf } from '../../machines/site/siteView.js';
import { deskViewOf } from '../../machines/desk/deskView.js';
import { viewOf } from './view.js';
import { worldViewOf } from './worldView.js';
import { buttonText } from '../i18n/index.js';
import type { Lang } from '../domain/money.js';
import { TapeRecorder } from '../cli/tapeRecorder.js';

export type TapRoute =
  /** the place is busy: the tap waits, in order with the keys */
  | 'wait'
  | { kind: 'send'; send: () => void }
  | { kind: 'sandbox'; world: WorldActor }
  /** nothing to press: the screen it lands on has no such button */
  | null;

export function routeTap(world: WorldActor, id: string): TapRoute {
  const snapshot = world.getSnapshot();
  const { shown } = worldViewOf(snapshot);
  const press = { type: 'nav.press', id } as const;
  const has = (buttons: readonly { id: string }[]) => buttons.some((b) => b.id === id);
  if (shown === 'terminal') {
    const terminal = snapshot.context.terminal;
    const view = viewOf(terminal.getSnapshot());
    if (!view.takesKeys) return 'wait';
    return has(view.buttons) ? { kind: 'send', send: () => terminal.send(press) } : null;
  }
  if (shown === 'site') {
    const site = opened(snapshot.context).site;
    if (!isSettled(site.getSnapshot())) return 'wait';
    return has(siteViewOf(site.getSnapshot()).buttons) ? { kind: 'send', send: () => site.send(press) } : null;
  }
  if (shown === 'cashier' || shown === 'post') {
    const desk = opened(snapshot.context)[shown];
    if (!isSettled(desk.getSnapshot())) return 'wait';
    return has(deskViewOf(desk.getSnapshot()).buttons) ? { kind: 'send', send: () => desk.send(press) } : null;
  }
  const training = opened(snapshot.context).training.getSnapshot();
  const sandbox = training.matches({ running: 'acting' }) ? training.context.sandbox?.world : undefined;
  return sandbox ? { kind: 'sandbox', world: sandbox } : null;
}

/**
 * A tap on no button. On a screen that says "press any key" (the terminal's idle screen and the
 * note after a recovery) a tap anywhere is that key, as on a real kiosk's touch screen; elsewhere
 * it does nothing. A running exercise's world gets it through its own key feed.
 */
export function routeTapAnywhere(world: WorldActor): TapRoute {
  const snapshot = world.getSnapshot();
  const { shown } = worldViewOf(snapshot);
  if (shown === 'terminal') {
    const terminal = snapshot.context.terminal;
    const view = viewOf(terminal.getSnapshot());
    if (!view.takesKeys) return 'wait';
    const event = ANY_KEY_EVENT[view.mode as keyof typeof ANY_KEY_EVENT];
    return event ? { kind: 'send', send: () => terminal.send(event) } : null;
  }
  if (shown !== 'training') return null;
  const training = opened(snapshot.context).training.getSnapshot();
  const sandbox = training.matches({ running: 'acting' }) ? training.context.sandbox?.world : undefined;
  return sandbox ? { kind: 'sandbox', world: sandbox } : null;
}

/** The terminal's "press any key" modes and what any key sends there (src/app/keymap.ts). */
const ANY_KEY_EVENT = {
  wake: { type: 'kiosk.wake' },
  acknowledge: { type: 'recovered.ok' },
} as const;

/** The buttons of the place drawn in the main area, with its language; null for a place without (the Training place). */
function shownButtons(world: WorldActor): { lang: Lang; buttons: ReadonlyArray<{ id: string; label: string; text?: Record<Lang, string> }> } | null {
  const snapshot = world.getSnapshot();
  const { shown } = worldViewOf(snapshot);
  return shown === 'site' ? siteViewOf(opened(snapshot.context).site.getSnapshot())
    : shown === 'cashier' || shown === 'post' ? deskViewOf(opened(snapshot.context)[shown].getSnapshot())
      : shown === 'terminal' ? viewOf(snapshot.context.terminal.getSnapshot())
        : null;
}

/** The label of the button `id` on the place drawn in the main area, in its language (a recorded `Tap "…"`); null if none. */
export function tapLabel(world: WorldActor, id: string): string | null {
  const view = shownButtons(world);
  const button = view?.buttons.find((b) => b.id === id);
  return view && button ? buttonText(view.lang, button) : null;
}

/** The id of the button labelled `label` there (a recorded `Tap "…"` replayed, case aside); null if none. */
export function tapIdOf(world: WorldActor, label: string): string | null {
  const view = shownButtons(world);
  const wanted = label.trim().toLowerCase();
  return view?.buttons.find((b) => buttonText(view.lang, b).toLowerCase() === wanted)?.id ?? null;
}

/** The tape lines of a tap after a pause (a Training attempt's tape): `Advance …` if it was long, then `Tap "label"`; none if no such button. */
export function tapLines(world: WorldActor, id: string, pausedMs: number): string[] {
  const label = tapLabel(world, id);
  if (label === null) return [];
  const recorder = new TapeRecorder();
  recorder.pause(pausedMs);
  recorder.tap(label);
  return recorder.finish();
}
