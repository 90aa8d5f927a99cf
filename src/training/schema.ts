/**
 * The exercise file's schema (zod): what each field must be, with the words a trainer reads in
 * an error. Checks that need the whole file (rule IDs known, ids unique, `said` names a question)
 * are refinements here too, so every error has a path for load.ts to turn into `file:line`.
 */
import { z } from 'zod';
import { ORDER_CONDITIONS } from '../tape/language/ast.js';
import { parseDuration } from '../domain/time.js';
import { RULE_IDS, isRuleId } from './ruleIds.js';
import { CHANGE_WORDS, type ChangeWord, type Condition } from '../domain/training/exercise.js';
import { checkVariants, deriveSchema, varySchema } from './varySchema.js';

const PLACES = ['terminal', 'cashier', 'post', 'site', 'phone'] as const;
const ROLES = ['customer', 'salon-employee', 'cashier', 'post-clerk'] as const;

const text = z.string({ error: 'a text in quotes' }).trim().min(1, { error: 'a text that is not empty' });
const bilingual = z.strictObject({ ru: text, en: text }, { error: 'a text in both languages: { ru: "…", en: "…" }' });
const ruleId = z.string({ error: 'a rule ID of DOMAIN.md like R-TERM-2' }).refine(isRuleId, {
  error: (issue) => `a rule ID of DOMAIN.md (${RULE_IDS[0]} … ${RULE_IDS.at(-1)}), not ${JSON.stringify(issue.input)}`,
});
const id = z.string({ error: 'an id (letters, digits, "-")' }).regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, { error: 'an id (letters, digits, "-")' });
const phone = z.string({ error: 'a phone like "+79161234567" (or a drawn one: "+7{wife}")' }).regex(/^\+7(\d{10}|\{[A-Za-z_]\w*\})$/, { error: 'a phone like "+79161234567" (or a drawn one: "+7{wife}")' });
const amount = z.string({ error: 'an amount in quotes like "250.00" (or a drawn one: "{balance}")' }).regex(/^(-?\d+(\.\d{1,2})?|\{[A-Za-z_]\w*\})$/, { error: 'an amount in quotes like "250.00" (or a drawn one: "{balance}")' });
const orderCode = z.string({ error: 'an order code of 10 digits in quotes' }).regex(/^\d{10}$/, { error: 'an order code of 10 digits in quotes' });

const orderCondition = z
  .strictObject(
    {
      code: orderCode.optional(),
      phone: phone.optional(),
      status: z.enum(ORDER_CONDITIONS, { error: `an order status (${ORDER_CONDITIONS.join(', ')})` }),
    },
    { error: 'an order: { code: "1000000123", status: paid } (fields code, phone, status)' },
  )
  .refine((o) => o.code !== undefined || o.phone !== undefined, { error: 'the order\'s code or phone' });

const CONDITION_KINDS = ['reached', 'order', 'balance', 'sms', 'change', 'said', 'all'] as const;
/** One object with exactly one of the kinds: a typo in a kind or in its fields is named where it is. */
export const condition: z.ZodType<Condition> = z.lazy(() =>
  z
    .strictObject(
      {
        reached: z.string({ error: 'a state path like kiosk.checkData' }).regex(/^[A-Za-z][\w.]*$/, { error: 'a state path like kiosk.checkData' }).optional(),
        order: orderCondition.optional(),
        balance: z.strictObject({ phone, is: amount }, { error: 'a balance: { phone: "+7…", is: "250.00" }' }).optional(),
        sms: z.strictObject({ phone, contains: text }, { error: 'an sms: { phone: "+7…", contains: "…" }' }).optional(),
        change: z.strictObject(
          { code: z.string().regex(/^\d+$/), is: z.enum(CHANGE_WORDS as [ChangeWord, ...ChangeWord[]]) },
          { error: `change: { code: "1000000001", is: ${CHANGE_WORDS.join(' | ')} }` },
        ).optional(),
        said: id.optional(),
        all: z.array(condition).min(1).optional(),
      },
      { error: `a condition: one of ${CONDITION_KINDS.join(', ')}` },
    )
    .refine((c) => Object.keys(c).length === 1, { error: `exactly one condition kind (${CONDITION_KINDS.join(', ')})` }) as z.ZodType<Condition>,
);

const duration = z.string({ error: 'a duration like 5m or 90s' }).refine((s) => parseDuration(s) !== null, { error: 'a duration like 5m or 90s' });

const option = z.strictObject({ text: bilingual, right: z.boolean({ error: 'true or false' }).default(false), breaks: ruleId.optional() });

