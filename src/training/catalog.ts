/**
 * The built-in exercises as the build already validated them: `npm run build` writes
 * dist/exercises/catalog.json (scripts/build.mjs), so a start of the kiosk reads one small JSON file
 * instead of loading the YAML parser and the validator and parsing every exercise (that was a third
 * of the kiosk's cold start, issue 16). This module imports neither; from the sources (tests) there
 * is no catalog and src/training/load.ts parses the YAML.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Exercise } from '../domain/training/exercise.js';

/** The catalog's file name inside the built-in exercises' folder. */
export const CATALOG_FILE = 'catalog.json';

/**
 * The built-in exercises' folder: src/training/exercises when run from the sources (tests),
 * dist/exercises in the bundle (scripts/build.mjs copies them; a chunk sits in dist/chunks).
 */
export function builtInFolder(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'exercises'), join(here, '..', 'exercises')];
  return candidates.find((dir) => existsSync(dir)) ?? (candidates[0] as string);
}

/** A file's name as errors and records show it: relative to the current folder when inside it. */
export const relativeName = (file: string): string => {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
};

/** The catalog's text: the exercises with each file named relative to `folder` (the build's cwd is not the user's). */
export const catalogJson = (exercises: readonly Exercise[], folder: string): string =>
  JSON.stringify(exercises.map((e) => ({ ...e, file: relative(folder, e.file) })));

/** Whether `folder` has the build's catalog (the bundle: dist/exercises; not the sources). */
export const hasCatalog = (folder: string = builtInFolder()): boolean => existsSync(join(folder, CATALOG_FILE));

/** The exercises of `folder`'s catalog, files named as loadExercises names them; null when there is none. */
export function readCatalog(folder: string = builtInFolder()): Exercise[] | null {
  const path = join(folder, CATALOG_FILE);
  if (!existsSync(path)) return null;
  const exercises = JSON.parse(readFileSync(path, 'utf8')) as Exercise[];
  return exercises.map((e) => ({ ...e, file: relativeName(join(folder, e.file)) }));
}
