/**
 * Row 3: the tape corpus (every *.tape under test/tapes/ without a `Fault` step) run in this process with the library's `runTape`,
 * against the same tapes run the way VHS and tui-test run them: `kiosk tape run --pty`, which starts
 * one kiosk process per tape in a real pseudo-terminal. Rounds alternate; the row takes medians.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findTapes } from '../tape/files.js';
import { runTape } from '../tape/index.js';
import { DIST } from './programs.js';
import { row, type Row } from './report.js';
import { alternate, median } from './stats.js';

export const TAPE_DIR = 'test/tapes';

/** `Fault` injects into the in-process kiosk only (`--pty` refuses it), so such tapes cannot be raced. */
const runsBothWays = (file: string) => !/^\s*Fault\s/m.test(readFileSync(file, 'utf8'));

export function corpus(limit?: number): string[] {
  const tapes = findTapes(TAPE_DIR).filter(runsBothWays);
  if (tapes.length === 0) throw new Error(`no .tape files in ${TAPE_DIR}`);
  return limit === undefined ? tapes : tapes.slice(0, limit);
}

export async function throughput(rounds: number, limit?: number): Promise<Row> {
  const tapes = corpus(limit);
  const failed = new Set<string>();
  const inProcess = async () => {
    const startedAt = performance.now();
    for (const tape of tapes) {
      const result = await runTape(tape);
      if (result.status !== 'passed') failed.add(`${tape} (in-process, exit ${result.exitCode})`);
    }
    return performance.now() - startedAt;
  };
  const perProcess = async () => {
    const startedAt = performance.now();
    try {
      await promisify(execFile)(process.execPath, [join(DIST, 'kiosk.js'), 'tape', 'run', '--pty', ...tapes], { maxBuffer: 16 << 20 });
    } catch (error) {
      failed.add(`kiosk tape run --pty (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
    }
    return performance.now() - startedAt;
  };
  // one unmeasured in-process round: the engine's code is compiled before it is timed
  await inProcess();
  const { subject, baseline } = await alternate(rounds, inProcess, perProcess);
  const inProcessMs = median(subject);
  const perProcessMs = median(baseline);
  return row({
    id: 3,
    name: `tape corpus (${tapes.length} tapes)`,
    figure: inProcessMs,
    baseline: perProcessMs,
    unit: 'ms',
    // the target is a speed-up, so this ratio is baseline ÷ figure
    ratio: perProcessMs / inProcessMs,
    target: { on: 'ratio', op: '>=', limit: 20 },
    detail:
      `median of ${rounds} rounds each, alternating: runTape() in-process, ${(inProcessMs / tapes.length).toFixed(0)} ms a tape, vs ` +
      `\`kiosk tape run --pty\` (one kiosk process per tape under node-pty), ${(perProcessMs / tapes.length).toFixed(0)} ms a tape; the ratio is how many times faster in-process is` +
      (failed.size ? `. FAILED: ${[...failed].join('; ')}` : ''),
    samples: { inProcessMs: subject, perProcessMs: baseline },
  });
}
