/**
 * Row 15: `kiosk tape run test/tapes --report FILE` against the same run without it, taking turns,
 * as child processes of the built program (what a CI job runs); also the report's size per tape.
 * Failing tapes count the same both ways, so the run's exit code is not checked.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findTapes } from '../tape/files.js';
import { DIST } from './programs.js';
import { row, type Row } from './report.js';
import { alternate, median } from './stats.js';
import { TAPE_DIR } from './throughput.js';

async function run(args: string[]): Promise<number> {
  const startedAt = performance.now();
  await promisify(execFile)(process.execPath, [join(DIST, 'kiosk.js'), 'tape', 'run', ...args], { maxBuffer: 64 << 20 }).catch((error: unknown) => {
    // exit 1 is a failing tape: still a run; anything else is not
    if (!(error instanceof Error && 'code' in error && error.code === 1)) throw error;
  });
  return performance.now() - startedAt;
}

export async function reportCorpus(rounds: number, limit?: number): Promise<Row> {
  const all = findTapes(TAPE_DIR);
  const tapes = limit === undefined ? all : all.slice(0, limit);
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-report-'));
  const report = join(dir, 'report.html');
  try {
    const { subject, baseline } = await alternate(rounds, () => run([...tapes, '--report', report]), () => run(tapes));
    const bytes = statSync(report).size;
    const withReport = median(subject);
    const plain = median(baseline);
    return row({
      id: 15,
      name: `tape report of the corpus (${tapes.length} tapes)`,
      figure: withReport,
      baseline: plain,
      unit: 'ms',
      ratio: withReport / plain,
      target: { on: 'ratio', op: '<', limit: 2 },
      detail:
        `median of ${rounds} rounds each, alternating: \`kiosk tape run ${TAPE_DIR} --report FILE\` vs without --report; ` +
        `the report is ${(bytes / 1024 / 1024).toFixed(1)} MiB, ${(bytes / 1024 / tapes.length).toFixed(0)} KiB a tape (asciinema-player inline: ~200 KiB once)`,
      samples: { withReportMs: subject, plainMs: baseline, reportBytes: [bytes] },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
