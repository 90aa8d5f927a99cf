import { ExerciseFileError, parseExercise } from '../../src/training/load.js';

/** The one error an exercise file's text gives, as the CLI prints it; a text that loads fails the test. */
export function errorOf(text: string): string {
  try {
    parseExercise(text, 'my.yaml');
  } catch (error) {
    if (error instanceof ExerciseFileError) return error.message;
    throw error;
  }
  throw new Error('the exercise loaded');
}
