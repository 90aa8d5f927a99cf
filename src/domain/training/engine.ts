/**
 * The exercise engine (issue 15): scores an attempt's checkpoints as the world moves, from what a
 * probe of the world answers (state paths, the sandbox store), and makes the AttemptRecord. Pure:
 * the caller gives the program clock's time with every call and the probe; saving is a callback.
 *
 * A `when` checkpoint passes the moment its condition holds, and is missed when its time runs out
 * (`within`) or the attempt ends first. A `never` checkpoint is missed the moment its condition
 * holds and passes at the end. A `said` condition is decided by the first option chosen.
 */
import type { AnswerRecord, AttemptRecord, AttemptStatus, Bilingual, CheckpointResult, Lang } from './attempt.js';
import type { ChangeWord, Checkpoint, Condition, Exercise, SayOption, SayQuestion } from './exercise.js';
import { passScoreForMastery, policyOf } from './policy.js';

/** What the engine may ask of the world; the tape runner and the app each implement it. */
export interface WorldProbe {
  /** a place's state path matches (as ExpectState: a prefix of whole segments) */
  reached(path: string): boolean;
  orderIs(selector: { code?: string; phone?: string }, status: string): boolean;
  balanceIs(phone: string, amount: string): boolean;
  smsContains(phone: string, text: string): boolean;
  /** the till's payment of this order compares so with the change due; false while there is none */
  changeIs(code: string, verdict: ChangeWord): boolean;
}

export interface AttemptOptions {
  exercise: Exercise;
  trainee: string;
  lang: Lang;
  exam: boolean;
  /** program clock, epoch ms */
  startedAt: number;
  attemptId: string;
  /** called once with the record when the attempt ends, finished or abandoned */
  saveAttempt?: (record: AttemptRecord) => void;
}

/** A mistake as the side line shows it the moment it happens. */
export interface MistakeNote {
  checkpointId: string;
  /** the checkpoint's rule, or the rule a wrong answer breaks */
  rule: string;
  title: Bilingual;
}

export class TrainingAttempt {
  readonly exercise: Exercise;
  private readonly results = new Map<string, CheckpointResult>();
  /** question id → the option chosen first */
  private readonly answers = new Map<string, SayOption>();
  /** the answers as the record keeps them, in the order given */
  private readonly answerRecords: AnswerRecord[] = [];
  private readonly opened = new Set<string>();
  private readonly tapeLines: string[];
  private readonly mistakeNotes: MistakeNote[] = [];
  private record: AttemptRecord | null = null;

