/**
 * Training in a tape (issue 15): `Train ID` puts the exercise's scene into the tape's setup, the
 * engine watches every key and clock move (`observe`), and `Say`, `ExpectScore`, `ExpectMistake`
 * run here. The probe answers the exercise's conditions from the running world and the store.
 */
import { cmp } from '../../domain/money.js';
import { smsLine } from '../../domain/mobile/smsText.js';
import type { Exercise } from '../../domain/training/exercise.js';
import { variantOf } from '../../domain/training/variant.js';
import type { TrainingAttempt, WorldProbe } from '../../domain/training/engine.js';
import { mistakesOf } from '../../domain/training/attempt.js';
import type { OrderCondition, SetupCommand, Step, Tape } from '../language/ast.js';
import { fillTemplate } from '../language/parseVariableSteps.js';
import { parseTape } from '../language/parse.js';
import { ORDER_CONDITION_CHECKS, statePathMatches } from './assertions.js';
import { StepFailure } from './failure.js';
import type { StepContext } from './stepContext.js';
import type { SyncKioskStore } from '../../domain/store.js';
import type { KioskDriver } from '../drivers/driver.js';
import type { KioskRules } from '../../domain/rules.js';
import { attemptAllowed, policyOf } from '../../domain/training/policy.js';
import type { Lang } from '../../domain/training/attempt.js';
import { t } from '../../i18n/index.js';

/** The tape's `Train` line, if any. */
export const trainLineOf = (tape: Tape): Extract<SetupCommand, { kind: 'train' }> | null =>
  tape.setup.find((c): c is Extract<SetupCommand, { kind: 'train' }> => c.kind === 'train') ?? null;

/**
 * The tape with the exercise's setup lines (of the variant its seed draws) in front of its own (a tape's own `Set Lang en` after
 * `Train` still counts). An unknown exercise fails the tape before it starts.
 */
export function withExerciseSetup(tape: Tape, exercises: () => readonly Exercise[]): { tape: Tape; exercise: Exercise | null } {
  const train = trainLineOf(tape);
  if (!train) return { tape, exercise: null };
  const all = exercises();
  const exercise = all.find((e) => e.id === train.exercise);
  if (!exercise) {
    throw new StepFailure('tape', `line ${train.line}: no exercise ${train.exercise}`, [`known: ${all.map((e) => e.id).join(', ')}`]);
  }
  // the variant the Train line's seed draws (none: the file's own numbers), so the tape stays deterministic
  const variant = variantOf(exercise, train.seed);
  const scene = parseTape(variant.setup.join('\n'), exercise.file).setup;
  return { tape: { ...tape, setup: [...scene, ...tape.setup] }, exercise: variant };
}

/**
 * The `Train` line past the exercise's `attempts` (issue 18 policies): refused as the Training
 * place's Start is, with its message. The trainee's attempts are those the tape's store keeps,
 * abandoned ones included (quitting is no way round the limit); null when one is left.
 */
export function attemptRefusal(tape: Tape, exercise: Exercise, store: Pick<SyncKioskStore, 'listTrainingAttempts'>, lang: Lang): StepFailure | null {
  const train = trainLineOf(tape);
  const policy = policyOf(exercise);
  if (!train || policy.attempts === null) return null;
  const trainee = train.trainee ?? TAPE_TRAINEE;
  const made = store.listTrainingAttempts({ trainee }).filter((a) => a.exerciseId === exercise.id).length;
  if (attemptAllowed(policy, made)) return null;
  return new StepFailure('assertion', `line ${train.line}: ${t(lang, 'training.briefing.noAttemptLeft', { allowed: policy.attempts })}`, [`${trainee} has made ${made} attempts at ${exercise.id}`]);
}

/** Who plays a `Train` line that names no trainee (`as "Name"`). */
export const TAPE_TRAINEE = 'tape';

/** What the exercise's conditions read: the places' state paths, the store. */
export function probeOf(harness: KioskDriver, store: SyncKioskStore, now: () => number, rules: KioskRules): WorldProbe {
  return {
    reached(path) {
      if (!harness.running || harness.quit) return false;
      const paths = [harness.view().statePath, harness.deskView?.()?.statePath].filter((p): p is string => p !== undefined);
      return paths.some((actual) => statePathMatches(actual, path));
    },
    ...storeProbeOf(store, now, rules),
  };
}

