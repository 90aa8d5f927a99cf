/**
 * `kiosk train report` as text: a table that fits 80 columns, CSV (RFC 4180, a header line), stable
 * JSON, and JUnit XML (one testsuite per trainee, one testcase per attempt) for CI. Pure: the
 * report in, text out; the figures are src/domain/training/report.ts's.
 */
import type { TrainingReport, Figures, AttemptLine, MistakeCount, ExerciseReport } from '../domain/training/report.js';
import { percentOf } from '../domain/training/passMark.js';
import { escapeXml } from '../tape/reports/junit.js';
import { PLAIN, type Colors } from './colors.js';
import { count, csv, iso, table } from './storeOutput.js';

export const REPORT_FORMATS = ['table', 'csv', 'json', 'junit', 'xapi', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const TABLE_WIDTH = 80;
const EXERCISE_WIDTH = 22;

/** At most `width` characters: a longer text ends in "…". */
export function fit(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}

/** 65_000 → "1:05", 3_725_000 → "1:02:05": whole seconds, as a stopwatch shows them. */
export function clock(ms: number | null): string {
  if (ms === null) return '-';
  const total = Math.round(ms / 1000);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

const mistakeText = (m: MistakeCount) => `${m.rule} ×${m.count}`;
const percentText = (line: AttemptLine | null) => (line ? `${line.percent}%` : '-');
const passedText = (f: Figures) => (f.finished === 0 ? '-' : `${f.passed}/${f.finished}`);

function traineeLines(f: Figures & { trainee: string }, colors: Colors): string[] {
  const attempts = `${count(f.finished + f.abandoned, 'attempt')}${f.abandoned ? `, ${f.abandoned} abandoned` : ''}`;
  const passed = f.finished
    ? `passed ${f.passed} of ${f.finished} (${percentOf(f.passed, f.finished)} %), median time ${clock(f.medianMs)}`
    : 'no finished attempt';
  const mistakes = f.mistakes.length ? f.mistakes.map(mistakeText).join(', ') : 'none';
  return [
    colors.bold(fit(`${f.trainee}: ${attempts}`, TABLE_WIDTH)),
    fit(`  ${passed}`, TABLE_WIDTH),
    fit(`  most frequent mistakes: ${mistakes}`, TABLE_WIDTH),
  ];
}

/** An exercise's own policy (issue 18) and where the trainee stands by it: "X: the last attempt counts: 70 %, passed; 2 of 3 attempts used". */
export function policyText(e: ExerciseReport): string {
  const counted = e.counted ? `${e.counted.percent} % (${e.counted.score} of ${e.counted.maxScore}, ${e.counted.passScore} to pass), ${e.counted.passed ? 'passed' : 'not passed'}` : 'no finished attempt';
  const used = e.finished + e.abandoned;
  const attempts = e.attemptsAllowed === null ? '' : `; ${used} of ${e.attemptsAllowed} attempts used`;
  return `${e.exerciseId}: the ${e.counts} attempt counts: ${counted}${attempts}`;
}

/** The table: per trainee a summary, then a row per exercise; every line at most 80 columns. */
export function reportTable(report: TrainingReport, colors: Colors = PLAIN): string {
  if (report.trainees.length === 0) return 'No training attempts.\n';
  const headers = ['EXERCISE', 'BEST', 'LAST', 'PASSED', 'MEDIAN', 'TRIES', 'TOP MISTAKE'];
  const blocks = report.trainees.map((trainee) => {
    const rows = trainee.exercises.map((e) => [
      fit(e.exerciseId, EXERCISE_WIDTH),
      percentText(e.best),
      percentText(e.last),
      passedText(e),
      clock(e.medianMs),
      e.abandoned ? `${e.finished}+${e.abandoned}` : String(e.finished),
      e.mistakes[0] ? fit(mistakeText(e.mistakes[0]), 16) : '-',
    ]);
    const body = table(headers, rows, { right: ['BEST', 'LAST', 'PASSED', 'MEDIAN', 'TRIES'], colors })
      .split('\n')
      .map((line) => `  ${line}`);
    const policies = trainee.exercises.filter((e) => e.ownPolicy).map((e) => fit(`  ${policyText(e)}`, TABLE_WIDTH));
    return [...traineeLines(trainee, colors), ...body, ...policies].join('\n');
  });
  const legend = [
    `Pass mark: ${report.passPercent} % of an exercise's maximum unless it sets its own.`,
    'BEST, LAST: score in % of the maximum; PASSED, MEDIAN (m:ss): of finished',
    'attempts; TRIES: finished (+abandoned).',
  ].join('\n');
  return `${blocks.join('\n\n')}\n\n${legend}\n`;
}

const CSV_HEADERS = [
  'trainee', 'exercise', 'title_ru', 'title_en', 'finished', 'abandoned', 'passed', 'pass_rate_percent',
  'best_score', 'best_max', 'best_percent', 'last_score', 'last_max', 'last_percent', 'median_seconds',
  'top_mistake', 'top_mistake_count', 'mistakes', 'counts', 'counted_percent', 'counted_passed', 'attempts_allowed',
  'best_seed', 'last_seed', 'seeds',
];

/** "ATTEMPT:SEED" for each attempt drawn from a seed (`kiosk train replay ATTEMPT`, `--seed SEED`); empty when the exercise doesn't vary. */
const seedsText = (attempts: readonly AttemptLine[]) =>
  attempts.flatMap((a) => (a.seed === null ? [] : [`${a.id}:${a.seed}`])).join(' ');

/**
 * One row per trainee and exercise; `mistakes` is "RULE:COUNT" items separated by spaces. The seeds
 * (issue 18) come last, so the columns before keep their places: the best and the last attempt's,
 * and every attempt's as "ATTEMPT:SEED" items; empty where the numbers are the file's own.
 */
export function reportCsv(report: TrainingReport): string {
  const rows = report.trainees.flatMap((t) =>
    t.exercises.map((e) => [
      t.trainee, e.exerciseId, e.exerciseTitle.ru, e.exerciseTitle.en, e.finished, e.abandoned, e.passed,
      e.finished ? percentOf(e.passed, e.finished) : '',
      e.best?.score ?? '', e.best?.maxScore ?? '', e.best?.percent ?? '',
      e.last?.score ?? '', e.last?.maxScore ?? '', e.last?.percent ?? '',
      e.medianMs === null ? '' : Math.round(e.medianMs / 1000),
      e.mistakes[0]?.rule ?? '', e.mistakes[0]?.count ?? '',
      e.mistakes.map((m) => `${m.rule}:${m.count}`).join(' '),
      e.counts, e.counted?.percent ?? '', e.counted === null ? '' : e.counted.passed ? 1 : 0, e.attemptsAllowed ?? '',
      e.best?.seed ?? '', e.last?.seed ?? '', seedsText(e.attempts),
    ]),
  );
  return csv(CSV_HEADERS, rows);
}

const attemptJson = (a: AttemptLine | null) => (a === null ? null : { ...a, startedAt: iso(a.startedAt) });

/** The report as JSON: keys in a fixed order, times as ISO 8601, nothing that changes between runs. */
export function reportJson(report: TrainingReport, filter: { trainee: string | null; since: number | null }): string {
  const figures = (f: Figures) => ({ ...f, best: attemptJson(f.best), last: attemptJson(f.last) });
  return `${JSON.stringify({
    passPercent: report.passPercent,
    filter: { trainee: filter.trainee, since: filter.since === null ? null : iso(filter.since) },
    trainees: report.trainees.map((t) => ({
      ...figures(t),
      exercises: t.exercises.map(({ ownPolicy: _, ...e }) => ({ ...figures(e), counted: attemptJson(e.counted), attempts: e.attempts.map(attemptJson) })),
    })),
  }, null, 2)}\n`;
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);
const timestamp = (ms: number) => iso(ms).replace(/\.\d+Z$/, '');

function testcase(a: AttemptLine): string {
  const attrs = `name="${escapeXml(`${a.exerciseId} ${a.id}`)}" classname="${escapeXml(`training.${a.exerciseId}`)}" time="${seconds(a.durationMs)}"`;
  if (a.status === 'abandoned') return `    <testcase ${attrs}>\n      <skipped message="abandoned after ${clock(a.durationMs)}"/>\n    </testcase>`;
  if (a.passed) return `    <testcase ${attrs}/>`;
  const missed = a.missedRules.length ? `: missed ${a.missedRules.join(', ')}` : '';
  const message = `scored ${a.score} of ${a.maxScore} (${a.percent} %), ${a.passScore} needed to pass${missed}`;
  const body = a.missed.map((m) => `${m.rule} (checkpoint ${m.checkpoint})`).join('\n');
  return `    <testcase ${attrs}>\n      <failure message="${escapeXml(message)}" type="below-pass-mark">${escapeXml(body)}</failure>\n    </testcase>`;
}

/** A failed attempt is a <failure> naming the missed rules; an abandoned one is <skipped> (it was never scored to the end). */
export function reportJunit(report: TrainingReport): string {
  const suites = report.trainees.map((t) => {
    const attempts = t.exercises.flatMap((e) => e.attempts).sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1));
    const failures = attempts.filter((a) => a.status === 'finished' && !a.passed).length;
    const time = attempts.reduce((sum, a) => sum + a.durationMs, 0);
    const counts = `tests="${attempts.length}" failures="${failures}" errors="0" skipped="${t.abandoned}" time="${seconds(time)}"`;
    return [
      `  <testsuite name="${escapeXml(t.trainee)}" ${counts} timestamp="${timestamp(attempts[0]!.startedAt)}">`,
      ...attempts.map(testcase),
      '  </testsuite>',
    ].join('\n');
  });
  const all = report.trainees.flatMap((t) => t.exercises.flatMap((e) => e.attempts));
  const failures = all.filter((a) => a.status === 'finished' && !a.passed).length;
  const time = all.reduce((sum, a) => sum + a.durationMs, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="kiosk training" tests="${all.length}" failures="${failures}" errors="0" time="${seconds(time)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
