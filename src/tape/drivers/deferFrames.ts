/**
 * Ink lays out and draws the whole screen after every React commit, about half of a tape's time.
 * `deferFrames` makes a commit only hand its frame (layout, then draw) to `wait`; the harness draws
 * the latest one when a step reads the screen. False for an Ink that works differently: it then
 * draws every frame, as before.
 */
import type { InkRoot } from '../../app/inkRoot.js';

export function deferFrames(root: InkRoot, wait: (frame: () => void) => void): boolean {
  const layout = root.onComputeLayout;
  const draw = root.onRender;
  if (!layout || !draw) return false; // an Ink that works differently: draw every frame
  const frame = () => {
    layout();
    draw();
  };
  // (Ink's unmount lays out and draws its last frame itself)
  root.onComputeLayout = () => undefined;
  root.onRender = () => wait(frame);
  return true;
}
