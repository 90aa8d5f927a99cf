/**
 * `kiosk train replay ATTEMPT --at-mistake` (issue 18): the moment of the attempt's first mistake as
 * text: the rule and checkpoint, the key pressed, the right action, the screen before and after.
 */
import type { AttemptRecord } from '../domain/training/attempt.js';
import { minutesSeconds } from '../app/trainingView.js';
import { builtInExercises } from '../training/load.js';
import { condensed, findMistakeMoment, MomentUnavailable, type MistakeMoment } from '../training/mistakeMoment.js';
import { Refused } from './storeArgs.js';

/** The lines printed for a moment, in the attempt's language for the exercise's own texts. */
export function momentLines(attempt: AttemptRecord, moment: MistakeMoment): string[] {
  const lang = attempt.lang;
  const at = moment.atMs === null ? '' : ` at ${minutesSeconds(moment.atMs)}`;
  return [
    `${attempt.trainee}: ${attempt.exerciseId} (${attempt.id}): the first mistake${at}`,
    `Rule:    ${moment.rule} · ${moment.title[lang]}`,
    `Key:     ${moment.key ?? '(none: the attempt ended before it happened)'}`,
    ...(moment.rightAction ? [`Right:   ${moment.rightAction[lang]}`] : []),
    `Keys before it: ${moment.prefix.length} (Try from here replays them: m then t in the debrief)`,
    '',
    `Before (${moment.beforeStatePath ?? '?'}):`,
    ...condensed(moment.before),
    '',
    'After:',
    ...condensed(moment.after),
  ];
}

export async function printMistakeMoment(attempt: AttemptRecord): Promise<number> {
  let moment: MistakeMoment | null;
  try {
    moment = await findMistakeMoment(attempt, builtInExercises());
  } catch (error) {
    if (error instanceof MomentUnavailable) throw new Refused(error.message);
    throw error;
  }
  if (!moment) throw new Refused(`attempt ${attempt.id} has no mistake: every checkpoint passed`);
  process.stdout.write(`${momentLines(attempt, moment).join('\n')}\n`);
  return 0;
}
