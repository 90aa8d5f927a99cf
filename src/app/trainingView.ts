/**
 * What the Training screens show (issue 15), built from the engine's record and the catalog:
 * the screens only render these snapshots, in the language given.
 */
import { rangeText } from '../domain/training/variant.js';
import type { AttemptRecord, Lang, TrainingPlace } from '../domain/training/attempt.js';
import type { Exercise } from '../domain/training/exercise.js';
import { mistakesOf } from '../domain/training/attempt.js';
import { t } from '../i18n/index.js';

export interface DebriefView {
  title: string;
  scoreLine: string;
  abandoned: string | null;
  rows: Array<{ passed: boolean; points: string; rule: string; title: string }>;
  mistakesTitle: string;
  mistakes: Array<{ rule: string; title: string; source: string; right: string }>;
  /** shown instead of the mistakes when there are none */
  none: string;
  /** many mistakes: each source and right action on one line (cut at the edge) so all fit 80×24 */
  compact: boolean;
}

/** Up to this many mistakes get their source sentence and right action wrapped in full. */
export const FULL_MISTAKES = 3;

/** m:ss of program-clock time (an exercise lasts minutes; hours show as 75:00) */
export const minutesSeconds = (ms: number): string => {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

export function debriefViewOf(record: AttemptRecord, lang: Lang): DebriefView {
  return {
    title: t(lang, 'training.debrief.title', { title: record.exerciseTitle[lang], trainee: record.trainee }),
    scoreLine:
      t(lang, 'training.debrief.score', { score: record.score, max: record.maxScore, time: minutesSeconds(record.durationMs) }) +
      (record.seed === undefined ? '' : t(lang, 'training.debrief.seed', { seed: record.seed })),
    abandoned: record.status === 'abandoned' ? t(lang, 'training.debrief.abandoned') : null,
    rows: record.checkpoints.map((c) => ({ passed: c.passed, points: `${c.earned}/${c.points}`, rule: c.rule, title: c.title[lang] })),
    mistakesTitle: t(lang, 'training.debrief.mistakes'),
    mistakes: mistakesOf(record).map((c) => ({
      rule: c.rule,
      title: c.title[lang],
      source: t(lang, 'training.debrief.source', { text: c.source?.[lang] ?? '' }),
      right: t(lang, 'training.debrief.right', { text: c.rightAction?.[lang] ?? '' }),
    })),
    none: t(lang, 'training.debrief.none'),
    compact: mistakesOf(record).length > FULL_MISTAKES,
  };
}

export type CatalogLine =
  | { kind: 'place'; text: string }
  | { kind: 'exercise'; key: string; text: string }
  | { kind: 'goal'; text: string };

export interface CatalogView {
  title: string;
  /** the lines of this page: a place's heading, then each exercise and its goal */
  lines: CatalogLine[];
  /** `page 1/2 · PgDn PgUp`, or null when all fit */
  pager: string | null;
}

const PLACE_ORDER: readonly TrainingPlace[] = ['terminal', 'cashier', 'post', 'site', 'phone'];
/** 24 rows: the place bar, the title, these lines, the pager line and the keys line */
export const CATALOG_PAGE_LINES = 20;
/** The keys that choose an exercise in the catalog, in its order. */
export const CATALOG_KEYS = '123456789abcdefghijklmnopqrstuvwxyz';
const KEYS = CATALOG_KEYS;

/** The exercises in the catalog's order (grouped by place): the n-th has the n-th key. */
export const catalogOrder = (exercises: readonly Exercise[]): Exercise[] => PLACE_ORDER.flatMap((place) => exercises.filter((e) => e.place === place));

/**
 * The catalog grouped by place; each exercise gets a key (1…9, then a…z) to choose it. Pages of
 * whole exercises (never a title without its goal), so any number of exercises fits 80×24.
 */
export function catalogViewOf(exercises: readonly Exercise[], lang: Lang, page = 0): CatalogView {
  let n = 0;
  const all: CatalogLine[][] = [];
  for (const place of PLACE_ORDER) {
    const here = exercises.filter((e) => e.place === place);
    here.forEach((e, i) => {
      const block: CatalogLine[] = i === 0 ? [{ kind: 'place', text: t(lang, `training.place.${place}`) }] : [];
      const detail = `${t(lang, 'training.catalog.difficulty', { n: e.difficulty })} · ${e.rules.join(', ')}`;
      const key = KEYS[n++] ?? ' ';
      block.push({ kind: 'exercise', key, text: `[${key}] ${rangeText(e, e.title[lang], lang)} · ${detail}` }, { kind: 'goal', text: `    ${rangeText(e, e.goal[lang], lang)}` });
      all.push(block);
    });
  }
  const pages: CatalogLine[][] = [[]];
  for (const block of all) {
    const last = pages[pages.length - 1] as CatalogLine[];
    if (last.length + block.length > CATALOG_PAGE_LINES && last.length > 0) pages.push([...block]);
    else last.push(...block);
  }
  const at = Math.min(Math.max(0, page), pages.length - 1);
  return {
    title: t(lang, 'training.catalog.title'),
    lines: pages[at] as CatalogLine[],
    pager: pages.length > 1 ? t(lang, 'training.catalog.pager', { page: at + 1, pages: pages.length }) : null,
  };
}
