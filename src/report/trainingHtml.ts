/**
 * `kiosk train report --format html`: per trainee a table of exercises and a chart of scores over
 * attempts; for everyone the pass rate per rule and the most frequent mistakes; then each attempt's
 * debrief with the frame at each mistake (from replaying its recorded tape) and its replay.
 */
import type { AttemptRecord, CheckpointResult } from '../domain/training/attempt.js';
import { hasPassed, percentOf } from '../domain/training/passMark.js';
import type { TrainingReport, TraineeReport } from '../domain/training/report.js';
import type { CastEvent } from '../tape/drivers/virtualTerminal.js';
import { asciicast } from '../tape/reports/asciicast.js';
import type { TapeResult } from '../tape/run/runTape.js';
import { barChart, scoreChart } from './charts.js';
import { FrameStore } from './frames.js';
import { escapeHtml, scriptJson } from './html.js';
import { page } from './page.js';

/** Plays an attempt's tape: the run (with its raw cast) and the cast on a presentation timeline, event for event. */
export type AttemptReplay = (attempt: AttemptRecord) => Promise<{ result: TapeResult; events: CastEvent[] }>;

export interface TrainingHtmlOptions {
  replay: AttemptReplay;
  /** the line under the title: which store, which filter */
  subtitle: string;
}

const percentText = (p: number | null) => (p === null ? '—' : `${p}%`);
const clock = (ms: number | null) => (ms === null ? '—' : `${Math.floor(ms / 60_000)}:${String(Math.round(ms / 1000) % 60).padStart(2, '0')}`);
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

export async function trainingReportHtml(attempts: readonly AttemptRecord[], report: TrainingReport, options: TrainingHtmlOptions): Promise<string> {
  const frames = new FrameStore();
  try {
    const finished = attempts.filter((a) => a.status === 'finished');
    const passed = finished.filter((a) => hasPassed(a, report.passPercent)).length;
    const debriefs: string[] = [];
    const ordered = [...attempts].sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1));
    for (const [i, attempt] of ordered.entries()) debriefs.push(await debrief(attempt, i, report.passPercent, frames, options.replay));
    const body = `<section class="summary">
<span class="count passed" id="count-passed">${passed} passed</span>
<span class="count failed" id="count-failed">${finished.length - passed} failed</span>
<span class="muted">${attempts.length - finished.length} abandoned · pass mark ${report.passPercent}%</span>
<span class="filters"><button data-filter="all" aria-pressed="true">All</button> <button data-filter="failed" aria-pressed="false">Failed</button> <button data-filter="passed" aria-pressed="false">Passed</button></span>
<input type="search" id="search" placeholder="Search trainees and exercises" aria-label="Search trainees and exercises">
<span class="muted"><span id="shown">${attempts.length}</span> shown</span>
</section>
<h2>Everyone</h2>
<div class="charts" id="charts-all">
<div class="chart" id="chart-rules"><h3>Pass rate per rule</h3>${rulesChart(attempts)}</div>
<div class="chart" id="chart-mistakes"><h3>Most frequent mistakes</h3>${mistakesChart(attempts)}</div>
</div>
${report.trainees.map((t, i) => traineeSection(t, i, attempts, report.passPercent)).join('\n')}
<h2>Attempts</h2>
${debriefs.join('\n')}`;
    return page({ title: 'Training report', subtitle: options.subtitle, body, frames, player: attempts.length > 0 });
  } finally {
    frames.dispose();
  }
}

/** Of every checkpoint under a rule in finished attempts, the share passed. */
function rulesChart(attempts: readonly AttemptRecord[]): string {
  const byRule = new Map<string, { passed: number; all: number }>();
  for (const a of attempts) {
    if (a.status !== 'finished') continue;
    for (const c of a.checkpoints) {
      const entry = byRule.get(c.rule) ?? { passed: 0, all: 0 };
      entry.all++;
      if (c.passed) entry.passed++;
      byRule.set(c.rule, entry);
    }
  }
  const bars = [...byRule].sort(([a], [b]) => (a < b ? -1 : 1)).map(([rule, { passed, all }]) => ({ label: rule, value: passed / all, text: `${percentOf(passed, all)}% (${passed}/${all})` }));
  return barChart('Pass rate per rule', bars, 1, true);
}

function mistakesChart(attempts: readonly AttemptRecord[]): string {
  const counts = new Map<string, number>();
  for (const a of attempts) for (const c of a.checkpoints) if (!c.passed && c.atMs !== null) counts.set(c.rule, (counts.get(c.rule) ?? 0) + 1);
  const bars = [...counts].sort(([ra, a], [rb, b]) => b - a || (ra < rb ? -1 : 1)).slice(0, 10).map(([rule, n]) => ({ label: rule, value: n, text: `×${n}` }));
  return barChart('Most frequent mistakes', bars, Math.max(1, ...bars.map((b) => b.value)), false);
}

