/**
 * Golden upkeep of `kiosk tape run`, in this process: `--update` rewrites only the golden frames that
 * differ and says which, `--update=missing` writes only new ones, writes leave no temporary files,
 * and `--orphans=report|fail|off` finds golden files no tape references.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runTape as runTapeCommand } from '../../src/cli/tapeCommand.js';

const TWO_FRAMES = 'Set Lang en\nLaunch\nSnapshot start\nEnter\nSnapshot menu\n';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const writeErr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    const code = await runTapeCommand(['run', ...argv]);
    return { code, out, err, lines: out.trim().split('\n') };
  } finally {
    write.mockRestore();
    writeErr.mockRestore();
  }
}

/** A tape with two golden frames, both written. */
async function fixture() {
  const dir = mkdtempSync(join(tmpdir(), 'tape-goldens-'));
  const tape = join(dir, 'two.tape');
  writeFileSync(tape, TWO_FRAMES);
  expect((await run(tape, '--update')).code).toBe(0);
  const golden = (name: string) => join(dir, 'two.snapshots', `${name}.txt`);
  return { dir, tape, golden };
}

describe('--update', () => {
  it('rewrites only the golden frame that differs and prints which; the equal one is not touched', async () => {
    const { tape, golden } = await fixture();
    const right = readFileSync(golden('menu'), 'utf8');
    writeFileSync(golden('menu'), right.replace('Other services', 'Other servicez'));
    const startBefore = statSync(golden('start')).mtimeMs;
    const r = await run(tape, '--update');
    expect(r.code).toBe(0);
    expect(r.lines.filter((l) => l.startsWith('    wrote '))).toEqual([`    wrote ${golden('menu')}`]);
    expect(r.lines[0]).toContain('1 golden frame(s) written');
    expect(readFileSync(golden('menu'), 'utf8')).toBe(right);
    expect(statSync(golden('start')).mtimeMs).toBe(startBefore);
    // nothing differs now: nothing is written
    expect((await run(tape, '--update')).out).not.toContain('wrote');
  });

  it('--update=missing writes a missing golden frame only; one that differs still fails and is kept', async () => {
    const { dir, tape, golden } = await fixture();
    const right = readFileSync(golden('menu'), 'utf8');
    const wrong = right.replace('Other services', 'Other servicez');
    writeFileSync(golden('menu'), wrong);
    writeFileSync(tape, `${TWO_FRAMES}Snapshot again\n`);
    const r = await run(tape, '--update=missing');
    expect(r.code).toBe(1);
    expect(r.out).toContain('the screen differs from the golden frame');
    expect(readFileSync(golden('menu'), 'utf8')).toBe(wrong);
    // the run stopped at the differing frame, before `again`; with the golden right it writes `again`
    writeFileSync(golden('menu'), right);
    const again = await run(tape, '--update=missing');
    expect(again.code).toBe(0);
    expect(again.lines.filter((l) => l.startsWith('    wrote '))).toEqual([`    wrote ${golden('again')}`]);
    expect(readdirSync(join(dir, 'two.snapshots')).sort()).toEqual(['again.txt', 'menu.txt', 'start.txt']);
  });

  it('writes leave no temporary file beside the golden frames', async () => {
    const { dir } = await fixture();
    expect(readdirSync(join(dir, 'two.snapshots')).sort()).toEqual(['menu.txt', 'start.txt']);
  });

  it('worker threads writing the same golden frames at once (--jobs 2 --repeat-each 4) leave them whole', async () => {
    const { dir, tape, golden } = await fixture();
    const right = readFileSync(golden('menu'), 'utf8');
    writeFileSync(golden('menu'), 'half a frame');
    // the built bundle: from sources there is no worker script and tapes run one at a time
    const kiosk = join(import.meta.dirname, '..', '..', 'dist', 'kiosk.js');
    const r = spawnSync(process.execPath, [kiosk, 'tape', 'run', tape, '--jobs', '2', '--repeat-each', '4', '--update'], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('4 passed, 0 failed');
    expect(readFileSync(golden('menu'), 'utf8')).toBe(right);
    expect(readdirSync(join(dir, 'two.snapshots')).sort()).toEqual(['menu.txt', 'start.txt']);
  });
});

describe('--orphans', () => {
  async function withOrphans() {
    const f = await fixture();
    writeFileSync(join(f.dir, 'two.snapshots', 'old.txt'), 'a frame no Snapshot names\n');
    mkdirSync(join(f.dir, 'gone.snapshots'));
    writeFileSync(join(f.dir, 'gone.snapshots', 'menu.txt'), 'the golden of a deleted tape\n');
    return { ...f, orphans: [join(f.dir, 'gone.snapshots', 'menu.txt'), join(f.dir, 'two.snapshots', 'old.txt')] };
  }

  it('report (the default) lists golden files no tape references and keeps exit 0', async () => {
    const { tape, orphans } = await withOrphans();
    for (const r of [await run(tape), await run(tape, '--orphans=report')]) {
      expect(r.code).toBe(0);
      expect(r.lines.slice(1, -1)).toEqual(['2 golden file(s) no tape references:', ...orphans.map((p) => `  ${p}`)]);
      expect(r.lines.at(-1)).toBe('1 passed, 0 failed');
    }
  });

  it('fail lists them and exits 1; off does not look', async () => {
    const { tape, orphans } = await withOrphans();
    const failed = await run(tape, '--orphans', 'fail');
    expect(failed.code).toBe(1);
    expect(failed.out).toContain('2 golden file(s) no tape references fail the run (--orphans=fail):');
    expect(failed.out).toContain(orphans[1]);
    expect(failed.lines.at(-1)).toBe('1 passed, 0 failed, 2 orphan goldens');
    const off = await run(tape, '--orphans=off');
    expect(off.code).toBe(0);
    expect(off.out).not.toContain('golden file(s)');
  });

  it('an SVG twin of a referenced frame is not an orphan; a tape with no orphans prints nothing about them', async () => {
    const { dir, tape } = await fixture();
    writeFileSync(join(dir, 'two.snapshots', 'menu.svg'), '<svg/>');
    const r = await run(tape, '--orphans=fail');
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('golden file(s)');
  });
});

describe('bad values', () => {
  it.each([
    [['--orphans=maybe'], '--orphans: expected report, fail or off, got "maybe"'],
    [['--update=maybe'], '--update: expected --update, --update=changed or --update=missing, got "--update=maybe"'],
  ])('%j is a usage error naming the value, exit 2', async (flags, message) => {
    const r = await run('test/tapes', ...flags);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });
});
