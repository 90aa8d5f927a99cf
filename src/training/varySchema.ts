/**
 * The `vary` and `derive` fields of an exercise file (issue 18, seeded variants), and the checks a
 * file's `{name}`s must pass: every name is drawn or derived, every range can be drawn from. The
 * checks that need the scene (the terminal's cap, a derived amount below zero) are in premise.ts.
 */
import Decimal from 'decimal.js';
import { z } from 'zod';
import type { Vary, VaryChoice } from '../domain/training/exercise.js';
import { namesIn, parseExpression, placeholdersIn } from '../domain/training/variant.js';

const NAME = /^[A-Za-z_][A-Za-z0-9]*$/;
const DECIMAL = /^-?\d+(\.\d{1,2})?$/;
const decimalExpected = 'a number like 500 or 12.50';
const decimal = z
  .union([z.number(), z.string()], { error: decimalExpected })
  .transform(String)
  .refine((s) => DECIMAL.test(s), { error: decimalExpected });

const word = z.union([z.string(), z.number()], { error: 'a value like MTS or 5000' }).transform(String).refine((s) => s.trim() !== '', { error: 'a value that is not empty' });
const choice = z.union([word.transform((is): VaryChoice => ({ is, ru: is, en: is })), z.strictObject({ is: word, ru: word, en: word })], {
  error: 'a value (MTS), or one that each language says its own way: { is: Beeline, ru: "Билайн", en: "Beeline" }',
});

const varyEntry = z
  .strictObject(
    { min: decimal.optional(), max: decimal.optional(), step: decimal.optional(), oneOf: z.array(choice).min(1, { error: 'at least one value' }).optional(), default: word.optional() },
    { error: 'a range { min: 500, max: 14000, step: 50 } or a list { oneOf: [MTS, Beeline] }' },
  )
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (v.oneOf) {
      if (v.min !== undefined || v.max !== undefined || v.step !== undefined) issue('oneOf', 'either oneOf or min/max/step, not both');
      if (v.default !== undefined && !v.oneOf.some((c) => c.is === v.default)) issue('default', `one of the oneOf values (${v.oneOf.map((c) => c.is).join(', ')})`);
      return;
    }
    if (v.min === undefined || v.max === undefined) return issue(v.min === undefined ? 'min' : 'max', 'a range with min and max (or a list: oneOf)');
    const [min, max, step] = [new Decimal(v.min), new Decimal(v.max), new Decimal(v.step ?? 1)];
    if (min.greaterThan(max)) return issue('min', `a min not above the max (${v.min} > ${v.max}: nothing can be drawn)`);
    if (!step.isPositive() || step.isZero()) return issue('step', 'a step above zero');
    if (v.default === undefined) return;
    if (!DECIMAL.test(v.default)) return issue('default', decimalExpected);
    const at = new Decimal(v.default);
    if (at.lessThan(min) || at.greaterThan(max) || !at.minus(min).mod(step).isZero()) {
      issue('default', `a value the range can draw (${v.min} … ${v.max} by ${v.step ?? 1})`);
    }
  })
  .transform((v): Vary => {
    if (v.oneOf) return { kind: 'oneOf', choices: v.oneOf, default: v.default ?? (v.oneOf[0] as VaryChoice).is };
    const min = v.min as string;
    return { kind: 'range', min, max: v.max as string, step: v.step ?? '1', default: v.default ?? min };
  });

const nameKey = z.string().regex(NAME, { error: 'a name of letters and digits like amount (used as {amount})' });

/** `vary: { amount: { min: 500, max: 14000, step: 50 }, operator: { oneOf: [MTS, Beeline] } }` */
export const varySchema = z.record(nameKey, varyEntry, { error: 'the numbers an attempt draws: { amount: { min: 500, max: 14000, step: 50 } }' }).default({});

/** `derive: { change: "5000 - amount" }`: names and numbers joined by + and - */
export const deriveSchema = z
  .record(nameKey, z.string({ error: 'a sum in quotes like "5000 - amount"' }), { error: 'values made of the drawn ones: { change: "5000 - amount" }' })
  .default({});

interface VariantFields {
  vary: Record<string, Vary>;
  derive: Record<string, string>;
}

/** Every `derive` can be computed, and every `{name}` anywhere in the file is drawn or derived. */
export function checkVariants(exercise: VariantFields & Record<string, unknown>, ctx: z.RefinementCtx): void {
  const known = new Set(Object.keys(exercise.vary));
  for (const [name, expression] of Object.entries(exercise.derive)) {
    const path = ['derive', name];
    if (known.has(name)) ctx.addIssue({ code: 'custom', path, message: `a name not drawn in vary too (${name} is)` });
    else if (parseExpression(expression) === null) ctx.addIssue({ code: 'custom', path, message: 'names and numbers joined by + and -, like "5000 - amount", "change(notes, amount)", "amount + commission(amount, Beeline)" or "pieces(5000 - amount)"' });
    else {
      const unknown = namesIn(expression).filter((n) => !known.has(n));
      if (unknown.length > 0) ctx.addIssue({ code: 'custom', path, message: `names drawn in vary or derived above (${[...known].join(', ') || 'none'}), not ${unknown.join(', ')}` });
    }
    known.add(name);
  }
  for (const [key, value] of Object.entries(exercise)) {
    if (key !== 'vary' && key !== 'derive') checkPlaceholders(value, [key], known, ctx);
  }
}

function checkPlaceholders(value: unknown, path: (string | number)[], known: ReadonlySet<string>, ctx: z.RefinementCtx): void {
  if (typeof value === 'string') {
    const unknown = placeholdersIn(value).filter((n) => !known.has(n));
    if (unknown.length > 0) {
      const names = [...known].map((n) => `{${n}}`).join(', ') || 'none: add vary';
      ctx.addIssue({ code: 'custom', path, message: `{name}s drawn in vary or derive (${names}), not {${unknown[0]}}` });
    }
  } else if (Array.isArray(value)) value.forEach((v, i) => checkPlaceholders(v, [...path, i], known, ctx));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) checkPlaceholders(v, [...path, k], known, ctx);
}
