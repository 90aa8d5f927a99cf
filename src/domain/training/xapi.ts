/**
 * Training attempts as xAPI 1.0.3 statements (issue 18), for a trainer's Learning Record Store.
 * Pure and deterministic: the same attempt always makes the same statements, ids included (UUID v5
 * from the attempt and the checkpoint), so sending twice changes nothing in any LRS.
 *
 * Per attempt: `passed` or `failed` on the exercise (an assessment whose parent is the course), with
 * the score, completion, duration, language, seed and missed rules. Per decided checkpoint: an
 * `answered` on a `performance` interaction; per answer to the customer: an `answered` on a `choice`.
 * [choice] An abandoned attempt is `failed` with `completion: false` (ADL has no verb the issue asks
 * for it); an undecided checkpoint of an abandoned attempt was never answered, so it makes none.
 */
import Decimal from 'decimal.js';
import { v5 as uuidV5 } from 'uuid';
import type { AnswerRecord, AttemptRecord, Bilingual, CheckpointResult } from './attempt.js';
import { DEFAULT_PASS_PERCENT } from './passMark.js';
import { attemptLine } from './report.js';

/** The activities' and extensions' IRIs start here. */
export const XAPI_IRI = 'urn:aliexpress-kiosk:training';
/** The trainee's account's home page when the trainer gives none (`--xapi-home`). */
export const DEFAULT_HOME_PAGE = 'https://aliexpress-kiosk.invalid/trainees';

export const VERBS = {
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed' } },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-US': 'failed' } },
  answered: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
} as const;

export const ACTIVITY_TYPES = {
  course: 'http://adlnet.gov/expapi/activities/course',
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
} as const;

export const EXTENSIONS = {
  attempt: `${XAPI_IRI}:extension:attempt`,
  seed: `${XAPI_IRI}:extension:seed`,
  missedRules: `${XAPI_IRI}:extension:missed-rules`,
  rule: `${XAPI_IRI}:extension:rule`,
  exam: `${XAPI_IRI}:extension:exam`,
} as const;

/** The namespace of every statement id and registration: fixed, so ids never change between versions. */
const NAMESPACE = uuidV5(XAPI_IRI, uuidV5.URL);
const idFor = (name: string) => uuidV5(name, NAMESPACE);

type LanguageMap = Record<string, string>;
export interface Statement {
  id: string;
  actor: { objectType: 'Agent'; name: string; account: { homePage: string; name: string } };
  verb: { id: string; display: LanguageMap };
  object: { objectType: 'Activity'; id: string; definition: Record<string, unknown> };
  result: Record<string, unknown>;
  context: Record<string, unknown>;
  timestamp: string;
}

export interface XapiOptions {
  /** the pass mark in % for attempts whose exercise sets none (as `kiosk train report --pass-mark`) */
  passPercent?: number;
  /** the trainees' accounts' home page (the trainer's system) */
  homePage?: string;
}

const languageMap = (text: Bilingual): LanguageMap => ({ 'ru-RU': text.ru, 'en-US': text.en });
const LANGUAGE = { ru: 'ru-RU', en: 'en-US' } as const;

