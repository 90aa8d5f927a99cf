/**
 * Where the buttons are on screen, for touch: each drawn button registers its Ink element here, and
 * a tap asks which one covers the cell. The rectangles are read from Ink's own layout (yoga) when a
 * tap comes, never computed from the screens' sizes by hand, so any layout (grids, the site's order
 * list, a training sandbox inside its frame) answers correctly.
 */
import { createContext, useContext, useLayoutEffect, useRef, type RefObject } from 'react';
import type { DOMElement } from 'ink';

/** A cell rectangle, 1-based like the terminal's mouse reports; `right`/`bottom` inclusive. */
export interface CellRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * What a tap on a target does: a button is pressed (`nav.press` with its id, as its hotkey does); a key
 * drawn on screen (the entry screens' keypad, a place's `F1` on the place bar) is typed, as if the key
 * were pressed (a function key by its name, `F1`…`F12`); several keys in a row are names joined by
 * spaces (`Down Down Enter`: a message of the phone's inbox, reached and opened as its keys would).
 */
export type TapAction = { kind: 'button'; id: string } | { kind: 'key'; key: string };

export interface TapTarget {
  action: TapAction;
  rect: CellRect;
}

/** The element's rectangle on screen: its layout offset summed up to Ink's root, which sits at row 1, column 1. */
export function rectOf(element: DOMElement): CellRect | null {
  const node = element.yogaNode;
  if (!node) return null;
  let top = 0;
  let left = 0;
  for (let at: DOMElement | undefined = element; at?.yogaNode; at = at.parentNode) {
    top += at.yogaNode.getComputedTop();
    left += at.yogaNode.getComputedLeft();
  }
  const width = node.getComputedWidth();
  const height = node.getComputedHeight();
  // not laid out yet (or drawn as nothing): no cell belongs to it
  if (!(width > 0 && height > 0) || !Number.isFinite(top + left)) return null;
  return { top: top + 1, left: left + 1, bottom: top + height, right: left + width };
}

/** The target under a cell; the one registered last wins where two overlap (a dialog over a screen). */
export function hitTest(targets: readonly TapTarget[], row: number, column: number): TapTarget | null {
  for (let i = targets.length - 1; i >= 0; i--) {
    const { rect } = targets[i]!;
    if (row >= rect.top && row <= rect.bottom && column >= rect.left && column <= rect.right) return targets[i]!;
  }
  return null;
}

/** The buttons drawn now, by element; the app provides one, tests may read it. */
export class TapTargets {
  private readonly elements = new Map<DOMElement, TapAction>();

  /** Registers a drawn target; the returned function forgets it (it left the screen). */
  add(action: TapAction, element: DOMElement): () => void {
    this.elements.set(element, action);
    return () => void this.elements.delete(element);
  }

  /** Every registered target with its rectangle as Ink last laid it out. */
  targets(): TapTarget[] {
    const out: TapTarget[] = [];
    for (const [element, action] of this.elements) {
      const rect = rectOf(element);
      if (rect) out.push({ action, rect });
    }
    return out;
  }

  /** What a tap on the cell does, or null: nothing is there. */
  at(row: number, column: number): TapAction | null {
    return hitTest(this.targets(), row, column)?.action ?? null;
  }
}

/** null: nothing listens for taps (screen tests, plain renders); buttons then register nowhere. */
export const TapTargetsContext = createContext<TapTargets | null>(null);

/** A ref for the Box a target is drawn in: registered while it is on screen. */
export function useTapTarget(action: TapAction): RefObject<DOMElement | null> {
  const targets = useContext(TapTargetsContext);
  const box = useRef<DOMElement>(null);
  const key = action.kind === 'button' ? `b:${action.id}` : `k:${action.key}`;
  useLayoutEffect(
    () => (targets && box.current ? targets.add(action, box.current) : undefined),
    // the action object is new on every render; what it is, is its key
    [targets, key],
  );
  return box;
}