/** The conditions the store answers (orders, balances, SMS): the tape's probe and the Training place's sandbox share them. */
export function storeProbeOf(store: SyncKioskStore, now: () => number, rules: KioskRules): Omit<WorldProbe, 'reached'> {
  return {
    orderIs(selector, status) {
      const orders = selector.code !== undefined ? [store.findOrder(selector.code)].filter((o) => o !== undefined) : store.listOrders().filter((o) => o.phone === selector.phone);
      const check = ORDER_CONDITION_CHECKS[orderCondition(status)];
      return orders.some((order) => check(order, now(), rules));
    },
    balanceIs: (phone, amount) => cmp(store.phoneAccount(phone).balance, amount) === 0,
    smsContains: (phone, text) => store.phoneAccount(phone).sms.some((m) => smsLine(m, 'ru').includes(text) || smsLine(m, 'en').includes(text)),
    changeIs(code, verdict) {
      const receipt = store.deskReceipts().find((r) => r.code === code);
      const payment = receipt && store.tillState(receipt.place)?.payments.find((p) => p.receipt === receipt.number);
      if (!payment) return false;
      return verdict === 'wrong' ? payment.verdict.kind !== 'exact' : payment.verdict.kind === verdict;
    },
  };
}

/** The exercise file's order words are the tape's (`unpaid`, `partial`); the checks use the domain's. */
const orderCondition = (word: string): OrderCondition => (word === 'unpaid' ? 'awaiting' : word === 'partial' ? 'partially_paid' : (word as OrderCondition));

/** Steps the trainee takes: recorded into the attempt's tape (assertions and bookkeeping are not). */
const TRAINEE_ACTIONS: ReadonlySet<Step['kind']> = new Set(['key', 'type', 'press', 'tap', 'insert', 'advance', 'go', 'dial', 'reply', 'tillCustomer', 'give', 'setRole', 'topUp']);
export const isTraineeAction = (step: Step): boolean => TRAINEE_ACTIONS.has(step.kind === 'templated' ? step.inner : step.kind);

/** A step's line as run: a templated one (`Give $handBack`) with its values filled in. */
export function filledLine(step: Step, valueOf: (name: string) => string | undefined): string {
  if (step.kind !== 'templated') return step.raw;
  return fillTemplate(step.text, step.parts, (name) => valueOf(name) ?? `$${name}`).text.trim();
}

/** The line a trainee action is kept as in the attempt's tape, filled in so that the tape (and Try from here) stands on its own; null for any other step. */
export const traineeLine = (step: Step, valueOf: (name: string) => string | undefined): string | null =>
  isTraineeAction(step) ? filledLine(step, valueOf) : null;

export function runTrainStep(ctx: StepContext, step: Extract<Step, { kind: 'say' | 'expectScore' | 'expectMistake' }>): void {
  const attempt = requireAttempt(ctx);
  if (step.kind === 'say') return say(ctx, attempt, step.text);
  const record = attempt.finish(ctx.now(), 'finished');
  const board = record.checkpoints.map((c) => `${c.passed ? 'passed' : 'missed'} ${c.id} (${c.rule}) ${c.earned}/${c.points}`);
  if (step.kind === 'expectScore') {
    if (record.score !== step.score) throw new StepFailure('assertion', `expected the score ${step.score}, it is ${record.score} of ${record.maxScore}`, board);
    return;
  }
  const rules = new Set([...mistakesOf(record).map((c) => c.rule), ...attempt.mistakes.map((m) => m.rule)]);
  if (!rules.has(step.rule)) {
    throw new StepFailure('assertion', `expected a mistake against ${step.rule}; the mistakes are ${[...rules].join(', ') || 'none'}`, board);
  }
}

function say(ctx: StepContext, attempt: TrainingAttempt, text: string): void {
  const probe = ctx.trainingProbe();
  if (attempt.finished) throw new StepFailure('assertion', `Say "${text}": the exercise is over`);
  if (attempt.say(text, probe, ctx.now())) return;
  const question = attempt.openQuestion;
  const lang = ctx.settings.lang;
  throw new StepFailure(
    'assertion',
    question ? `Say "${text}": the customer's question has no such answer` : `Say "${text}": the customer asks nothing now`,
    question ? question.options.map((o) => `  "${o.text[lang]}"`) : [],
  );
}

function requireAttempt(ctx: StepContext): TrainingAttempt {
  if (!ctx.training) throw new StepFailure('assertion', 'no exercise runs: start one with Train EXERCISE-ID before Launch');
  return ctx.training;
}

/** The driver with `observe` called after every key, clock move and (re)launch: a training attempt scores what each one did. */
export function observedDriver(driver: KioskDriver, observe: () => void): KioskDriver {
  return new Proxy(driver, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      // a (re)launch counts too: after a power cut the restart completes the journaled payment
      if ((name !== 'keys' && name !== 'advance' && name !== 'launch') || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        observe();
        return result;
      };
    },
  });
}
