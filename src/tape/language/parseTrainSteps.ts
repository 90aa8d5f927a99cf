/**
 * Training (issue 15): `Train EXERCISE-ID [as "Name"] [seed N]` (issue 18: the variant seed N draws; none: the file's defaults) (setup: the exercise's scene becomes the
 * tape's), then steps `Say "…"`, `ExpectScore 100`, `ExpectMistake R-TERM-2`. Which exercise an
 * id names is checked when the tape opens (src/tape/run/runTrainSteps.ts), not here: the parser
 * reads no files.
 */
import type { SetupCommand, Step } from './ast.js';
import type { CommandSpec } from './values.js';
import { isRuleId, RULE_IDS } from '../../training/ruleIds.js';
import { MAX_SEED } from '../../domain/training/variant.js';

const trainCommand: CommandSpec<SetupCommand> = {
  suffix: 'none',
  parse(ctx) {
    const { cur } = ctx;
    const token = cur.word('an exercise id like TERM-CHANGE-TO-PHONE');
    if (!/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(token.raw)) cur.failAt(token, 'an exercise id like TERM-CHANGE-TO-PHONE');
    ctx.once('Train', '', token, 'one Train per tape');
    let trainee: string | null = null;
    if (cur.optionalWord(['as'])) {
      const name = cur.value('the trainee\'s name in double quotes, like "Anna"');
      if (name.value.trim() === '') cur.failAt(name, 'the trainee\'s name in double quotes, like "Anna"');
      trainee = name.value.trim();
    }
    let seed: number | null = null;
    if (cur.optionalWord(['seed'])) {
      const expected = `a seed, a whole number 0 … ${MAX_SEED}`;
      const number = cur.word(expected);
      if (!/^\d{1,10}$/.test(number.raw) || Number(number.raw) > MAX_SEED) cur.failAt(number, expected);
      seed = Number(number.raw);
    }
    cur.end('end of line (or as "Name", seed N)');
    return { kind: 'train', exercise: token.raw, trainee, seed };
  },
};

const sayCommand: CommandSpec<Step> = {
  suffix: 'none',
  parse({ cur }) {
    const expected = 'what the trainee says, in double quotes: one of the open question\'s options';
    const token = cur.value(expected);
    if (token.value.trim() === '') cur.failAt(token, expected);
    cur.end();
    return { kind: 'say', text: token.value };
  },
};

const expectScoreCommand: CommandSpec<Step> = {
  suffix: 'none',
  parse({ cur }) {
    const expected = 'a score, a whole number like 100';
    const token = cur.word(expected);
    if (!/^\d{1,6}$/.test(token.raw)) cur.failAt(token, expected);
    cur.end();
    return { kind: 'expectScore', score: Number(token.raw) };
  },
};

const expectMistakeCommand: CommandSpec<Step> = {
  suffix: 'none',
  parse({ cur }) {
    const expected = `a rule ID of DOMAIN.md like R-TERM-2 (${RULE_IDS[0]} … ${RULE_IDS.at(-1)})`;
    const token = cur.word(expected);
    if (!isRuleId(token.raw)) cur.failAt(token, expected);
    cur.end();
    return { kind: 'expectMistake', rule: token.raw };
  },
};

export const TRAIN_SETUP_COMMANDS: Readonly<Record<string, CommandSpec<SetupCommand>>> = {
  Train: trainCommand,
};

export const TRAIN_STEP_COMMANDS: Readonly<Record<string, CommandSpec<Step>>> = {
  Say: sayCommand,
  ExpectScore: expectScoreCommand,
  ExpectMistake: expectMistakeCommand,
};
