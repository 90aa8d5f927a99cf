/**
 * Ink's root node, which Ink does not export: after each React commit Ink lays it out
 * (`onComputeLayout`) and then draws the frame (`onRender`). The in-process tape harness draws only
 * when a step reads the screen (src/tape/drivers/kioskHarness.ts); the program under a tape's `--pty`
 * draws once per turn of the event loop (src/cli/tapeTestHook.ts). Both find the root here.
 */
import type { Instance } from 'ink';

export interface InkRoot {
  onComputeLayout?: () => void;
  onRender?: () => void;
}

/**
 * Ink's `render` keeps its instance in a WeakMap keyed by stdout and does not export it; the one
 * `set` with our stdout hands `seeRoot` the instance's root node before the first commit draws.
 */
export function renderSeeingRoot(stdout: object, seeRoot: (root: InkRoot) => void, draw: () => Instance): Instance {
  const set = WeakMap.prototype.set;
  WeakMap.prototype.set = function (this: WeakMap<object, unknown>, key: object, value: unknown) {
    if (key === stdout) seeRoot((value as { rootNode?: InkRoot }).rootNode ?? {});
    return set.call(this, key, value);
  };
  try {
    return draw();
  } finally {
    WeakMap.prototype.set = set;
  }
}

/**
 * Coalesces Ink's frames: a commit still lays the tree out at once (a tap reads that layout), but the
 * frame is drawn once, at the end of the turn of the event loop (`schedule`, default setImmediate),
 * for all the commits of that turn: a burst of keys makes one frame, as a real terminal shows it.
 * Returns false, changing nothing, when the root is not what this Ink version is known to have.
 */
export function drawOncePerTurn(root: InkRoot, schedule: (draw: () => void) => void = setImmediate): boolean {
  const draw = root.onRender;
  if (!root.onComputeLayout || !draw) return false;
  let waiting = false;
  root.onRender = () => {
    if (waiting) return;
    waiting = true;
    schedule(() => {
      waiting = false;
      draw();
    });
  };
  return true;
}
