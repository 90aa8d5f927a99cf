/**
 * Where the buttons are on screen, for touch: each drawn button registers its Ink element here, and
 * a tap asks which one covers the cell. The rectangles are read from Ink's own layout (yoga) when a
 * tap comes, never computed from the screens' sizes by hand, so any layout (grids, the site's order
 * list, a training sandbox inside its frame) answers correctly.
 */
import { createContext } from 'react';
import type { DOMElement } from 'ink';

/** A cell rectangle, 1-based like the terminal's mouse reports; `right`/`bottom` inclusive. */
export interface CellRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface TapTarget {
  /** the button's id: a tap on it sends `nav.press` with this id, as its hotkey does */
  id: string;
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
  private readonly elements = new Map<DOMElement, string>();

  /** Registers a drawn button; the returned function forgets it (the button left the screen). */
  add(id: string, element: DOMElement): () => void {
    this.elements.set(element, id);
    return () => void this.elements.delete(element);
  }

  /** Every registered button with its rectangle as Ink last laid it out. */
  targets(): TapTarget[] {
    const out: TapTarget[] = [];
    for (const [element, id] of this.elements) {
      const rect = rectOf(element);
      if (rect) out.push({ id, rect });
    }
    return out;
  }

  /** The id of the button under the cell, or null: a tap there does nothing. */
  at(row: number, column: number): string | null {
    return hitTest(this.targets(), row, column)?.id ?? null;
  }
}

/** null: nothing listens for taps (screen tests, plain renders); buttons then register nowhere. */
export const TapTargetsContext = createContext<TapTargets | null>(null);
