/**
 * Seeded variants (issue 18): an exercise file may give ranges instead of numbers (`vary`), and
 * values computed from them (`derive`); each attempt draws them from a seed, so the numbers differ
 * from trainee to trainee and `--seed N` gives the same attempt again. Pure: the seed is the only
 * source of chance, and the same seed draws the same values on every machine.
 *
 * `{name}` in a text is written as the trainee reads it (`4 750` in Russian, `4,750` in English);
 * in setup lines and conditions as the program reads it (`4750`).
 */
import Decimal from 'decimal.js';
import type { Bilingual, Lang } from './attempt.js';
import type { Condition, DrawnValues, Exercise, Vary } from './exercise.js';
import { evaluate, plainNumber } from './derive.js';

export { namesIn, parseExpression, plainNumber } from './derive.js';

/** The seed a tape uses when its `Train` line names none: the file's defaults, not a draw. */
export const NO_SEED = null;

/** The largest seed (`--seed`, `Train … seed N`): what fits 32 bits. */
export const MAX_SEED = 0xffffffff;

/** mulberry32: a small, well-known 32-bit generator; good enough to vary an exercise, and the same everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How many values a range has: min, min+step, … up to max. */
export const rangeCount = (v: Extract<Vary, { kind: 'range' }>): number =>
  new Decimal(v.max).minus(v.min).dividedToIntegerBy(v.step).toNumber() + 1;

function drawOne(v: Vary, random: () => number): string {
  if (v.kind === 'oneOf') return (v.choices[Math.floor(random() * v.choices.length)] ?? v.choices[0])?.is ?? v.default;
  const index = Math.floor(random() * rangeCount(v));
  return plainNumber(new Decimal(v.min).plus(new Decimal(v.step).times(index)));
}

/** The values of `vary` (drawn from the seed, or the defaults when it is null) and of `derive` after them. */
export function drawValues(exercise: Pick<Exercise, 'vary' | 'derive'>, seed: number | null): Record<string, string> {
  const random = seed === null ? null : seededRandom(seed);
  const values: Record<string, string> = {};
  for (const [name, v] of Object.entries(exercise.vary ?? {})) values[name] = random ? drawOne(v, random) : v.default;
  return withDerived(exercise.derive ?? {}, values);
}

/** `derive` computed over the given values (file order: a derived value may use an earlier one). */
export function withDerived(derive: Record<string, string>, values: Record<string, string>): Record<string, string> {
  const all = { ...values };
  for (const [name, expression] of Object.entries(derive)) all[name] = evaluate(expression, all);
  return all;
}

/** A `{name}` in a text, a setup line or a condition. */
export const PLACEHOLDER = /\{([A-Za-z_]\w*)\}/g;

/** The names a string mentions as `{name}`. */
export const placeholdersIn = (text: string): string[] => [...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string);

/** A value as the trainee reads it: numbers grouped by thousands, a `oneOf` choice in that language. */
export function spokenValue(exercise: Pick<Exercise, 'vary'>, name: string, value: string, lang: Lang): string {
  const v = exercise.vary?.[name];
  if (v?.kind === 'oneOf') {
    const choice = v.choices.find((c) => c.is === value);
    // a choice each language says its own way; a plain one (notes like `2000 500`) reads as a number would
    if (choice && choice[lang] !== choice.is) return choice[lang];
  }
  // notes handed over or back, one by one: `200 50` reads `200 + 50`
  if (/^\d+(\.\d+)?( \d+(\.\d+)?)+$/.test(value)) return value.split(' ').map((v) => spokenValue(exercise, name, v, lang)).join(' + ');
  if (!/^-?\d+(\.\d+)?$/.test(value)) return value;
  // split always gives a first part (the whole); a fraction only after a point
  const [whole, fraction] = value.replace('-', '').split('.') as [string, string?];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'ru' ? ' ' : ',');
  const sign = value.startsWith('-') ? '-' : '';
  return `${sign}${grouped}${fraction === undefined ? '' : `${lang === 'ru' ? ',' : '.'}${fraction}`}`;
}

