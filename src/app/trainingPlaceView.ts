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
import { varies } from '../domain/training/variant.js';
import { catalogViewOf, debriefViewOf, type CatalogView, type DebriefView } from './trainingView.js';

export interface BriefingView {
  title: string;
  scene: string;
  goal: string;
  rules: string;
  customerTitle: string;
  customer: string;
  exam: string | null;
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
  | { screen: 'debrief'; debrief: DebriefView; error: string | null; keys: string };

export function trainingPlaceViewOf(snapshot: SnapshotFrom<typeof trainingMachine>): TrainingPlaceView {
  const { context } = snapshot;
  const lang: Lang = context.lang;
  if (snapshot.matches('naming')) {
    return { screen: 'naming', title: t(lang, 'training.naming.title'), prompt: t(lang, 'training.naming.prompt', { name: `${context.trainee}▏` }), keys: t(lang, 'training.naming.keys') };
  }
  const exercise = context.exercise;
  if (snapshot.matches('briefing') && exercise) {
    return {
      screen: 'briefing',
      briefing: {
        title: exercise.title[lang],
        scene: t(lang, 'training.briefing.scene', { place: t(lang, `training.place.${exercise.place}`), role: t(lang, `training.role.${exercise.role}`), n: exercise.difficulty }),
        goal: t(lang, 'training.briefing.goal', { goal: exercise.goal[lang] }),
        rules: t(lang, 'training.briefing.rules', { rules: exercise.rules.join(', ') }),
        customerTitle: t(lang, 'training.briefing.customer'),
        customer: `«${exercise.story[0]?.[lang] ?? ''}»`,
        exam: context.exam ? t(lang, 'training.briefing.exam') : null,
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
      : context.exam
        ? t(lang, 'training.running.exam')
        : last
          ? t(lang, 'training.running.mistake', { rule: last.rule, title: last.title[lang] })
          : t(lang, 'training.running.clean');
    const keys = t(lang, attempt?.openQuestion ? 'training.running.keysAnswer' : 'training.running.keys');
    return { screen: 'running', running: { speech, side, mistake: !context.exam && last !== undefined, keys, sandbox: context.sandbox?.world ?? null } };
  }
  if (snapshot.matches('saving')) return { screen: 'saving', text: t(lang, 'training.saving') };
  if (snapshot.matches('debrief') && context.record) {
    return {
      screen: 'debrief',
      debrief: debriefViewOf(context.record, lang),
      error: context.saveError === null ? null : t(lang, 'training.debrief.saveError', { error: context.saveError }),
      keys: t(lang, 'training.debrief.keys'),
    };
  }
  return {
    screen: 'catalog',
    catalog: catalogViewOf(context.exercises, lang, context.page),
    empty: context.exercises.length === 0 ? t(lang, 'training.catalog.empty') : null,
    keys: t(lang, 'training.catalog.keys', { trainee: context.trainee }),
  };
}
