/**
 * Steps change the running tape only through StepContext: a fake context, with no engine and no
 * files, sees every change a step makes (a quit, a golden frame written) as a call.
 */
import type { SnapshotUpdate } from '../../src/tape/run/snapshot.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import type { DriverView, KioskDriver } from '../../src/tape/drivers/driver.js';
import { parseTape } from '../../src/tape/language/parse.js';
import type { Step } from '../../src/tape/language/ast.js';
import { settingsOf } from '../../src/tape/run/runSetup.js';
import { runStep } from '../../src/tape/run/runSteps.js';
import type { StepContext } from '../../src/tape/run/stepContext.js';

/** A kiosk that shows fixed rows and quits on Ctrl+C, as the App does. */
function fakeDriver(rows: string[], svg: string): KioskDriver & { sent: string[] } {
  const view: DriverView = { statePath: 'idle', screen: 'idle', mode: 'normal', lang: 'en', focus: 0, buttons: [] } as unknown as DriverView;
  const driver = {
    running: true,
    quit: false,
    actorError: null,
    cast: [],
    sent: [] as string[],
    async launch() {},
    async keys(bytes: string) {
      driver.sent.push(bytes);
      if (bytes === '\x03') driver.quit = true;
    },
    async advance() {
      return false;
    },
    async crash() {},
    lines: () => rows,
    svg: () => svg,
    view: () => view,
    mark() {},
    async dispose() {},
  };
  return driver;
}

function fakeContext(rows: string[], golden: Record<string, string>, update: SnapshotUpdate, svg: string | null = null) {
  const calls: string[] = [];
  const variables = new Map<string, string>();
  const tape = parseTape('Launch');
  const ctx: StepContext = {
    harness: fakeDriver(rows, svg ?? '<svg/>'),
    store: new MemoryStore(),
    receipts: [],
    settings: settingsOf(tape, '/tapes'),
    rules: DEFAULT_RULES,
    now: () => 0,
    quitAt: null,
    recordQuit(line) {
      calls.push(`quit at ${line}`);
    },
    async restart() {},
    updateSnapshots: update,
    svgSnapshots: svg !== null,
    snapshotPath: (name) => `/tapes/t.snapshots/${name}.txt`,
    readSnapshot: (path) => golden[path] ?? null,
    writeSnapshot(path, text) {
      calls.push(`write ${path}: ${JSON.stringify(text)}`);
    },
    variable: (name) => variables.get(name),
    setVariable(name, value) {
      variables.set(name, value);
    },
    training: null,
    trainingProbe: () => {
      throw new Error('no exercise in this fake');
    },
  };
  return { ctx, calls };
}

const stepOf = (line: string): Step => parseTape(`Launch\n${line}`).steps[1] as Step;

describe('runStep talks to the tape through StepContext only', () => {
  it('Snapshot with update writes the frame text through the context', async () => {
    const { ctx, calls } = fakeContext(['Menu\u00a0 ', '[1] Pay'], {}, true);
    await runStep(ctx, stepOf('Snapshot menu'));
    expect(calls).toEqual(['write /tapes/t.snapshots/menu.txt: "Menu\\n[1] Pay\\n"']);
  });

  it('Snapshot with update leaves an equal golden frame alone; --update=missing writes a missing one and fails on a different one', async () => {
    const same = fakeContext(['Menu'], { '/tapes/t.snapshots/menu.txt': 'Menu\n' }, true);
    await runStep(same.ctx, stepOf('Snapshot menu'));
    expect(same.calls).toEqual([]);
    const missing = fakeContext(['Menu'], {}, 'missing');
    await runStep(missing.ctx, stepOf('Snapshot menu'));
    expect(missing.calls).toEqual(['write /tapes/t.snapshots/menu.txt: "Menu\\n"']);
    const changed = fakeContext(['Menu', '[2] Other'], { '/tapes/t.snapshots/menu.txt': 'Menu\n[1] Pay\n' }, 'missing');
    await expect(runStep(changed.ctx, stepOf('Snapshot menu'))).rejects.toThrow('differs from the golden frame');
    expect(changed.calls).toEqual([]);
  });

  it('Snapshot without update reads the golden frame through the context and passes on the same text', async () => {
    const { ctx, calls } = fakeContext(['Menu', '[1] Pay'], { '/tapes/t.snapshots/menu.txt': 'Menu\n[1] Pay\n' }, false);
    await runStep(ctx, stepOf('Snapshot menu'));
    expect(calls).toEqual([]);
  });

  it('Snapshot without a golden frame fails and names the file; a different one fails with the diff', async () => {
    const missing = fakeContext(['Menu'], {}, false);
    await expect(runStep(missing.ctx, stepOf('Snapshot menu'))).rejects.toThrow('no golden frame /tapes/t.snapshots/menu.txt; run with --update to write it');
    const changed = fakeContext(['Menu', '[2] Other'], { '/tapes/t.snapshots/menu.txt': 'Menu\n[1] Pay\n' }, false);
    await expect(runStep(changed.ctx, stepOf('Snapshot menu'))).rejects.toMatchObject({
      message: 'the screen differs from the golden frame /tapes/t.snapshots/menu.txt (--update rewrites it)',
      details: [
        'row 2:', '- [1] Pay', '+ [2] Other',
        'cells: 6 differ (row:col expected → actual; glyphs only, golden frames are plain text):',
        '  2:2 "1" → "2"',
        '  2:5-9 "Pay  " → "Other"',
      ],
    });
    expect(missing.calls).toEqual([]);
  });

  it('Snapshot with --svg writes the SVG beside the text with update, and compares it once the text matches', async () => {
    const written = fakeContext(['Menu'], {}, true, '<svg>red</svg>');
    await runStep(written.ctx, stepOf('Snapshot menu'));
    expect(written.calls).toEqual(['write /tapes/t.snapshots/menu.txt: "Menu\\n"', 'write /tapes/t.snapshots/menu.svg: "<svg>red</svg>"']);
    const golden = { '/tapes/t.snapshots/menu.txt': 'Menu\n', '/tapes/t.snapshots/menu.svg': '<svg>red</svg>' };
    await runStep(fakeContext(['Menu'], golden, false, '<svg>red</svg>').ctx, stepOf('Snapshot menu'));
    await expect(runStep(fakeContext(['Menu'], golden, false, '<svg>blue</svg>').ctx, stepOf('Snapshot menu'))).rejects.toThrow(
      "the screen's text matches but its colours or attributes differ from the golden SVG frame /tapes/t.snapshots/menu.svg",
    );
    await expect(runStep(fakeContext(['Menu'], { '/tapes/t.snapshots/menu.txt': 'Menu\n' }, false, '<svg/>').ctx, stepOf('Snapshot menu'))).rejects.toThrow(
      'no golden SVG frame /tapes/t.snapshots/menu.svg; run with --svg --update to write it',
    );
  });

  it('Snapshot without --svg neither reads nor writes an SVG', async () => {
    const { ctx, calls } = fakeContext(['Menu'], {}, true);
    await runStep(ctx, stepOf('Snapshot menu'));
    expect(calls).toEqual(['write /tapes/t.snapshots/menu.txt: "Menu\\n"']);
  });

  it('a Ctrl+C that makes the kiosk quit is recorded through the context with its line', async () => {
    const { ctx, calls } = fakeContext(['Menu'], {}, false);
    await runStep(ctx, stepOf('Ctrl+C'));
    expect(calls).toEqual(['quit at 2']);
  });
});
