/**
 * In-process, the runner draws a frame only when a step reads the screen; under `--pty` the real
 * program draws every frame. A tape that passes one way must pass the other: here the first tape of
 * each place's folder of the corpus runs both ways (the built bundle; npm test builds it first).
 * `Fault` injects into the in-process kiosk only (--pty refuses it, exit 2), so tapes with it are not sampled.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTapes } from '../../src/tape/files.js';
import { formatFailure, runTape } from '../../src/tape/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CORPUS = join(ROOT, 'test', 'tapes');
const PLACES = readdirSync(CORPUS, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

describe('a corpus tape passes in-process and under --pty alike (one per place)', () => {
  it('the corpus has the places this sample covers', () => {
    expect(PLACES).toEqual(expect.arrayContaining(['cashier', 'phone', 'post', 'site', 'terminal']));
  });

  for (const place of PLACES) {
    const tape = findTapes(join(CORPUS, place)).find((file) => !/^\s*Fault\s/m.test(readFileSync(file, 'utf8'))) as string;
    it(`${place}: ${tape.slice(CORPUS.length + 1)}`, async () => {
      const inProcess = await runTape(tape);
      if (inProcess.failure) expect.fail(formatFailure(inProcess.failure));
      const env = { ...process.env, FORCE_COLOR: undefined };
      const pty = spawnSync(process.execPath, [join(ROOT, 'dist', 'kiosk.js'), 'tape', 'run', '--pty', tape], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
      expect(pty.stdout).toContain(`PASS ${tape}`);
      expect(pty.status).toBe(0);
    });
  }
});
