/**
 * Tape variables at run time: `Remember` captures a value from the screen or the newest SMS to a
 * phone; a templated line is parsed again with the values (language/parseVariableSteps.ts).
 * With `--pty` both work the same: the screen is the pty's, the SMS are read from the program's
 * data directory, as `ExpectSms` reads them.
 */
import { smsLine } from '../../domain/mobile/smsText.js';
import type { Step } from '../language/ast.js';
import { TapeSyntaxError } from '../language/lineCursor.js';
import { parseStepText } from '../language/parse.js';
import { fillTemplate } from '../language/parseVariableSteps.js';
import { plainSpaces } from './assertions.js';
import { StepFailure } from './failure.js';
import type { StepContext } from './stepContext.js';

type RememberStep = Extract<Step, { kind: 'remember' }>;
type TemplatedStep = Extract<Step, { kind: 'templated' }>;

/** The first capture group of the first match (the whole match when the regex has no group). */
function capture(pattern: RememberStep['pattern'], lines: readonly string[]): string | null {
  const re = new RegExp(pattern.source, pattern.flags);
  for (const line of lines) {
    const match = re.exec(plainSpaces(line));
    if (match) return match[1] ?? match[0];
  }
  return null;
}

export function remember(ctx: StepContext, step: RememberStep, requireApp: () => void): void {
  const regex = `/${step.pattern.source}/${step.pattern.flags}`;
  if (step.from.kind === 'screen') {
    requireApp();
    const value = capture(step.pattern, ctx.harness.lines());
    if (value === null) throw new StepFailure('assertion', `Remember ${step.name}: no line of the screen matches ${regex}`);
    return ctx.setVariable(step.name, value);
  }
  const { phone } = step.from;
  const lang = ctx.harness.running ? ctx.harness.view().lang : ctx.settings.lang;
  const inbox = ctx.store.phoneAccount(phone).sms.map((m) => smsLine(m, lang));
  const newest = inbox.at(-1);
  if (newest === undefined) throw new StepFailure('assertion', `Remember ${step.name}: no SMS to ${phone} yet, so nothing to match ${regex}`);
  const value = capture(step.pattern, [newest]);
  if (value === null) {
    throw new StepFailure('assertion', `Remember ${step.name}: the newest SMS to ${phone} does not match ${regex}`, [
      'inbox, newest first:',
      ...inbox.reverse().map((l) => `  ${l}`),
    ]);
  }
  ctx.setVariable(step.name, value);
}

/** The line with the values filled in, parsed; a value that does not fit it fails the step. */
export function resolveTemplated(ctx: StepContext, step: TemplatedStep): { step: Step; values: string[] } {
  const values = [...new Set(step.parts.flatMap((p) => (p.name === undefined ? [] : [p.name])))].map((name) => {
    const value = ctx.variable(name);
    if (value === undefined) throw new StepFailure('assertion', `$${name} has no value: no Remember has set it in this run, and the exercise draws no such value`);
    return `$${name} = ${JSON.stringify(value)}`;
  });
  const filled = fillTemplate(step.text, step.parts, (name) => ctx.variable(name) as string);
  try {
    return { step: { ...parseStepText(filled.text, '', step.line), raw: step.raw }, values };
  } catch (error) {
    if (!(error instanceof TapeSyntaxError)) throw error;
    throw new StepFailure('assertion', `with ${values.join(', ')} the line reads ${filled.text.trim()}: expected ${error.expected}, found ${error.found}`);
  }
}
