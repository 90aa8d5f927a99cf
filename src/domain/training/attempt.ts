/**
 * What one training attempt leaves behind (issue 15): shared by the exercise engine, which fills it,
 * and the store and reports, which keep and summarise it. Practice runs in a sandbox store of its
 * own, so none of its money reaches the real store's orders, journal or encashments; only this
 * record does.
 */
export type Lang = 'ru' | 'en';

/** Text in both languages the program speaks. */
export interface Bilingual {
  ru: string;
  en: string;
}

/** Where an exercise happens. */
export type TrainingPlace = 'terminal' | 'cashier' | 'post' | 'site' | 'phone';

/** Whom the trainee plays. */
export type TrainingRole = 'customer' | 'salon-employee' | 'cashier' | 'post-clerk';

/** One line of `kiosk train list`. */
export interface ExerciseSummary {
  id: string;
  title: Bilingual;
  goal: Bilingual;
  place: TrainingPlace;
  role: TrainingRole;
  /** 1 easy … 3 hard */
  difficulty: 1 | 2 | 3;
  /** the DOMAIN.md rule IDs its checkpoints come from */
  rules: string[];
}

/** How one checkpoint of an attempt went. */
export interface CheckpointResult {
  id: string;
  /** the rule it comes from, e.g. R-TERM-2 */
  rule: string;
  title: Bilingual;
  points: number;
  earned: number;
  passed: boolean;
  /** program-clock milliseconds since the attempt started when it was decided; null if never */
  atMs: number | null;
  /** for a miss: the sentence of the source text the rule comes from */
  source?: Bilingual;
  /** for a miss: what the right action was */
  rightAction?: Bilingual;
}

export type AttemptStatus = 'finished' | 'abandoned';

/** Which of a trainee's finished attempts at an exercise counts (issue 18 policies). */
export type ScoreCounts = 'first' | 'best' | 'last';

/** The trainee's first answer to one of the customer's questions (issue 18: an xAPI `choice` interaction). */
export interface AnswerRecord {
  /** the `say` question's id */
  question: string;
  ask: Bilingual;
  options: Bilingual[];
  /** index into options of the option chosen */
  chosen: number;
  /** index into options of the right one */
  right: number;
  /** program-clock milliseconds since the attempt started */
  atMs: number;
}

/** One attempt, as the store keeps it and the reports read it. */
export interface AttemptRecord {
  /** unique, e.g. `a-<epoch ms>-<n>`; what `kiosk train replay` takes */
  id: string;
  trainee: string;
  exerciseId: string;
  exerciseTitle: Bilingual;
  lang: Lang;
  /** epoch ms of the program clock when the attempt started */
  startedAt: number;
  /** program-clock time the attempt took */
  durationMs: number;
  status: AttemptStatus;
  score: number;
  maxScore: number;
  /**
   * the score this exercise asks for to pass, when it sets its own pass mark; absent: the report's
   * default (80 % of maxScore, src/domain/training/passMark.ts)
   */
  passScore?: number;
  /** whether the exercise was run with --exam (mistakes not shown as they happen) */
  exam: boolean;
  /** the seed the exercise's numbers were drawn from (issue 18); absent: the file's own numbers */
  seed?: number;
  checkpoints: CheckpointResult[];
  /** the customer's questions the trainee answered, in order (absent in records made before issue 18) */
  answers?: AnswerRecord[];
  /** the exercise's policy when the attempt was made: which attempt counts; absent: best */
  scoreCounts?: ScoreCounts;
  /** the exercise's policy when the attempt was made: how many attempts a trainee has; absent: no limit */
  attemptsAllowed?: number;
  /** the trainee's session as a tape (Train … then the keys and Say lines), for `kiosk train replay` */
  tape: string;
}

/** The missed checkpoints of an attempt: its mistakes. */
export const mistakesOf = (attempt: AttemptRecord): CheckpointResult[] =>
  attempt.checkpoints.filter((checkpoint) => !checkpoint.passed);
