/**
 * The instructor's report (issue 15): per trainee and per exercise, the best and the last score,
 * the pass rate, the median time, the attempts (abandoned ones counted apart) and the most frequent
 * mistakes with their rule IDs. Pure: attempts in, figures out; src/cli/trainReport.ts prints them.
 *
 * What counts: best, last, pass rate and median time come from finished attempts only (an abandoned
 * attempt was never scored to the end). Mistakes are the missed checkpoints of finished attempts,
 * and those an abandoned attempt had already missed when it was left (decided: `atMs` set).
 */
import type { AttemptRecord, Bilingual, ScoreCounts } from './attempt.js';
import { DEFAULT_PASS_PERCENT, hasPassed, passScoreOf, percentOf } from './passMark.js';
import { countedOf, DEFAULT_POLICY } from './policy.js';
import { textOrder } from './textOrder.js';

export interface ReportOptions {
  /** the default pass mark in percent of the maximum (an exercise's own passScore wins) */
  passPercent?: number;
}

/** One rule the trainee broke, and how often. */
export interface MistakeCount {
  rule: string;
  count: number;
  /** the checkpoints missed under this rule, sorted */
  checkpoints: string[];
}

/** One attempt as the report shows it (and JUnit lists it). */
export interface AttemptLine {
  id: string;
  exerciseId: string;
  startedAt: number;
  durationMs: number;
  status: AttemptRecord['status'];
  score: number;
  maxScore: number;
  percent: number;
  passScore: number;
  passed: boolean;
  /** the rules of the checkpoints missed, in the attempt's order, each once */
  missedRules: string[];
  /** the checkpoints missed, in the attempt's order */
  missed: Array<{ checkpoint: string; rule: string }>;
  /** the seed its numbers were drawn from (`--seed N` plays it again); null: the file's own numbers */
  seed: number | null;
}

/** What the figures of a group of attempts (one exercise of a trainee, or all of a trainee's) are. */
export interface Figures {
  /** finished attempts */
  finished: number;
  abandoned: number;
  passed: number;
  /** passed / finished, 0..1; null with no finished attempt */
  passRate: number | null;
  /** the finished attempt with the highest percent (the earliest of equals); null with none */
  best: AttemptLine | null;
  /** the latest finished attempt; null with none */
  last: AttemptLine | null;
  medianMs: number | null;
  /** most frequent first, then by rule */
  mistakes: MistakeCount[];
}

export interface ExerciseReport extends Figures {
  exerciseId: string;
  exerciseTitle: Bilingual;
  /** the exercise's policy as its newest attempt recorded it (issue 18): which attempt counts */
  counts: ScoreCounts;
  /** the finished attempt that counts by that policy; null with none */
  counted: AttemptLine | null;
  /** attempts allowed (abandoned ones included); null: no limit */
  attemptsAllowed: number | null;
  /** whether the exercise set a policy of its own (the table prints a line for it) */
  ownPolicy: boolean;
  /** oldest first */
  attempts: AttemptLine[];
}

export interface TraineeReport extends Figures {
  trainee: string;
  /** by exercise id */
  exercises: ExerciseReport[];
}

export interface TrainingReport {
  passPercent: number;
  /** by trainee name */
  trainees: TraineeReport[];
}

/** The middle value, or the mean of the two middle ones rounded to the millisecond; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}

/** The checkpoints of an attempt that count as its mistakes (see the header). */
function mistakesIn(attempt: AttemptRecord) {
  return attempt.checkpoints.filter((c) => !c.passed && (attempt.status === 'finished' || c.atMs !== null));
}

export function attemptLine(attempt: AttemptRecord, passPercent = DEFAULT_PASS_PERCENT): AttemptLine {
  return {
    id: attempt.id,
    exerciseId: attempt.exerciseId,
    startedAt: attempt.startedAt,
    durationMs: attempt.durationMs,
    status: attempt.status,
    score: attempt.score,
    maxScore: attempt.maxScore,
    percent: percentOf(attempt.score, attempt.maxScore),
    passScore: passScoreOf(attempt, passPercent),
    passed: hasPassed(attempt, passPercent),
    missedRules: [...new Set(mistakesIn(attempt).map((c) => c.rule))],
    missed: mistakesIn(attempt).map((c) => ({ checkpoint: c.id, rule: c.rule })),
    seed: attempt.seed ?? null,
  };
}

export function countMistakes(attempts: readonly AttemptRecord[]): MistakeCount[] {
  const counts = new Map<string, { count: number; checkpoints: Set<string> }>();
  for (const missed of attempts.flatMap(mistakesIn)) {
    const entry = counts.get(missed.rule) ?? { count: 0, checkpoints: new Set<string>() };
    entry.count++;
    entry.checkpoints.add(missed.id);
    counts.set(missed.rule, entry);
  }
  return [...counts.entries()]
    .map(([rule, { count, checkpoints }]) => ({ rule, count, checkpoints: [...checkpoints].sort(textOrder) }))
    .sort((a, b) => b.count - a.count || textOrder(a.rule, b.rule));
}

/** The figures of some attempts, oldest first. */
export function figuresOf(attempts: readonly AttemptRecord[], passPercent = DEFAULT_PASS_PERCENT): Figures {
  const lines = attempts.map((a) => attemptLine(a, passPercent));
  const finished = lines.filter((l) => l.status === 'finished');
  const passed = finished.filter((l) => l.passed).length;
  const best = finished.reduce<AttemptLine | null>((top, l) => (top === null || l.percent > top.percent ? l : top), null);
  return {
    finished: finished.length,
    abandoned: lines.length - finished.length,
    passed,
    passRate: finished.length === 0 ? null : passed / finished.length,
    best,
    last: finished.at(-1) ?? null,
    medianMs: median(finished.map((l) => l.durationMs)),
    mistakes: countMistakes(attempts),
  };
}

const chronological = (a: AttemptRecord, b: AttemptRecord) => a.startedAt - b.startedAt || textOrder(a.id, b.id);

function groupBy<T>(items: readonly T[], key: (item: T) => string): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.entries()].sort(([a], [b]) => textOrder(a, b));
}

function exerciseReport(exerciseId: string, ofExercise: AttemptRecord[], passPercent: number): ExerciseReport {
  // an exercise renamed or re-marked later is shown by its newest title and policy
  const newest = ofExercise.at(-1)!;
  const counts = newest.scoreCounts ?? DEFAULT_POLICY.counts;
  const attempts = ofExercise.map((a) => attemptLine(a, passPercent));
  return {
    exerciseId,
    exerciseTitle: newest.exerciseTitle,
    counts,
    counted: countedOf(attempts.filter((l) => l.status === 'finished'), counts),
    attemptsAllowed: newest.attemptsAllowed ?? null,
    ownPolicy: newest.scoreCounts !== undefined || newest.attemptsAllowed !== undefined || newest.passScore !== undefined,
    ...figuresOf(ofExercise, passPercent),
    attempts,
  };
}

export function trainingReport(attempts: readonly AttemptRecord[], { passPercent = DEFAULT_PASS_PERCENT }: ReportOptions = {}): TrainingReport {
  const sorted = [...attempts].sort(chronological);
  return {
    passPercent,
    trainees: groupBy(sorted, (a) => a.trainee).map(([trainee, ofTrainee]) => ({
      trainee,
      ...figuresOf(ofTrainee, passPercent),
      exercises: groupBy(ofTrainee, (a) => a.exerciseId).map(([exerciseId, ofExercise]) => exerciseReport(exerciseId, ofExercise, passPercent)),
    })),
  };
}
