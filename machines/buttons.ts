/**
 * On-screen buttons as data. A machine lists the buttons of its current screen; the screens draw
 * them, and arrow keys, Enter and hotkeys select them through `nav.*` events, so the focus logic
 * lives here and not in the view.
 */
export interface Button<E extends { type: string } = { type: string }> {
  /** stable id, used by `nav.press` (tapes press buttons by label, which maps to this) */
  id: string;
  /** i18n key of the label */
  label: string;
  /** the label as the terminal's brand words it (R-TERM-4), in each language; shown instead of `label` */
  text?: Record<'ru' | 'en', string>;
  /** a key that activates it directly, shown on the button */
  hotkey?: string;
  /** the event the button raises inside its machine */
  event: E;
  enabled: boolean;
  /** i18n key of why it is disabled, said when it is pressed anyway */
  whyDisabled?: string;
}

export interface Grid {
  /** buttons per row: the main menu is a 2-column grid, lists are 1 column */
  columns: number;
}

export type Direction = 'up' | 'down' | 'left' | 'right';

export type NavEvent =
  | { type: 'nav.move'; dir: Direction }
  | { type: 'nav.activate' }
  | { type: 'nav.press'; id: string };

/** Moves focus on a grid of `count` buttons; wraps around, never leaves the grid. */
export function moveFocus(focus: number, count: number, columns: number, dir: Direction): number {
  if (count === 0) return 0;
  const step = dir === 'left' ? -1 : dir === 'right' ? 1 : dir === 'up' ? -columns : columns;
  const next = focus + step;
  if (next < 0) return dir === 'up' ? Math.max(0, count - 1 - ((count - 1 - focus) % columns)) : count - 1;
  if (next >= count) return dir === 'down' ? focus % columns : 0;
  return next;
}

/**
 * The button a nav event selects on these buttons, or null when it selects none. The caller raises
 * its event when it is enabled, and says why not when it is disabled (a disabled press is not silent).
 */
export function resolveNav<E extends { type: string }>(buttons: readonly Button<E>[], focus: number, event: NavEvent): Button<E> | null {
  return (event.type === 'nav.press' ? buttons.find((b) => b.id === event.id) : buttons[focus]) ?? null;
}