const question = z.strictObject({
  id,
  ask: bilingual,
  after: condition.optional(),
  options: z.array(option, { error: 'a list of options, each { text, right: true } or { text, breaks: R-… }' }).min(2, { error: 'at least two options (one right, tempting wrong ones)' }),
}).superRefine((q, ctx) => {
  const right = q.options.filter((o) => o.right).length;
  if (right !== 1) ctx.addIssue({ code: 'custom', path: ['options'], message: `exactly one option with right: true (found ${right})` });
  q.options.forEach((o, i) => {
    if (!o.right && !o.breaks) ctx.addIssue({ code: 'custom', path: ['options', i], message: 'a wrong option names the rule it breaks (breaks: R-…)' });
  });
});

const checkpoint = z
  .strictObject({
    id,
    points: z.number({ error: 'points: a whole number above zero' }).int({ error: 'points: a whole number above zero' }).positive({ error: 'points: a whole number above zero' }),
    rule: ruleId,
    title: bilingual,
    when: condition.optional(),
    never: condition.optional(),
    within: duration.optional(),
    source: bilingual,
    right: bilingual,
  })
  .refine((c) => c.when !== undefined || c.never !== undefined, { error: 'a condition: when (passes when it holds) or never (missed when it holds)' });

const policy = z.strictObject(
  {
    feedback: z.enum(['immediate', 'deferred'], { error: 'feedback: immediate (mistakes shown at once) or deferred (only in the debrief, as an exam)' }).optional(),
    attempts: z.number({ error: 'attempts: a whole number of attempts, 1 or more' }).int({ error: 'attempts: a whole number of attempts, 1 or more' }).min(1, { error: 'attempts: a whole number of attempts, 1 or more' }).optional(),
    counts: z.enum(['first', 'best', 'last'], { error: 'counts: which attempt counts: first, best or last' }).optional(),
    mastery: z.number({ error: 'mastery: the share of the maximum needed to pass, like 0.8' }).min(0, { error: 'mastery: from 0 to 1, like 0.8' }).max(1, { error: 'mastery: from 0 to 1, like 0.8' }).optional(),
  },
  { error: 'a policy: { feedback, attempts, counts, mastery } (each optional)' },
);

export const exerciseSchema = z
  .strictObject({
    id,
    title: bilingual,
    goal: bilingual,
    place: z.enum(PLACES, { error: `a place (${PLACES.join(', ')})` }),
    role: z.enum(ROLES, { error: `a role (${ROLES.join(', ')})` }),
    difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'a difficulty: 1, 2 or 3' }),
    rules: z.array(ruleId, { error: 'a list of rule IDs like [R-TERM-1, R-TERM-2]' }).min(1, { error: 'the rule IDs the exercise covers' }),
    setup: z.array(z.string({ error: 'a tape setup line like "Order 1000000123 amount 4750.00 phone +79161234567"' })).default([]),
    story: z.array(bilingual, { error: 'a list of speech lines, each { ru: "…", en: "…" }' }).min(1, { error: 'at least one speech line of the customer' }),
    say: z.array(question, { error: 'a list of questions (id, ask, options)' }).default([]),
    checkpoints: z.array(checkpoint, { error: 'a list of checkpoints (id, points, rule, title, when or never, source, right)' }).min(1, { error: 'at least one checkpoint' }).max(5, { error: 'at most 5 checkpoints (the debrief fits 80×24)' }),
    end: condition.optional(),
    policy: policy.optional(),
    vary: varySchema,
    derive: deriveSchema,
  })
  .superRefine((exercise, ctx) => {
    checkVariants(exercise, ctx);
    const questions = new Set(exercise.say.map((q) => q.id));
    const seen = new Set<string>();
    exercise.checkpoints.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: ['checkpoints', i, 'id'], message: `an id not used by another checkpoint (${c.id} is)` });
      seen.add(c.id);
      if (!exercise.rules.includes(c.rule)) ctx.addIssue({ code: 'custom', path: ['checkpoints', i, 'rule'], message: `a rule listed in the exercise's rules (${exercise.rules.join(', ')})` });
      for (const key of ['when', 'never'] as const) {
        const said = saidIn(c[key]);
        if (said && !questions.has(said)) ctx.addIssue({ code: 'custom', path: ['checkpoints', i, key], message: `a said: naming a question of say (${[...questions].join(', ') || 'none'})` });
      }
    });
  });

export type ExerciseFile = z.infer<typeof exerciseSchema>;

function saidIn(condition: Condition | undefined): string | null {
  if (!condition) return null;
  if ('said' in condition) return condition.said;
  if ('all' in condition) return condition.all.map(saidIn).find((s) => s !== null) ?? null;
  return null;
}
