/**
 * What a store accepts as an attempt: both stores check the same way before writing anything, so a
 * bad record is refused whole (never half-kept) and the same record is refused by either store.
 */
import type { AnswerRecord, AttemptRecord, CheckpointResult } from './attempt.js';

const LANGS = ['ru', 'en'];
const STATUSES = ['finished', 'abandoned'];

class BadAttempt extends Error {
  constructor(id: unknown, what: string) {
    super(`training attempt ${JSON.stringify(id)}: ${what}`);
  }
}

const isWhole = (n: unknown): n is number => Number.isSafeInteger(n);
/** points are whole numbers, as in a checklist (the store keeps no binary fractions) */
const isScore = (n: unknown): n is number => isWhole(n) && n >= 0;
const isText = (s: unknown): s is string => typeof s === 'string' && s.trim() !== '';

function checkCheckpoint(id: string, checkpoint: CheckpointResult, index: number): void {
  const bad = (what: string) => new BadAttempt(id, `checkpoint ${index + 1} (${JSON.stringify(checkpoint.id)}): ${what}`);
  if (!isText(checkpoint.id)) throw bad('id must be a non-empty text');
  if (!isText(checkpoint.rule)) throw bad('rule must be a rule ID like R-TERM-2');
  if (!isScore(checkpoint.points) || !isScore(checkpoint.earned) || checkpoint.earned > checkpoint.points) {
    throw bad(`earned ${checkpoint.earned} of ${checkpoint.points} points: expected whole points, 0 ≤ earned ≤ points`);
  }
  if (checkpoint.atMs !== null && !isWhole(checkpoint.atMs)) throw bad(`atMs must be whole milliseconds or null, got ${checkpoint.atMs}`);
}

function checkAnswer(id: string, answer: AnswerRecord, index: number): void {
  const inRange = (n: unknown) => isWhole(n) && n >= 0 && n < answer.options.length;
  if (!isText(answer.question) || !Array.isArray(answer.options) || !inRange(answer.chosen) || !inRange(answer.right) || !isWhole(answer.atMs)) {
    throw new BadAttempt(id, `answer ${index + 1}: expected a question id, its options, the chosen and the right option's index and atMs`);
  }
}

/** Throws an Error naming the attempt and the field when `record` cannot be kept. */
export function checkAttemptRecord(record: AttemptRecord): void {
  const bad = (what: string) => new BadAttempt(record.id, what);
  if (!isText(record.id)) throw bad('id must be a non-empty text');
  if (!isText(record.trainee)) throw bad('trainee must be a non-empty name');
  if (!isText(record.exerciseId)) throw bad('exerciseId must be a non-empty text');
  if (!LANGS.includes(record.lang)) throw bad(`lang must be ru or en, got ${JSON.stringify(record.lang)}`);
  if (!STATUSES.includes(record.status)) throw bad(`status must be finished or abandoned, got ${JSON.stringify(record.status)}`);
  if (!isWhole(record.startedAt)) throw bad(`startedAt must be epoch milliseconds, got ${record.startedAt}`);
  if (!isWhole(record.durationMs) || record.durationMs < 0) throw bad(`durationMs must be whole milliseconds ≥ 0, got ${record.durationMs}`);
  if (!isScore(record.maxScore) || !isScore(record.score) || record.score > record.maxScore) {
    throw bad(`score ${record.score} of ${record.maxScore}: expected whole points, 0 ≤ score ≤ maxScore`);
  }
  if (record.passScore !== undefined && (!isScore(record.passScore) || record.passScore > record.maxScore)) {
    throw bad(`passScore ${record.passScore}: expected whole points, 0 ≤ passScore ≤ maxScore`);
  }
  if (record.scoreCounts !== undefined && !['first', 'best', 'last'].includes(record.scoreCounts)) throw bad(`scoreCounts must be first, best or last, got ${JSON.stringify(record.scoreCounts)}`);
  if (record.attemptsAllowed !== undefined && (!isWhole(record.attemptsAllowed) || record.attemptsAllowed < 1)) throw bad(`attemptsAllowed must be a whole number ≥ 1, got ${record.attemptsAllowed}`);
  record.answers?.forEach((answer, index) => checkAnswer(record.id, answer, index));
  if (record.seed !== undefined && (!isWhole(record.seed) || record.seed < 0 || record.seed > 0xffffffff)) throw bad(`seed must be a whole number 0 … 4294967295, got ${record.seed}`);
  if (typeof record.tape !== 'string') throw bad('tape must be the text of a tape');
  if (!Array.isArray(record.checkpoints)) throw bad('checkpoints must be a list');
  record.checkpoints.forEach((checkpoint, index) => checkCheckpoint(record.id, checkpoint, index));
}
