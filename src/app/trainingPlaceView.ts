/**
 * What the Training place shows (issue 15), from its machine's snapshot: the name prompt, the
 * catalog, an exercise's briefing, the lines over a running exercise (the customer's speech, the
 * side line, the keys), the customer's question with its answers, the debrief. Screens render it.
 */
import type { SnapshotFrom } from 'xstate';
import type { trainingMachine } from '../../machines/training.js';
import type { WorldActor } from '../../machines/world.js';
import type { Lang } from '../domain/training/attempt.js';
import { t } from '../i18n/index.js';
import type { Exercise } from '../domain/training/exercise.js';
import { masteryPercent, policyOf } from '../domain/training/policy.js';
import { catalogViewOf, debriefViewOf, minutesSeconds, type CatalogView, type DebriefView } from './trainingView.js';
import { condensed } from '../training/screenRows.js';

/** `kiosk train drill`: the catalog says which due rules its exercises were picked for. */
const drillTitled = (catalog: CatalogView, rules: readonly string[], lang: Lang): CatalogView =>
  rules.length === 0 ? catalog : { ...catalog, title: t(lang, 'training.drill.title', { rules: rules.join(', ') }) };
import { varies } from '../domain/training/variant.js';

export interface BriefingView {
  title: string;
  scene: string;
  goal: string;
  rules: string;
  customerTitle: string;
  customer: string;
  exam: string | null;
  /** the exercise's own policy (issue 18): attempts used, pass mark, which attempt counts; null: none set */
  policy: string | null;
  /** Start pressed with no attempt left */
  refusal: string | null;
  /** the seed the numbers were drawn from, for exercises that draw any (issue 18) */
  seed: string | null;
  keys: string;
}

export interface RunningView {
  speech: string;
  /** the latest mistake (`✗ R-TERM-2 · …`), "no mistakes so far", or "Exam" under --exam */
  side: string;
  mistake: boolean;
  keys: string;
  /** the exercise's own world, once it has started */
  sandbox: WorldActor | null;
}

export interface AnsweringView {
  speech: string;
  title: string;
  options: string[];
  keys: string;
}

export type TrainingPlaceView =
  | { screen: 'naming'; title: string; prompt: string; keys: string }
  | { screen: 'catalog'; catalog: CatalogView; empty: string | null; keys: string }
  | { screen: 'briefing'; briefing: BriefingView }
  | { screen: 'running'; running: RunningView }
  | { screen: 'answering'; answering: AnsweringView }
  | { screen: 'saving'; text: string }
  | { screen: 'debrief'; debrief: DebriefView; error: string | null; keys: string }
  | { screen: 'mistake'; mistake: MistakeView };

/** The debrief's first mistake (issue 18): its rule, the key, and the screen before or after it. */
export interface MistakeView {
  title: string;
  key: string;
  right: string | null;
  label: string;
  /** the kiosk's screen, its blank rows condensed */
  screen: string[];
  /** the marker of rows cropped from a screen taller than the rows left, `{count}` for how many */
  cropped: string;
  error: string | null;
  keys: string;
}

/** From the kiosk's frame down: the replay's place bar is not what the trainee saw in the sandbox. */
const framed = (rows: string[]): string[] => {
  const top = rows.findIndex((row) => row.startsWith('╭'));
  return top > 0 ? rows.slice(top) : rows;
};

function mistakeViewOf(context: SnapshotFrom<typeof trainingMachine>['context']): MistakeView {
  const { lang, moment, momentError, showAfter } = context;
  const error = momentError === null ? null : t(lang, 'training.mistake.error', { error: momentError });
  if (!moment) return { title: '', key: '', right: null, label: '', screen: [], cropped: '', error: error ?? t(lang, 'training.mistake.error', { error: '?' }), keys: t(lang, 'training.mistake.keysNoTry') };
  return {
    title: t(lang, 'training.mistake.title', { rule: moment.rule, title: moment.title[lang] }),
    key: moment.key === null ? t(lang, 'training.mistake.noKey') : t(lang, 'training.mistake.key', { key: moment.key, time: minutesSeconds(moment.atMs ?? 0) }),
    right: moment.rightAction ? t(lang, 'training.mistake.right', { text: moment.rightAction[lang] }) : null,
    label: showAfter ? t(lang, 'training.mistake.after') : t(lang, 'training.mistake.before', { path: moment.beforeStatePath ?? '?' }),
    screen: framed(condensed(showAfter ? moment.after : moment.before)),
    cropped: t(lang, 'training.mistake.cropped'),
    error,
    keys: t(lang, 'training.mistake.keys'),
  };
}