/** The exercise with every `{name}` filled from the seed (null: the file's defaults): what an attempt plays. */
export function variantOf(exercise: Exercise, seed: number | null): Exercise {
  const values = drawValues(exercise, seed);
  const plain = (text: string) => text.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
  const spoken = (text: string, lang: Lang) => text.replace(PLACEHOLDER, (whole, name: string) => (values[name] === undefined ? whole : spokenValue(exercise, name, values[name], lang)));
  const bilingual = (b: Bilingual): Bilingual => ({ ru: spoken(b.ru, 'ru'), en: spoken(b.en, 'en') });
  const condition = (c: Condition): Condition => fillCondition(c, plain);
  const drawn: DrawnValues = { seed, values };
  return {
    ...exercise,
    title: bilingual(exercise.title),
    goal: bilingual(exercise.goal),
    setup: exercise.setup.map(plain),
    story: exercise.story.map(bilingual),
    say: exercise.say.map((q) => ({
      ...q,
      ask: bilingual(q.ask),
      ...(q.after ? { after: condition(q.after) } : {}),
      options: q.options.map((o) => ({ ...o, text: bilingual(o.text) })),
    })),
    checkpoints: exercise.checkpoints.map((c) => ({
      ...c,
      title: bilingual(c.title),
      source: bilingual(c.source),
      right: bilingual(c.right),
      ...(c.when ? { when: condition(c.when) } : {}),
      ...(c.never ? { never: condition(c.never) } : {}),
    })),
    ...(exercise.end ? { end: condition(exercise.end) } : {}),
    drawn,
  };
}

function fillCondition(c: Condition, plain: (text: string) => string): Condition {
  if ('all' in c) return { all: c.all.map((x) => fillCondition(x, plain)) };
  if ('balance' in c) return { balance: { phone: plain(c.balance.phone), is: plain(c.balance.is) } };
  if ('sms' in c) return { sms: { phone: plain(c.sms.phone), contains: plain(c.sms.contains) } };
  if ('change' in c) return { change: { ...c.change, code: plain(c.change.code) } };
  if ('order' in c && c.order.phone !== undefined) return { order: { ...c.order, phone: plain(c.order.phone) } };
  return c;
}

/**
 * Tape variables of a variant: `$name` the plain value (`Insert $notes`, `ExpectBalance … $balance`),
 * `$name_ru` / `$name_en` as the trainee reads it (`Say "… $change_en ₽ …"`).
 */
export function tapeVariablesOf(exercise: Exercise): Map<string, string> {
  const variables = new Map<string, string>();
  for (const [name, value] of Object.entries(exercise.drawn?.values ?? {})) {
    variables.set(name, value);
    for (const lang of ['ru', 'en'] as const) variables.set(`${name}_${lang}`, spokenValue(exercise, name, value, lang));
  }
  return variables;
}

/**
 * A text of the file before any draw, for the catalog: a range reads `4 050–4 950`, a list
 * `MTS/Beeline`, a derived value `…` (it depends on the draw).
 */
export function rangeText(exercise: Pick<Exercise, 'vary'>, text: string, lang: Lang): string {
  return text.replace(PLACEHOLDER, (_whole, name: string) => {
    const v = exercise.vary?.[name];
    if (!v) return '…';
    if (v.kind === 'oneOf') return v.choices.map((c) => spokenValue(exercise, name, c.is, lang)).join('/');
    return `${spokenValue(exercise, name, v.min, lang)}–${spokenValue(exercise, name, plainNumber(new Decimal(v.min).plus(new Decimal(v.step).times(rangeCount(v) - 1))), lang)}`;
  });
}

/** Whether an exercise draws anything: one with fixed numbers plays the same under every seed. */
export const varies = (exercise: Pick<Exercise, 'vary'>): boolean => Object.keys(exercise.vary ?? {}).length > 0;