/** Milliseconds as an ISO 8601 duration: 184 500 → "PT3M4.5S", 0 → "PT0S". */
export function isoDuration(ms: number): string {
  const whole = Math.max(0, Math.round(ms));
  const [h, m] = [Math.floor(whole / 3_600_000), Math.floor((whole % 3_600_000) / 60_000)];
  const seconds = new Decimal(whole % 60_000).div(1000).toString();
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${seconds !== '0' || (!h && !m) ? `${seconds}S` : ''}`;
}

/** A score as xAPI has it: scaled in 0..1 (four decimals, computed in decimals), raw within min..max. */
export function xapiScore(raw: number, max: number) {
  const scaled = max <= 0 ? 1 : new Decimal(raw).div(max).toDecimalPlaces(4).toNumber();
  return { scaled, raw, min: 0, max };
}

export const exerciseIri = (exerciseId: string) => `${XAPI_IRI}:exercise:${exerciseId}`;
const COURSE = {
  objectType: 'Activity',
  id: XAPI_IRI,
  definition: { type: ACTIVITY_TYPES.course, name: { 'ru-RU': 'Оплата заказов AliExpress наличными', 'en-US': 'Paying AliExpress orders in cash' } },
} as const;

/** Every statement of one attempt: its answers and checkpoints in the order they happened, then its result. */
export function attemptStatements(attempt: AttemptRecord, options: XapiOptions = {}): Statement[] {
  const line = attemptLine(attempt, options.passPercent ?? DEFAULT_PASS_PERCENT);
  const actor = { objectType: 'Agent' as const, name: attempt.trainee, account: { homePage: options.homePage ?? DEFAULT_HOME_PAGE, name: attempt.trainee } };
  const registration = idFor(`attempt:${attempt.id}`);
  const exercise = { objectType: 'Activity' as const, id: exerciseIri(attempt.exerciseId), definition: { type: ACTIVITY_TYPES.assessment, name: languageMap(attempt.exerciseTitle) } };
  const context = (extra: Record<string, unknown>) => ({
    registration,
    contextActivities: extra.parent ? { parent: [extra.parent], grouping: [COURSE] } : { parent: [COURSE] },
    language: LANGUAGE[attempt.lang],
    extensions: {
      [EXTENSIONS.attempt]: attempt.id,
      ...(attempt.seed !== undefined ? { [EXTENSIONS.seed]: attempt.seed } : {}),
      ...(extra.extensions as object | undefined),
    },
  });
  const at = (ms: number) => new Date(attempt.startedAt + ms).toISOString();

  const checkpoint = (c: CheckpointResult & { atMs: number }): Statement => ({
    id: idFor(`attempt:${attempt.id}:checkpoint:${c.id}`),
    actor,
    verb: VERBS.answered,
    object: {
      objectType: 'Activity',
      id: `${exercise.id}:checkpoint:${c.id}`,
      definition: { type: ACTIVITY_TYPES.interaction, name: languageMap(c.title), interactionType: 'performance', correctResponsesPattern: [`${c.id}[.]passed`] },
    },
    result: { success: c.passed, score: xapiScore(c.earned, c.points), response: `${c.id}[.]${c.passed ? 'passed' : 'missed'}` },
    context: context({ parent: exercise, extensions: { [EXTENSIONS.rule]: c.rule } }),
    timestamp: at(c.atMs),
  });

  const answer = (a: AnswerRecord): Statement => ({
    id: idFor(`attempt:${attempt.id}:answer:${a.question}`),
    actor,
    verb: VERBS.answered,
    object: {
      objectType: 'Activity',
      id: `${exercise.id}:question:${a.question}`,
      definition: {
        type: ACTIVITY_TYPES.interaction,
        name: languageMap(a.ask),
        interactionType: 'choice',
        correctResponsesPattern: [`option-${a.right + 1}`],
        choices: a.options.map((text, i) => ({ id: `option-${i + 1}`, description: languageMap(text) })),
      },
    },
    result: { success: a.chosen === a.right, response: `option-${a.chosen + 1}` },
    context: context({ parent: exercise }),
    timestamp: at(a.atMs),
  });

  const steps = [
    ...(attempt.answers ?? []).map((a) => ({ atMs: a.atMs, statement: answer(a) })),
    ...attempt.checkpoints.filter((c): c is CheckpointResult & { atMs: number } => c.atMs !== null).map((c) => ({ atMs: c.atMs, statement: checkpoint(c) })),
  ].sort((a, b) => a.atMs - b.atMs);

  const outcome: Statement = {
    id: idFor(`attempt:${attempt.id}:result`),
    actor,
    verb: line.passed ? VERBS.passed : VERBS.failed,
    object: exercise,
    result: {
      success: line.passed,
      completion: attempt.status === 'finished',
      score: xapiScore(attempt.score, attempt.maxScore),
      duration: isoDuration(attempt.durationMs),
      extensions: { [EXTENSIONS.missedRules]: line.missedRules },
    },
    context: context({ extensions: { [EXTENSIONS.exam]: attempt.exam } }),
    timestamp: at(attempt.durationMs),
  };
  return [...steps.map((s) => s.statement), outcome];
}

/** Every statement of these attempts, attempt by attempt, as JSON lines. */
export function statementsJsonLines(attempts: readonly AttemptRecord[], options: XapiOptions = {}): string {
  return attempts.flatMap((a) => attemptStatements(a, options)).map((s) => `${JSON.stringify(s)}\n`).join('');
}