export function trainingPlaceViewOf(snapshot: SnapshotFrom<typeof trainingMachine>): TrainingPlaceView {
  const { context } = snapshot;
  const lang: Lang = context.lang;
  if (snapshot.matches('naming')) {
    return { screen: 'naming', title: t(lang, 'training.naming.title'), prompt: t(lang, 'training.naming.prompt', { name: `${context.trainee}▏` }), keys: t(lang, 'training.naming.keys') };
  }
  const exercise = context.exercise;
  // deferred feedback (the exercise's policy) is an exam like --exam: no mistake line while it runs
  const exam = context.exam || (exercise !== null && policyOf(exercise).feedback === 'deferred');
  if (snapshot.matches('briefing') && exercise) {
    const { attempts } = policyOf(exercise);
    return {
      screen: 'briefing',
      briefing: {
        title: exercise.title[lang],
        scene: t(lang, 'training.briefing.scene', { place: t(lang, `training.place.${exercise.place}`), role: t(lang, `training.role.${exercise.role}`), n: exercise.difficulty }),
        goal: t(lang, 'training.briefing.goal', { goal: exercise.goal[lang] }),
        rules: t(lang, 'training.briefing.rules', { rules: exercise.rules.join(', ') }),
        customerTitle: t(lang, 'training.briefing.customer'),
        customer: `«${exercise.story[0]?.[lang] ?? ''}»`,
        exam: exam ? t(lang, 'training.briefing.exam') : null,
        policy: policyLine(exercise, context.attemptsMade, lang),
        refusal: context.refused && attempts !== null ? t(lang, 'training.briefing.noAttemptLeft', { allowed: attempts }) : null,
        seed: varies(exercise) && exercise.drawn?.seed != null ? t(lang, 'training.briefing.seed', { seed: exercise.drawn.seed }) : null,
        keys: t(lang, 'training.briefing.keys'),
      },
    };
  }
  const attempt = context.attempt;
  const speech = t(lang, 'training.running.speech', { text: attempt?.speech?.[lang] ?? exercise?.story.at(-1)?.[lang] ?? '' });
  if (snapshot.matches({ running: 'answering' }) && attempt?.openQuestion) {
    const options = attempt.openQuestion.options.map((o, i) => `[${i + 1}] ${o.text[lang]}`);
    return { screen: 'answering', answering: { speech, title: t(lang, 'training.answering.title'), options, keys: t(lang, 'training.answering.keys', { n: options.length }) } };
  }
  if (snapshot.matches('running')) {
    const last = attempt?.mistakes.at(-1);
    const side = !attempt
      ? t(lang, 'training.running.starting')
      // practice first: Try from here in an exam is not scored either
      : context.practice
        ? t(lang, 'training.running.practice')
        : exam
          ? t(lang, 'training.running.exam')
          : last
          ? t(lang, 'training.running.mistake', { rule: last.rule, title: last.title[lang] })
          : t(lang, 'training.running.clean');
    const keys = t(lang, attempt?.openQuestion ? 'training.running.keysAnswer' : 'training.running.keys');
    return { screen: 'running', running: { speech, side, mistake: !exam && last !== undefined, keys, sandbox: context.sandbox?.world ?? null } };
  }
  if (snapshot.matches('saving')) return { screen: 'saving', text: t(lang, 'training.saving') };
  if (snapshot.matches('locating')) return { screen: 'saving', text: t(lang, 'training.mistake.locating') };
  if (snapshot.matches('mistake')) return { screen: 'mistake', mistake: mistakeViewOf(context) };
  if (snapshot.matches('debrief') && context.record) {
    return {
      screen: 'debrief',
      debrief: debriefViewOf(context.record, lang),
      error: context.saveError === null ? null : t(lang, 'training.debrief.saveError', { error: context.saveError }),
      keys: t(lang, context.record.checkpoints.some((c) => !c.passed) ? 'training.debrief.keysMistake' : 'training.debrief.keys'),
    };
  }
  return {
    screen: 'catalog',
    catalog: drillTitled(catalogViewOf(context.exercises, lang, context.page), context.drillRules, lang),
    empty: context.exercises.length === 0 ? t(lang, 'training.catalog.empty') : null,
    keys: t(lang, 'training.catalog.keys', { trainee: context.trainee }),
  };
}

/** "Attempts: 1 of 3 used · Pass mark: 90 % of the points · Your last finished attempt counts", for what the exercise sets. */
function policyLine(exercise: Exercise, made: number | null, lang: Lang): string | null {
  const own = exercise.policy ?? {};
  const policy = policyOf(exercise);
  const parts = [
    ...(policy.attempts !== null ? [t(lang, 'training.briefing.attempts', { made: made ?? '…', allowed: policy.attempts })] : []),
    ...(policy.mastery !== null ? [t(lang, 'training.briefing.mastery', { percent: masteryPercent(policy.mastery) })] : []),
    ...(own.counts ? [t(lang, `training.briefing.counts.${own.counts}`)] : []),
  ];
  return parts.length > 0 ? parts.join(' · ') : null;
}
