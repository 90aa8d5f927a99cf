/**
 * The drill of a trainee's weak rules (issue 18, part 3): every rule an attempt missed becomes a card
 * of a spaced-repetition schedule (FSRS, the `ts-fsrs` scheduler); each later attempt that checks
 * the rule reviews its card (missed: Again, kept: Good). `kiosk train drill` offers the shortest
 * exercises that check the rules now due. Pure: the time is always given (the program clock).
 */
import { fsrs, Rating, State, type Card, type Grade } from 'ts-fsrs';
import type { AttemptRecord } from './attempt.js';
import type { Exercise } from './exercise.js';
// never equal here: one trainee's cards hold a rule once (the stores' key), exercise ids are unique (load.ts)
import { textOrder } from './textOrder.js';

/** The scheduler's memory of one rule, as the store keeps it (times in epoch ms, never Dates). */
export interface DrillMemory {
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  /** 0 new, 1 learning, 2 review, 3 relearning (ts-fsrs State) */
  state: number;
  lastReview: number | null;
}

/** One rule of one trainee's drill. */
export interface DrillCard {
  trainee: string;
  rule: string;
  /** program-clock epoch ms when the rule is due again */
  due: number;
  memory: DrillMemory;
  /** the attempt that reviewed it last: the same attempt never reviews a card twice */
  lastAttemptId: string;
}

/** No fuzz: the same attempts at the same times give the same schedule (tests, and a trainer's questions). */
const scheduler = fsrs({ enable_fuzz: false });

const toCard = (c: DrillCard): Card => ({
  due: new Date(c.due),
  stability: c.memory.stability,
  difficulty: c.memory.difficulty,
  elapsed_days: 0,
  scheduled_days: c.memory.scheduledDays,
  learning_steps: c.memory.learningSteps,
  reps: c.memory.reps,
  lapses: c.memory.lapses,
  state: c.memory.state as State,
  ...(c.memory.lastReview === null ? {} : { last_review: new Date(c.memory.lastReview) }),
});

const fromCard = (trainee: string, rule: string, card: Card, attemptId: string): DrillCard => ({
  trainee,
  rule,
  due: card.due.getTime(),
  memory: {
    stability: card.stability, difficulty: card.difficulty, scheduledDays: card.scheduled_days, learningSteps: card.learning_steps,
    reps: card.reps, lapses: card.lapses, state: card.state, lastReview: card.last_review ? card.last_review.getTime() : null,
  },
  lastAttemptId: attemptId,
});

/** A card never reviewed, due at once (what ts-fsrs's createEmptyCard gives, without reading any clock). */
const emptyCard = (now: number): Card => ({
  due: new Date(now), stability: 0, difficulty: 0, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0, state: State.New,
});

/**
 * How an attempt judged each rule it checked: missed when any checkpoint of the rule was missed.
 * An abandoned attempt judges only what was decided before the trainee stopped (the rest was
 * missed only because the attempt ended).
 */
export function rulesJudged(record: AttemptRecord): Map<string, boolean> {
  const judged = new Map<string, boolean>();
  for (const c of record.checkpoints) {
    const decided = record.status === 'finished' || (c.atMs !== null && c.atMs < record.durationMs);
    if (!decided) continue;
    judged.set(c.rule, (judged.get(c.rule) ?? true) && c.passed);
  }
  return judged;
}

/**
 * The cards an attempt changes, reviewed at `now`: a missed rule gets a card (or its card rated
 * Again), a kept rule that has a card is rated Good; a kept rule without one stays out of the drill.
 */
export function reviewDrill(cards: readonly DrillCard[], record: AttemptRecord, now: number): DrillCard[] {
  const changed: DrillCard[] = [];
  for (const [rule, kept] of rulesJudged(record)) {
    const known = cards.find((c) => c.trainee === record.trainee && c.rule === rule);
    if (known?.lastAttemptId === record.id) continue;
    if (!known && kept) continue;
    const grade: Grade = kept ? Rating.Good : Rating.Again;
    const next = scheduler.next(known ? toCard(known) : emptyCard(now), new Date(now), grade).card;
    changed.push(fromCard(record.trainee, rule, next, record.id));
  }
  return changed;
}


/** The rules due at `now`, the longest overdue first. */
export const dueRules = (cards: readonly DrillCard[], now: number): string[] =>
  cards.filter((c) => c.due <= now).sort((a, b) => a.due - b.due || textOrder(a.rule, b.rule)).map((c) => c.rule);

/** When the next card falls due after `now`, or null when the trainee has none. */
export function nextDue(cards: readonly DrillCard[], now: number): number | null {
  const later = cards.filter((c) => c.due > now).map((c) => c.due);
  return later.length > 0 ? Math.min(...later) : null;
}

/** One exercise of a drill and the due rules it checks. */
export interface DrillItem {
  exercise: Exercise;
  rules: string[];
}

/** Short first: fewer checkpoints, then easier, then by id. */
const shorter = (a: Exercise, b: Exercise) => a.checkpoints.length - b.checkpoints.length || a.difficulty - b.difficulty || textOrder(a.id, b.id);

/**
 * The drill for these due rules: for each rule (most overdue first) not yet covered, the shortest
 * exercise that checks it; an exercise checking several due rules counts for all of them. At most
 * `max` exercises; a rule no exercise checks is left out (the caller says so).
 */
export function pickDrill(exercises: readonly Exercise[], due: readonly string[], max = 3): DrillItem[] {
  const checks = (e: Exercise, rule: string) => e.checkpoints.some((c) => c.rule === rule);
  const items: DrillItem[] = [];
  for (const rule of due) {
    if (items.length >= max) break;
    if (items.some((item) => item.rules.includes(rule))) continue;
    // no exercise picked already checks this rule (it would have covered it above), so none is picked twice
    const exercise = exercises.filter((e) => checks(e, rule)).sort(shorter)[0];
    if (exercise) items.push({ exercise, rules: due.filter((r) => checks(exercise, r)) });
  }
  return items;
}

/** Throws naming the card and the field when a store cannot keep it (both stores check the same way). */
export function checkDrillCard(card: DrillCard): void {
  const bad = (what: string) => new Error(`drill card ${JSON.stringify(card.trainee)}/${JSON.stringify(card.rule)}: ${what}`);
  if (typeof card.trainee !== 'string' || card.trainee.trim() === '') throw bad('trainee must be a non-empty name');
  if (typeof card.rule !== 'string' || card.rule.trim() === '') throw bad('rule must be a rule ID like R-TERM-2');
  if (!Number.isSafeInteger(card.due)) throw bad(`due must be epoch milliseconds, got ${card.due}`);
  if (typeof card.lastAttemptId !== 'string' || card.lastAttemptId === '') throw bad('lastAttemptId must be an attempt id');
  const { lastReview, ...numbers } = card.memory;
  for (const [field, value] of Object.entries(numbers)) if (!Number.isFinite(value)) throw bad(`memory.${field} must be a number, got ${String(value)}`);
  if (lastReview !== null && !Number.isSafeInteger(lastReview)) throw bad(`memory.lastReview must be epoch milliseconds or null, got ${lastReview}`);
}
