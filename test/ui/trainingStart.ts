/** Opens the Training place as trainee Anna and starts one exercise: the kiosk is left at its briefing's F7 line. */
import { waitFor } from 'xstate';
import { catalogOrder, CATALOG_KEYS } from '../../src/app/trainingView.js';
import type { Exercise } from '../../src/domain/training/exercise.js';
import { KEY, renderKiosk, type Kiosk } from './harness.js';
import { opened } from '../../machines/world.js';

export async function startExercise(exercises: readonly Exercise[], id: string): Promise<Kiosk> {
  const kiosk = renderKiosk({ lang: 'en', columns: 80, rows: 24, place: 'training', training: { exercises: [...exercises], trainee: 'Anna' } });
  const exercise = exercises.find((e) => e.id === id);
  if (!exercise) throw new Error(`no built-in exercise ${id}`);
  await kiosk.waitForText('trainee: Anna');
  await kiosk.press(CATALOG_KEYS[catalogOrder([...exercises]).indexOf(exercise)] as string);
  await kiosk.waitForText('Enter Start');
  await kiosk.press(KEY.enter);
  await waitFor(opened(kiosk.world.getSnapshot().context).training, (s) => s.matches({ running: 'acting' }));
  await kiosk.waitForText('F7 answer');
  return kiosk;
}