function traineeSection(t: TraineeReport, index: number, attempts: readonly AttemptRecord[], passPercent: number): string {
  const own = attempts.filter((a) => a.trainee === t.trainee && a.status === 'finished').sort((a, b) => a.startedAt - b.startedAt);
  const points = own.map((a) => ({ percent: percentOf(a.score, a.maxScore), passed: hasPassed(a, passPercent), label: `${a.exerciseId} ${iso(a.startedAt)}` }));
  const rows = t.exercises.map((e) => `<tr><td>${escapeHtml(e.exerciseId)}</td><td>${escapeHtml(e.exerciseTitle.en)}</td><td>${percentText(e.best?.percent ?? null)}</td><td>${percentText(e.last?.percent ?? null)}</td><td>${e.finished ? `${e.passed}/${e.finished}` : '—'}</td><td>${clock(e.medianMs)}</td><td>${e.finished}${e.abandoned ? `+${e.abandoned}` : ''}</td><td>${escapeHtml(e.mistakes.map((m) => `${m.rule} ×${m.count}`).join(', ') || '—')}</td></tr>`);
  return `<section class="trainee" id="trainee-${index}"><h2>${escapeHtml(t.trainee)} <span class="muted">${t.finished} finished, passed ${t.passed}${t.abandoned ? `, ${t.abandoned} abandoned` : ''}</span></h2>
<div class="charts"><div class="chart score-chart"><h3>Score over attempts</h3>${scoreChart(`${t.trainee}: score over attempts`, points, passPercent)}</div></div>
<table class="exercises"><thead><tr><th>Exercise</th><th>Title</th><th>Best</th><th>Last</th><th>Passed</th><th>Median</th><th>Tries</th><th>Mistakes</th></tr></thead>
<tbody>${rows.join('')}</tbody></table></section>`;
}

async function debrief(attempt: AttemptRecord, index: number, passPercent: number, frames: FrameStore, replay: AttemptReplay): Promise<string> {
  const finished = attempt.status === 'finished';
  const passed = finished && hasPassed(attempt, passPercent);
  const status = passed ? 'passed' : 'failed';
  const { result, events } = await replay(attempt);
  const playerId = `attempt-player-${index}`;
  const mistakes: string[] = [];
  for (const c of attempt.checkpoints.filter((x) => !x.passed)) mistakes.push(await mistake(c, result, events, frames, playerId));
  const search = `${attempt.trainee}\n${attempt.exerciseId}\n${attempt.exerciseTitle.en}\n${attempt.exerciseTitle.ru}`.toLowerCase();
  const cast = asciicast({ columns: result.columns, rows: result.rows, title: `${attempt.trainee}: ${attempt.exerciseId}`, idleTimeLimitS: 2 }, events);
  return `<details class="attempt" id="attempt-${index}" data-status="${status}" data-search="${escapeHtml(search)}"${passed ? '' : ' open'}>
<summary><span class="badge ${status}">${finished ? (passed ? 'PASS' : 'FAIL') : 'ABANDONED'}</span>${escapeHtml(attempt.trainee)} · ${escapeHtml(attempt.exerciseId)} <span class="muted">${attempt.score}/${attempt.maxScore} · ${iso(attempt.startedAt)} · ${escapeHtml(attempt.id)}</span></summary>
<div class="tape-body">
<table class="checkpoints"><thead><tr><th>Checkpoint</th><th>Rule</th><th>Points</th><th></th></tr></thead><tbody>
${attempt.checkpoints.map((c) => `<tr class="${c.passed ? 'passed' : 'step failed'}"><td>${escapeHtml(c.title.en)}</td><td>${escapeHtml(c.rule)}</td><td>${c.earned}/${c.points}</td><td>${c.passed ? '✓' : '✗'}</td></tr>`).join('')}
</tbody></table>
${mistakes.join('\n')}
<h3>Replay</h3><div class="replay" id="${playerId}" data-cast="attempt-cast-${index}" data-cols="${result.columns}" data-rows="${result.rows}"></div>
<script type="application/json" id="attempt-cast-${index}">${scriptJson(cast)}</script>
</div></details>`;
}

/** The frame when the checkpoint was missed: the newest frame at or before its time on the attempt's clock. */
async function mistake(c: CheckpointResult, result: TapeResult, events: readonly CastEvent[], frames: FrameStore, playerId: string): Promise<string> {
  const outputs = result.cast.filter((e) => e.kind === 'o');
  const start = result.cast[0]?.at ?? 0;
  let k = -1;
  if (c.atMs !== null) for (const [i, e] of outputs.entries()) if (e.at - start <= c.atMs) k = i;
  const frame = outputs[k] ?? outputs.at(-1);
  const frameId = frame ? await frames.add(frame.data, result.columns, result.rows) : null;
  const seekAt = k >= 0 ? events.filter((e) => e.kind === 'o')[k]?.at : undefined;
  const seek = seekAt !== undefined ? ` <button class="seek" data-player="${playerId}" data-at="${seekAt / 1000}">▶ replay from here</button>` : '';
  return `<div class="mistake failure"><strong>${escapeHtml(c.rule)}</strong>: ${escapeHtml(c.title.en)}${c.atMs !== null ? ` <span class="muted">at ${clock(c.atMs)}</span>` : ' <span class="muted">(never done)</span>'}${seek}
${c.rightAction ? `<div>Right action: ${escapeHtml(c.rightAction.en)}</div>` : ''}${c.source ? `<div class="muted">${escapeHtml(c.source.en)}</div>` : ''}
${frameId ? `<div class="frame" data-frame="${frameId}"></div>` : ''}</div>`;
}
