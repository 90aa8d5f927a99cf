/**
 * `kiosk tape run --report out.html`: the summary with filters and search, then per tape the timeline
 * of its steps (source line, command, state path, money on the screen, duration, frame), the failure in
 * full (a failed Snapshot's frames side by side with the changed cells), a replay with a marker per
 * step, and the environment with the command that updates the snapshots.
 */
import { asciicast } from '../tape/reports/asciicast.js';
import { DEFAULT_CAST_PACE, presentationTimeline } from '../tape/reports/castTimeline.js';
import type { CastEvent } from '../tape/drivers/virtualTerminal.js';
import { isFlaky, type TapeResult } from '../tape/run/runTape.js';
import type { StepRecord } from '../tape/run/stepRecord.js';
import { FrameStore } from './frames.js';
import { escapeHtml, formatMs, scriptJson } from './html.js';
import { page } from './page.js';
import { failureSection } from './failureSection.js';

export interface TapeReportContext {
  /** the command line that ran the tapes, as typed */
  command: string;
  version: string;
  /** real milliseconds of the whole run */
  ms: number;
}

/** Amounts as the kiosk prints them (`4 750,00 ₽`, `4,750.00 ₽`), with any kind of space. */
const MONEY = /-?\d{1,3}(?:[ \u00a0\u202f,]\d{3})*[.,]\d{2}[ \u00a0\u202f]?₽/g;

export function moneyOnScreen(screen: readonly string[]): string[] {
  const found = new Set<string>();
  for (const line of screen) for (const m of line.matchAll(MONEY)) found.add(m[0].replace(/[\u00a0\u202f]/g, ' '));
  return [...found].slice(0, 4);
}

/** The output event shown at the end of a step: the newest whole frame before `castEnd`. */
function frameAt(cast: readonly CastEvent[], castEnd: number): string | null {
  for (let i = Math.min(castEnd, cast.length) - 1; i >= 0; i--) if (cast[i]!.kind === 'o') return cast[i]!.data;
  return null;
}

export async function tapeReportHtml(results: readonly TapeResult[], context: TapeReportContext): Promise<string> {
  const frames = new FrameStore();
  try {
    const sections: string[] = [];
    for (const [index, result] of results.entries()) sections.push(await tapeSection(result, index, frames));
    const failed = results.filter((r) => r.failure).length;
    const flaky = results.filter(isFlaky).length;
    const body = `${summary(results.length - failed - flaky, failed, flaky, context)}
${sections.join('\n')}
${environment(results, context)}`;
    return page({ title: 'Tape report', subtitle: `${results.length} tape(s), ${formatMs(context.ms)}`, body, frames, player: true });
  } finally {
    frames.dispose();
  }
}

/** `flaky` (passed only on a retry) is counted and filtered apart, and only shown when there are any. */
function summary(passed: number, failed: number, flaky: number, context: TapeReportContext): string {
  return `<section class="summary">
<span class="count passed" id="count-passed">${passed} passed</span>
<span class="count failed" id="count-failed">${failed} failed</span>
${flaky > 0 ? `<span class="count flaky" id="count-flaky">${flaky} flaky</span>\n` : ''}
<span class="muted" id="run-time">${formatMs(context.ms)}</span>
<span class="filters"><button data-filter="all" aria-pressed="true">All</button> <button data-filter="failed" aria-pressed="false">Failed</button> <button data-filter="passed" aria-pressed="false">Passed</button>${flaky > 0 ? ' <button data-filter="flaky" aria-pressed="false">Flaky</button>' : ''}</span>
<input type="search" id="search" placeholder="Search tapes and steps" aria-label="Search tapes and steps">
<span class="muted"><span id="shown">${passed + failed + flaky}</span> shown</span>
</section>`;
}

