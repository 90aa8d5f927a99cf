/**
 * ExpectState reads the machines' real state paths (src/app/view.ts `statePath`); the names tapes
 * used before stay as aliases (src/tape/run/assertions.ts). Every alias must stand for paths the
 * machines really have, or a tape using it could never pass.
 */
import { describe, expect, it } from 'vitest';
import { cashMachine } from '../../machines/terminal/cash.js';
import { kioskMachine } from '../../machines/terminal/kiosk.js';
import { STATE_PATH_ALIASES, statePathMatches } from '../../src/tape/run/assertions.js';

const realPaths = [
  ...Object.keys(kioskMachine.root.states).map((s) => `kiosk.${s}`),
  // settled and cancelled are final: the session has ended and the kiosk shows what follows
  ...Object.keys(cashMachine.root.states).filter((s) => cashMachine.root.states[s]!.type !== 'final').map((s) => `cash.${s}`),
];

describe('state paths', () => {
  it('every alias stands for real kiosk or cash state paths', () => {
    for (const [alias, paths] of Object.entries(STATE_PATH_ALIASES)) {
      expect(paths.length, alias).toBeGreaterThan(0);
      for (const path of paths) expect(realPaths, `${alias} → ${path}`).toContain(path);
      // an alias is an old name, never a real path itself
      expect(realPaths).not.toContain(alias);
    }
  });

  it('the old names match the states they named before', () => {
    expect(statePathMatches('cash.empty', 'cash.inserting')).toBe(true);
    expect(statePathMatches('cash.escrow', 'cash.inserting')).toBe(true);
    expect(statePathMatches('cash.holding', 'cash.inserting')).toBe(true);
    expect(statePathMatches('cash.moreTime', 'cash.inserting')).toBe(false);
    expect(statePathMatches('cash.holding', 'cash.inserting.holding')).toBe(true);
    expect(statePathMatches('cash.empty', 'cash.inserting.holding')).toBe(false);
    expect(statePathMatches('kiosk.cash', 'cash.processing')).toBe(true);
  });

  it('real paths match as whole dotted segments, and names of Object.prototype are no aliases', () => {
    expect(statePathMatches('kiosk.menu', 'kiosk')).toBe(true);
    expect(statePathMatches('kiosk.menu', 'kiosk.men')).toBe(false);
    expect(statePathMatches('kiosk.menu', 'constructor')).toBe(false);
    expect(statePathMatches('constructor', 'constructor')).toBe(true);
  });
});