  constructor(private readonly options: AttemptOptions) {
    this.exercise = options.exercise;
    const trainee = options.trainee.replace(/["\\]/g, '');
    // a tape that replays the session: the scene comes from the exercise, the language is the trainee's
    // the seed goes on the Train line: the replay draws the same numbers
    const seed = options.exercise.drawn?.seed ?? null;
    this.tapeLines = [`Train ${options.exercise.id} as "${trainee}"${seed === null ? '' : ` seed ${seed}`}`, `Set Lang ${options.lang}`, '', 'Launch'];
  }

  get finished(): AttemptRecord | null {
    return this.record;
  }

  get mistakes(): readonly MistakeNote[] {
    return this.mistakeNotes;
  }

  /** The checkpoints as decided so far (undecided ones are not passed yet, earned 0, atMs null). */
  get checkpoints(): CheckpointResult[] {
    return this.exercise.checkpoints.map((c) => this.results.get(c.id) ?? this.pending(c));
  }

  get score(): number {
    return this.checkpoints.reduce((sum, c) => sum + c.earned, 0);
  }

  get maxScore(): number {
    return this.exercise.checkpoints.reduce((sum, c) => sum + c.points, 0);
  }

  /**
   * A line of the trainee's session, as a tape writes it (`Press "Next"`, `Insert 5000`); replacing
   * the last line grows a `Type` line as the trainee types key by key.
   */
  recordLine(line: string, replacesLast = false): void {
    // Stryker disable next-line ConditionalExpression: equivalent, because the tape is read once, when the record is made; a line after that is never seen
    if (this.record) return;
    if (replacesLast && this.tapeLines.length > 4) this.tapeLines[this.tapeLines.length - 1] = line;
    else this.tapeLines.push(line);
  }

  /** The open question the customer asks now, if any. */
  get openQuestion(): SayQuestion | null {
    return this.exercise.say.find((q) => this.opened.has(q.id) && !this.answers.has(q.id)) ?? null;
  }

  /** What the customer says now: the open question, else the latest line of the story. */
  get speech(): Bilingual | null {
    return this.openQuestion?.ask ?? this.exercise.story.at(-1) ?? null;
  }

  /**
   * Looks at the world now: opens questions, decides the checkpoints that can be decided, ends
   * the attempt when its end holds. Returns the checkpoints decided by this look.
   */
  observe(probe: WorldProbe, now: number): CheckpointResult[] {
    if (this.record) return [];
    for (const question of this.exercise.say) {
      if (!this.opened.has(question.id) && (!question.after || this.holds(question.after, probe))) this.opened.add(question.id);
    }
    const decided: CheckpointResult[] = [];
    const atMs = now - this.options.startedAt;
    for (const checkpoint of this.exercise.checkpoints) {
      if (this.results.has(checkpoint.id)) continue;
      const verdict = this.verdict(checkpoint, probe, atMs);
      if (verdict !== null) decided.push(this.decide(checkpoint, verdict, atMs));
    }
    if (this.isOver(probe)) this.finish(now, 'finished');
    return decided;
  }

  /**
   * The trainee says one of the open question's options (its text in either language, spaces and
   * case aside). Returns the option, or null when no open question has it.
   */
  say(text: string, probe: WorldProbe, now: number): SayOption | null {
    if (this.record) return null;
    this.observe(probe, now);
    const wanted = normalise(text);
    const question = this.exercise.say.find((q) => this.opened.has(q.id) && !this.answers.has(q.id) && q.options.some((o) => matches(o, wanted)));
    const option = question?.options.find((o) => matches(o, wanted));
    if (!question || !option) return null;
    this.answers.set(question.id, option);
    this.answerRecords.push({
      question: question.id, ask: question.ask, options: question.options.map((o) => o.text),
      chosen: question.options.indexOf(option), right: question.options.findIndex((o) => o.right), atMs: now - this.options.startedAt,
    });
    this.recordLine(`Say ${JSON.stringify(option.text[this.options.lang])}`);
    if (!option.right && option.breaks) {
      const checkpoint = this.exercise.checkpoints.find((c) => c.when && mentionsSaid(c.when, question.id));
      this.mistakeNotes.push({ checkpointId: checkpoint?.id ?? question.id, rule: option.breaks, title: option.text });
    }
    this.observe(probe, now);
    return option;
  }

  /** Ends the attempt (the trainee quits: `abandoned`); undecided checkpoints are decided now. Saves once. */
  finish(now: number, status: AttemptStatus): AttemptRecord {
    if (this.record) return this.record;
    const atMs = now - this.options.startedAt;
    for (const checkpoint of this.exercise.checkpoints) {
      if (this.results.has(checkpoint.id)) continue;
      // at the end a `never` that never happened is kept; a `when` that never happened is missed
      this.decide(checkpoint, checkpoint.when === undefined, atMs);
    }
    const { exercise, trainee, lang, exam, startedAt, attemptId } = this.options;
    const policy = policyOf(exercise);
    this.record = {
      id: attemptId,
      trainee,
      exerciseId: exercise.id,
      exerciseTitle: exercise.title,
      lang,
      startedAt,
      durationMs: atMs,
      status,
      score: this.score,
      maxScore: this.maxScore,
      // the policy is copied into the record, so that a later edit of the file does not rewrite history
      ...(policy.mastery !== null ? { passScore: passScoreForMastery(policy.mastery, this.maxScore) } : {}),
      exam: exam || policy.feedback === 'deferred',
      ...(exercise.drawn && exercise.drawn.seed !== null ? { seed: exercise.drawn.seed } : {}),
      checkpoints: this.checkpoints,
      ...(this.answerRecords.length > 0 ? { answers: this.answerRecords.map((a) => ({ ...a })) } : {}),
      ...(exercise.policy?.counts ? { scoreCounts: policy.counts } : {}),
      ...(policy.attempts !== null ? { attemptsAllowed: policy.attempts } : {}),
      tape: `${this.tapeLines.join('\n')}\n`,
    };
    this.options.saveAttempt?.(this.record);
    return this.record;
  }

  /** true passed, false missed, null not yet */
  private verdict(checkpoint: Checkpoint, probe: WorldProbe, atMs: number): boolean | null {
    if (checkpoint.never && this.holds(checkpoint.never, probe)) return false;
    if (checkpoint.when) {
      const said = this.saidVerdict(checkpoint.when);
      if (said === false) return false;
      if (this.holds(checkpoint.when, probe)) return true;
      if (checkpoint.withinMs !== undefined && atMs > checkpoint.withinMs) return false;
    }
    return null;
  }

  /** A `said` condition answered wrong is decided at once: the first answer counts. */
  private saidVerdict(condition: Condition): boolean | null {
    if (!('said' in condition)) return null;
    const answer = this.answers.get(condition.said);
    return answer === undefined ? null : answer.right;
  }

  private decide(checkpoint: Checkpoint, passed: boolean, atMs: number): CheckpointResult {
    const result: CheckpointResult = {
      ...this.pending(checkpoint),
      earned: passed ? checkpoint.points : 0,
      passed,
      atMs,
      ...(passed ? {} : { source: checkpoint.source, rightAction: checkpoint.right }),
    };
    this.results.set(checkpoint.id, result);
    const alreadyNoted = this.mistakeNotes.some((n) => n.checkpointId === checkpoint.id);
    if (!passed && !alreadyNoted) this.mistakeNotes.push({ checkpointId: checkpoint.id, rule: checkpoint.rule, title: checkpoint.title });
    return result;
  }

  private pending(checkpoint: Checkpoint): CheckpointResult {
    const { id, rule, title, points } = checkpoint;
    return { id, rule, title, points, earned: 0, passed: false, atMs: null };
  }

  private isOver(probe: WorldProbe): boolean {
    if (this.exercise.end) return this.holds(this.exercise.end, probe);
    return this.exercise.checkpoints.every((c) => c.when === undefined || this.results.has(c.id));
  }

  private holds(condition: Condition, probe: WorldProbe): boolean {
    if ('reached' in condition) return probe.reached(condition.reached);
    if ('order' in condition) return probe.orderIs(condition.order, condition.order.status);
    if ('balance' in condition) return probe.balanceIs(condition.balance.phone, condition.balance.is);
    if ('sms' in condition) return probe.smsContains(condition.sms.phone, condition.sms.contains);
    if ('change' in condition) return probe.changeIs(condition.change.code, condition.change.is);
    if ('said' in condition) return this.answers.get(condition.said)?.right === true;
    return condition.all.every((c) => this.holds(c, probe));
  }
}

// on a line of its own so that the directive spares the other mutants of normalise
// Stryker disable next-line MethodExpression: equivalent, because toUpperCase folds both sides alike too; the two part only for letters such as ß or final ς, which Russian and English lack
const foldCase = (text: string) => text.toLowerCase();
const normalise = (text: string) => foldCase(text.replace(/\s+/g, ' ').trim());
const matches = (option: SayOption, wanted: string) => normalise(option.text.ru) === wanted || normalise(option.text.en) === wanted;
const mentionsSaid = (condition: Condition, question: string): boolean =>
  ('said' in condition && condition.said === question) || ('all' in condition && condition.all.some((c) => mentionsSaid(c, question)));
