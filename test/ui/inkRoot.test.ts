/**
 * drawOncePerTurn (src/app/inkRoot.ts), what the kiosk does with Ink's frames under a tape's --pty:
 * every commit is laid out at once, the frame is drawn once per turn of the event loop for all of
 * that turn's commits, and a commit after a draw always gets a draw of its own (none is lost).
 */
import { describe, expect, it } from 'vitest';
import { drawOncePerTurn, type InkRoot } from '../../src/app/inkRoot.js';

/** A root as Ink makes it, counting layouts and draws; `turn()` runs what was scheduled, as the loop would. */
function fakeRoot() {
  const counts = { layouts: 0, draws: 0 };
  const root: InkRoot = { onComputeLayout: () => void counts.layouts++, onRender: () => void counts.draws++ };
  let queue: Array<() => void> = [];
  const turn = () => {
    const due = queue;
    queue = [];
    for (const run of due) run();
  };
  /** a React commit as Ink's reconciler ends one: layout, then the frame */
  const commit = () => {
    root.onComputeLayout?.();
    root.onRender?.();
  };
  return { root, counts, commit, turn, schedule: (draw: () => void) => void queue.push(draw), scheduled: () => queue.length };
}

describe('drawOncePerTurn', () => {
  it('draws the commits of one turn once, at the end of it, and lays each out at once', () => {
    const ink = fakeRoot();
    expect(drawOncePerTurn(ink.root, ink.schedule)).toBe(true);
    for (let i = 0; i < 5; i++) ink.commit();
    expect(ink.counts).toEqual({ layouts: 5, draws: 0 });
    expect(ink.scheduled()).toBe(1);
    ink.turn();
    expect(ink.counts).toEqual({ layouts: 5, draws: 1 });
  });

  it('a commit in a later turn is drawn too: no frame is dropped after a draw', () => {
    const ink = fakeRoot();
    drawOncePerTurn(ink.root, ink.schedule);
    ink.commit();
    ink.turn();
    ink.commit();
    ink.commit();
    ink.turn();
    ink.commit();
    ink.turn();
    expect(ink.counts.draws).toBe(3);
    ink.turn();
    expect(ink.counts.draws).toBe(3);
  });

  it('leaves a root it does not know alone (every commit then draws, as before)', () => {
    const draws: string[] = [];
    const root: InkRoot = { onRender: () => void draws.push('drawn') };
    expect(drawOncePerTurn(root, () => expect.fail('nothing may be scheduled'))).toBe(false);
    root.onRender?.();
    expect(draws).toEqual(['drawn']);
  });
});
