/**
 * What `kiosk tape run` prints: a PASS/FAIL line per tape, the failure under it, and the closing
 * `N passed, N failed`. Painted with the colours of src/cli/colors.ts; with none, plain text.
 */
import { formatFailure, type FailurePaint } from '../tape/reports/formatFailure.js';
import type { TapeFailure } from '../tape/run/failure.js';
import { isFlaky, type TapeResult } from '../tape/run/runTape.js';
import { PLAIN, type Colors } from './colors.js';

const ms = (n: number) => `${Math.round(n)} ms`;

export function resultLine(r: TapeResult, c: Colors = PLAIN): string {
  const steps = r.failure ? `${r.steps.length}/${r.totalSteps} steps` : `${r.totalSteps} steps`;
  const simulated = r.simulatedMs >= 1000 ? `, ${formatSimulated(r.simulatedMs)} simulated` : '';
  const written = r.snapshotsWritten.length > 0 ? `, ${r.snapshotsWritten.length} golden frame(s) written` : '';
  const verdict = r.failure ? c.bold.red('FAIL') : isFlaky(r) ? c.bold.yellow('FLAKY') : c.bold.green('PASS');
  const run = r.repeat === undefined ? '' : ` #${r.repeat}`;
  const earlier = r.retriedAttempts ?? [];
  const attempts = earlier.length > 0 ? `, attempt ${earlier.length + 1} after ${earlier.length} failed (${earlier.map(attemptVerdict).join('; ')})` : '';
  const parity = r.parity === undefined ? '' : 'skipped' in r.parity ? c.yellow(', in-process only: skipped for parity') : c.dim(`, ${r.parity.same ? 'same' : 'compared'} under --pty (${ms(r.parity.ptyMs)})`);
  return `${verdict} ${r.file}${run}  ${c.dim(`${steps}  ${ms(r.ms)}${simulated}${attempts}`)}${c.yellow(written)}${parity}`;
}

/** A failed attempt in a few words: `line 4, exit 1`. */
function attemptVerdict(r: TapeResult): string {
  return `${r.failure && r.failure.line > 0 ? `line ${r.failure.line}, ` : ''}exit ${r.exitCode}`;
}

function formatSimulated(msTotal: number): string {
  const s = Math.round(msTotal / 1000);
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}m` : m > 0 ? `${m}m${String(sec).padStart(2, '0')}s` : `${sec}s`;
}

/**
 * `2 passed, 1 failed`: exactly this text when plain; a count above 0 in green or red. `flaky` (null
 * without --retries) adds `, 1 flaky` in yellow, shown even at 0 so a retried run says it had none.
 */
export function summaryLine(passed: number, failed: number, c: Colors = PLAIN, flaky: number | null = null, orphans: number | null = null): string {
  const passedText = `${passed} passed`;
  const failedText = `${failed} failed`;
  const flakyText = flaky === null ? '' : `, ${flaky > 0 ? c.bold.yellow(`${flaky} flaky`) : `${flaky} flaky`}`;
  // `--orphans=fail`: the orphans fail the run, so the summary says how many
  const orphanText = `${orphans} orphan golden${orphans === 1 ? '' : 's'}`;
  const orphansText = orphans === null ? '' : `, ${orphans > 0 ? c.bold.red(orphanText) : orphanText}`;
  return `${passed > 0 ? c.green(passedText) : passedText}, ${failed > 0 ? c.bold.red(failedText) : failedText}${flakyText}${orphansText}`;
}

/** The failure under its FAIL line, indented: the message in red, expected rows green, actual rows red. */
export function failureText(failure: TapeFailure, c: Colors = PLAIN): string {
  const paint: FailurePaint = {
    heading: (t) => c.red(t),
    expected: (t) => c.green(t),
    actual: (t) => c.red(t),
    label: (t) => c.dim(t),
    statePath: (t) => c.cyan(t),
    frame: (t) => c.dim(t),
  };
  return formatFailure(failure, paint).split('\n').map((l) => `    ${l}`).join('\n');
}

/** `--parity`, under the summary: how many tapes were compared, and each one skipped with its reason. */
export function parityLines(results: readonly TapeResult[]): string[] {
  const skipped = results.filter((r) => r.parity && 'skipped' in r.parity);
  const compared = results.filter((r) => r.parity && 'compared' in r.parity).length;
  const lines = [`parity: ${compared} compared in-process and under --pty, ${skipped.length} skipped for parity (run in-process only)`];
  for (const r of skipped) lines.push(`  skipped for parity: ${r.file}: ${(r.parity as { skipped: string }).skipped}`);
  return lines;
}