async function tapeSection(result: TapeResult, index: number, frames: FrameStore): Promise<string> {
  const status = result.failure ? 'failed' : isFlaky(result) ? 'flaky' : 'passed';
  const steps = result.record?.steps ?? [];
  // the blank frame of the kiosk closing is left out: the replay ends on the tape's last screen
  const timeline = presentationTimeline(withoutClosingFrames(result.cast), DEFAULT_CAST_PACE);
  const markers = stepMarkerTimes(timeline, steps);
  const playerId = `player-${index}`;
  const rows: string[] = [];
  for (const [i, step] of steps.entries()) rows.push(await stepRow(step, result, frames, markers[i] ?? null, playerId));
  const search = [result.file, ...steps.map((s) => s.command)].join('\n').toLowerCase();
  const failure = (result.failure ? await failureSection(result.failure, result, frames) : '') + await earlierAttempts(result, frames);
  const replay = result.cast.length > 0
    ? `<h3>Replay</h3><div class="replay" id="${playerId}" data-cast="cast-${index}" data-cols="${result.columns}" data-rows="${result.rows}"></div>
<script type="application/json" id="cast-${index}">${scriptJson(asciicast({ columns: result.columns, rows: result.rows, title: result.file, idleTimeLimitS: 2 }, timeline))}</script>`
    : '';
  return `<details class="tape" id="tape-${index}" data-status="${status}" data-search="${escapeHtml(search)}"${status === 'passed' ? '' : ' open'}>
<summary><span class="badge ${status}">${BADGES[status]}</span>${escapeHtml(result.file)}${result.repeat === undefined ? '' : ` #${result.repeat}`} <span class="muted">${result.failure ? `${result.steps.length}/${result.totalSteps}` : result.totalSteps} steps · ${formatMs(result.ms)}</span></summary>
<div class="tape-body">
${failure}
<table class="timeline"><thead><tr><th>Line</th><th>Step</th><th>State after</th><th>Money on screen</th><th>Time</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>
${replay}
</div>
</details>`;
}

const BADGES = { passed: 'PASS', failed: 'FAIL', flaky: 'FLAKY' } as const;

/** `--retries`: each failed attempt before the last one, with its failure in full. */
async function earlierAttempts(result: TapeResult, frames: FrameStore): Promise<string> {
  const earlier = result.retriedAttempts ?? [];
  const total = earlier.length + 1;
  const parts: string[] = [];
  for (const [i, attempt] of earlier.entries()) {
    if (!attempt.failure) continue;
    parts.push(`<section class="attempt" data-attempt="${i + 1}"><h3>Attempt ${i + 1} of ${total}: failed</h3>${await failureSection(attempt.failure, attempt, frames)}</section>`);
  }
  if (parts.length === 0) return '';
  const last = `<p class="attempt">Attempt ${total} of ${total}: ${result.failure ? 'failed (above)' : 'passed, so the tape is flaky'}</p>`;
  return `${parts.join('\n')}\n${last}`;
}

const ESCAPES = /\x1b\[[0-9;?]*[ -\/]*[@-~]|\x1b./g;

/** Blank output after the last frame with text (the kiosk closing) left out; every step's marker kept. */
function withoutClosingFrames(cast: readonly CastEvent[]): CastEvent[] {
  let last = cast.length - 1;
  while (last >= 0 && (cast[last]!.kind === 'm' || cast[last]!.data.replace(ESCAPES, '').trim() === '')) last--;
  return cast.filter((e, i) => i <= last || e.kind === 'm');
}

/** The replay's time (seconds) of each step's marker (`line: command`, written by runStep) in the presentation timeline. */
function stepMarkerTimes(timeline: readonly CastEvent[], steps: readonly StepRecord[]): Array<number | null> {
  const marks = timeline.filter((e) => e.kind === 'm');
  let from = 0;
  return steps.map((step) => {
    const label = `${step.line}: ${step.command}`;
    const at = marks.findIndex((m, i) => i >= from && m.data === label);
    if (at < 0) return null;
    from = at + 1;
    return marks[at]!.at / 1000;
  });
}

async function stepRow(step: StepRecord, result: TapeResult, frames: FrameStore, markerAt: number | null, playerId: string): Promise<string> {
  const ansi = frameAt(result.cast, step.castEnd);
  const frameId = ansi !== null ? await frames.add(ansi, result.columns, result.rows)
    : step.screen && step.screen.length > 0 ? await frames.addText(step.screen, result.columns, result.rows) : null;
  const screen = step.screen ?? (frameId ? frames.text(frameId) : []);
  const money = moneyOnScreen(screen).map(escapeHtml).join('<br>');
  const seek = markerAt !== null ? ` <button class="seek" data-player="${playerId}" data-at="${markerAt}" title="replay from this step" aria-label="replay from line ${step.line}">▶</button>` : '';
  const cls = step.passed ? 'step passed' : 'step failed';
  return `<tr class="${cls}" data-line="${step.line}"><td>${step.line}${seek}</td><td><details class="step"${step.passed ? '' : ' open'}><summary><code>${escapeHtml(step.command)}</code></summary>${frameId ? `<div class="frame" data-frame="${frameId}"></div>` : '<span class="muted">(no screen)</span>'}</details></td><td><code>${escapeHtml(step.statePath ?? '—')}</code></td><td>${money}</td><td>${formatMs(step.ms)}</td></tr>`;
}

function environment(results: readonly TapeResult[], context: TapeReportContext): string {
  const first = results.find((r) => r.record)?.record;
  const sizes = [...new Set(results.map((r) => `${r.columns}×${r.rows}`))].join(', ');
  const langs = [...new Set(results.flatMap((r) => (r.record ? [r.record.lang] : [])))].join(', ');
  const update = `${context.command.replace(/\s--report(=|\s+)\S+/, '')} --update`;
  return `<section class="env"><h2>Environment</h2><dl class="kv">
<dt>Terminal size</dt><dd>${escapeHtml(sizes)}</dd>
<dt>Language</dt><dd>${escapeHtml(langs || '—')}</dd>
<dt>Versions</dt><dd>kiosk ${escapeHtml(context.version)}, Node ${escapeHtml(process.versions.node)}</dd>
<dt>Seed</dt><dd>simulated clock starts at ${first ? new Date(first.clockMs).toISOString() : '—'} (every run starts there)</dd>
<dt>Command</dt><dd><code>${escapeHtml(context.command)}</code></dd>
<dt>Update snapshots</dt><dd><code id="update-command">${escapeHtml(update)}</code></dd>
</dl></section>`;
}
