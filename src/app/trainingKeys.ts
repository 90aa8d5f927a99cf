/**
 * Keys of the Training place (issue 15) on its own screens: the name prompt, the catalog, the
 * briefing, the customer's question, the debrief. While an exercise runs, its world takes the keys
 * (src/app/keyFeed.ts) but F7 (answer the customer) and F8 (stop the exercise) stay here.
 */
import type { Key } from 'ink';
import type { SnapshotFrom } from 'xstate';
import type { TrainingEvent, trainingMachine } from '../../machines/training.js';
import { CATALOG_KEYS, catalogOrder } from './trainingView.js';

export const ANSWER_KEY = 'F7';
export const STOP_KEY = 'F8';

/** The event of a key, `wait` while the place is busy (starting an exercise, saving), or null (nothing). */
export function mapTrainingKey(snapshot: SnapshotFrom<typeof trainingMachine>, input: string, key: Partial<Key>, fkey?: string): TrainingEvent | 'wait' | null {
  if (snapshot.matches('running')) {
    if (fkey === ANSWER_KEY) return { type: 'training.answer' };
    if (fkey === STOP_KEY) return { type: 'training.quit' };
  }
  if (snapshot.matches({ running: 'starting' }) || snapshot.matches('saving')) return 'wait';
  if (snapshot.matches({ running: 'answering' })) {
    if (key.escape) return { type: 'training.back' };
    const index = Number.parseInt(input, 10);
    return Number.isInteger(index) && index >= 1 ? { type: 'training.say', index: index - 1 } : null;
  }
  if (snapshot.matches('naming')) {
    if (key.return) return { type: 'training.start' };
    if (key.backspace || key.delete) return { type: 'training.erase' };
    return input !== '' && !key.ctrl && !key.meta && !key.escape ? { type: 'training.type', text: input } : null;
  }
  if (snapshot.matches('catalog')) {
    if (key.pageDown) return { type: 'training.page', delta: 1 };
    if (key.pageUp) return { type: 'training.page', delta: -1 };
    const exercise = catalogOrder(snapshot.context.exercises)[CATALOG_KEYS.indexOf(input.toLowerCase())];
    return input.length === 1 && exercise ? { type: 'training.choose', id: exercise.id } : null;
  }
  if (snapshot.matches('briefing')) {
    if (key.return) return { type: 'training.start' };
    return key.escape ? { type: 'training.back' } : null;
  }
  if (snapshot.matches('locating')) return 'wait';
  if (snapshot.matches('debrief')) {
    if (input === 'm' || input === 'M' || input === 'ь' || input === 'Ь') return { type: 'training.mistake' };
    return key.return || key.escape ? { type: 'training.back' } : null;
  }
  if (snapshot.matches('mistake')) {
    if (key.tab) return { type: 'training.switch' };
    if (input === 't' || input === 'T' || input === 'е' || input === 'Е') return { type: 'training.tryFromHere' };
    return key.escape ? { type: 'training.back' } : null;
  }
  return null;
}
