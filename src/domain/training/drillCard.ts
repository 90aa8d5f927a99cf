/**
 * A drill card as the stores keep it, and the check both stores make before keeping one. Apart from
 * src/domain/training/drill.ts (the FSRS scheduler, `ts-fsrs`) so that the stores, which every start
 * opens, do not load the scheduler: only saving an attempt reviews cards (src/adapters/trainingActors.ts).
 */

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

const isFiniteNumber = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/** Throws naming the card and the field when a store cannot keep it (both stores check the same way). */
export function checkDrillCard(card: DrillCard): void {
  const bad = (what: string) => new Error(`drill card ${JSON.stringify(card.trainee)}/${JSON.stringify(card.rule)}: ${what}`);
  if (typeof card.trainee !== 'string' || card.trainee.trim() === '') throw bad('trainee must be a non-empty name');
  if (typeof card.rule !== 'string' || card.rule.trim() === '') throw bad('rule must be a rule ID like R-TERM-2');
  if (!Number.isSafeInteger(card.due)) throw bad(`due must be epoch milliseconds, got ${card.due}`);
  if (typeof card.lastAttemptId !== 'string' || card.lastAttemptId === '') throw bad('lastAttemptId must be an attempt id');
  const { lastReview, ...numbers } = card.memory;
  for (const [field, value] of Object.entries(numbers)) if (!isFiniteNumber(value)) throw bad(`memory.${field} must be a number, got ${String(value)}`);
  if (lastReview !== null && !Number.isSafeInteger(lastReview)) throw bad(`memory.lastReview must be epoch milliseconds or null, got ${lastReview}`);
}
