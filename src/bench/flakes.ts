/**
 * Row 16: flakes under load (issue 21). The tape corpus (the tapes row 3 races: no `Fault` steps, so
 * they also run under `--pty`) is run `inProcess` times in-process and `pty` times under `--pty` with
 * `kiosk tape run --repeat-each N`, while a busy loop takes one core beside it. The figure is the
 * number of runs that failed; the target is none. Tapes wait on conditions, never on real time, so
 * a loaded machine must change how long they take, not what they find.
 */
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { DIST } from './programs.js';
import { row, type Row } from './report.js';
import { corpus } from './throughput.js';

interface Tally {
  passed: number;
  failed: number;
  ms: number;
}

/** `kiosk tape run … --repeat-each N`, tallied from its closing `N passed, N failed` line. */
function runCorpus(tapes: readonly string[], repeats: number, pty: boolean): Promise<Tally> {
  const startedAt = performance.now();
  const args = [join(DIST, 'kiosk.js'), 'tape', 'run', '--repeat-each', String(repeats), ...(pty ? ['--pty'] : []), ...tapes];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => void (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', () => {
      const summary = /^(\d+) passed, (\d+) failed/m.exec(out.split('\n').filter(Boolean).at(-1) ?? '');
      if (!summary) return reject(new Error(`kiosk tape run printed no summary: ${out.slice(-300)}`));
      resolve({ passed: Number(summary[1]), failed: Number(summary[2]), ms: performance.now() - startedAt });
    });
  });
}

/** A busy loop on one core for as long as the row runs: the "CPU hog" beside the tapes, at `nice` (0 competes with them). */
function cpuHog(nice: number): { stop(): void } {
  const hog = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  if (nice !== 0 && hog.pid !== undefined) setPriority(hog.pid, nice);
  return { stop: () => void hog.kill('SIGKILL') };
}

export async function flakes(repeats: { inProcess: number; pty: number }, limit?: number, hogNice = 0): Promise<Row> {
  const tapes = corpus(limit);
  const hog = cpuHog(hogNice);
  let inProcess: Tally;
  let pty: Tally;
  try {
    inProcess = await runCorpus(tapes, repeats.inProcess, false);
    pty = await runCorpus(tapes, repeats.pty, true);
  } finally {
    hog.stop();
  }
  const runs = inProcess.passed + inProcess.failed + pty.passed + pty.failed;
  const failed = inProcess.failed + pty.failed;
  return row({
    id: 16,
    name: `failed tape runs beside a CPU hog (${tapes.length} tapes)`,
    figure: failed,
    baseline: runs,
    unit: 'runs',
    ratio: failed / runs,
    target: { on: 'figure', op: '<', limit: 1 },
    detail:
      `\`kiosk tape run --repeat-each ${repeats.inProcess}\` in-process: ${inProcess.failed} of ${inProcess.passed + inProcess.failed} runs failed (${(inProcess.ms / 1000).toFixed(1)} s); ` +
      `\`--pty --repeat-each ${repeats.pty}\`: ${pty.failed} of ${pty.passed + pty.failed} failed (${(pty.ms / 1000).toFixed(1)} s); a busy loop on one core beside them${hogNice === 0 ? '' : ` at nice ${hogNice}`}`,
  });
}
