/**
 * The premise of a varied exercise (issue 18, "Bad input"): every value its ranges can draw must
 * make the same exercise. Checked at load on the corners of the ranges (the lowest and highest of
 * each, every value of a `oneOf`): `derive` is sums (a commission grows with the amount), so what
 * holds at the corners holds between them. A derived amount below zero, a scene that no longer parses, or an order the
 * exercise must pay at the terminal above the terminal's cap is refused with `file:line`.
 */
import Decimal from 'decimal.js';
import { cmp } from '../domain/money.js';
import { DEFAULT_RULES } from '../domain/rules.js';
import type { Condition, Exercise } from '../domain/training/exercise.js';
import { placeholdersIn, varies, withDerived } from '../domain/training/variant.js';
import { parseTape, TapeSyntaxError } from '../tape/language/parse.js';

/** Where a problem is: a field path of the file, for load.ts to turn into a line. */
export interface PremiseProblem {
  path: (string | number)[];
  expected: string;
  found: string;
}

/** Enough corners for any file a person writes; a file with more is checked on the first ones. */
const MAX_CORNERS = 256;

/** Every combination of each range's ends and each list's values. */
export function cornersOf(exercise: Pick<Exercise, 'vary'>): Record<string, string>[] {
  let corners: Record<string, string>[] = [{}];
  for (const [name, v] of Object.entries(exercise.vary ?? {})) {
    const ends = v.kind === 'oneOf' ? v.choices.map((c) => c.is) : [...new Set([v.min, v.max])].map((x) => new Decimal(x).toString());
    corners = corners.flatMap((corner) => ends.map((end) => ({ ...corner, [name]: end }))).slice(0, MAX_CORNERS);
  }
  return corners;
}

const describe = (values: Record<string, string>): string =>
  Object.entries(values).map(([k, v]) => `${k} = ${v}`).join(', ');

/** The first problem of the file's ranges, or null when every corner makes the exercise. */
export function premiseProblem(exercise: Exercise): PremiseProblem | null {
  if (!varies(exercise)) return null;
  const derive = exercise.derive ?? {};
  // the file's defaults (a tape without a seed plays them) first, then the corners
  const defaults = Object.fromEntries(Object.entries(exercise.vary ?? {}).map(([name, v]) => [name, v.default]));
  for (const corner of [defaults, ...cornersOf(exercise)]) {
    const drawn = describe(corner);
    let values: Record<string, string>;
    try {
      values = withDerived(derive, corner);
    } catch (error) {
      // a value a money rule cannot make (no banknotes, no operator, change the float lacks)
      const name = Object.keys(derive).find((n) => (error as Error).message.includes(`(${derive[n]})`)) ?? Object.keys(derive)[0] ?? '';
      return { path: ['derive', name], expected: 'a value every draw can make', found: `${(error as Error).message} when ${drawn}` };
    }
    for (const name of Object.keys(derive)) {
      if ((values[name] ?? '0').startsWith('-')) {
        return { path: ['derive', name], expected: `ranges whose every draw keeps ${name} at 0 or above`, found: `${name} = ${values[name]} when ${drawn}` };
      }
    }
    const problem = sceneProblem(exercise, values, drawn) ?? phoneProblem(exercise, values, drawn);
    if (problem) return problem;
  }
  return null;
}

function sceneProblem(exercise: Exercise, values: Record<string, string>, drawn: string): PremiseProblem | null {
  const setup = exercise.setup.map((line) => line.replace(/\{([A-Za-z_]\w*)\}/g, (whole, name: string) => values[name] ?? whole));
  let scene;
  try {
    scene = parseTape(setup.join('\n'), exercise.file).setup;
  } catch (error) {
    if (!(error instanceof TapeSyntaxError)) throw error;
    const index = Math.max(0, error.line - 1);
    return { path: ['setup', index], expected: `a setup line for every draw (${error.expected})`, found: `${JSON.stringify(setup[index])} when ${drawn}` };
  }
  if (exercise.place !== 'terminal') return null;
  const mustPay = new Set(exercise.checkpoints.flatMap((c) => (c.when ? paidCodesIn(c.when) : [])));
  for (const order of scene) {
    if (order.kind !== 'order' || !mustPay.has(order.code) || cmp(order.amount, DEFAULT_RULES.terminalCap) <= 0) continue;
    const index = exercise.setup.findIndex((line) => line.includes(order.code));
    const cause = causeOf(exercise, exercise.setup[index] ?? '');
    return {
      path: cause ?? ['setup', index],
      expected: `a range the terminal can take: at most ${DEFAULT_RULES.terminalCap} for an order the exercise pays at the terminal (R-TERM-3)`,
      found: `order ${order.code} of ${order.amount} when ${drawn}`,
    };
  }
  return null;
}

/** A condition's drawn phone (`+7{wife}`) that some draw leaves no phone: it could never match. */
function phoneProblem(exercise: Exercise, values: Record<string, string>, drawn: string): PremiseProblem | null {
  const conditions = [...exercise.checkpoints.flatMap((c) => [c.when, c.never]), ...exercise.say.map((q) => q.after), exercise.end];
  for (const phone of conditions.flatMap((c) => (c ? phonesIn(c) : []))) {
    const name = placeholdersIn(phone)[0];
    const filled = phone.replace(/\{([A-Za-z_]\w*)\}/g, (whole, n: string) => values[n] ?? whole);
    if (name === undefined || /^\+7\d{10}$/.test(filled)) continue;
    return { path: exercise.vary && name in exercise.vary ? ['vary', name] : ['derive', name], expected: 'values that make each condition\'s phone +7 and 10 digits', found: `${JSON.stringify(filled)} when ${drawn}` };
  }
  return null;
}

function phonesIn(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(phonesIn);
  if ('balance' in condition) return [condition.balance.phone];
  if ('sms' in condition) return [condition.sms.phone];
  if ('order' in condition && condition.order.phone !== undefined) return [condition.order.phone];
  return [];
}

/** The codes of orders a checkpoint needs paid. */
function paidCodesIn(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(paidCodesIn);
  if ('order' in condition && condition.order.code !== undefined && (condition.order.status === 'paid' || condition.order.status === 'partial')) return [condition.order.code];
  if ('change' in condition) return [condition.change.code];
  return [];
}

/** The vary (or derive) entry a setup line takes its number from: where the trainer fixes it. */
function causeOf(exercise: Exercise, line: string): (string | number)[] | null {
  const name = placeholdersIn(line)[0];
  if (name === undefined) return null;
  if (exercise.vary && name in exercise.vary) return ['vary', name, 'max'];
  return ['derive', name];
}
