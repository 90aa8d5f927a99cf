/**
 * Loads exercise files (YAML) through one validator, built-in and trainers' own alike. Every
 * error names `file:line`, the field and what was expected; the first bad file stops the load
 * (the CLI exits 2: a malformed exercise never starts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import type { Exercise } from '../domain/training/exercise.js';
import { parseDuration } from '../domain/time.js';
import { parseTape, TapeSyntaxError } from '../tape/language/parse.js';
import { exerciseSchema } from './schema.js';
import { premiseProblem } from './premise.js';
import { variantOf } from '../domain/training/variant.js';
import { builtInFolder, readCatalog, relativeName } from './catalog.js';

export { builtInFolder, catalogJson } from './catalog.js';

/** One problem of one file. */
export interface ExerciseProblem {
  file: string;
  line: number;
  /** the field's path as written, e.g. checkpoints[1].rule */
  field: string;
  expected: string;
  found: string;
}

export class ExerciseFileError extends Error {
  override readonly name = 'ExerciseFileError';
  constructor(readonly problems: ExerciseProblem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

export const formatProblem = (p: ExerciseProblem): string =>
  `${p.file}:${p.line}: ${p.field || '(the file)'}: expected ${p.expected}${p.found ? `, found ${p.found}` : ''}`;

/** Parses and validates one exercise's text. */
export function parseExercise(source: string, file: string): Exercise {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  if (doc.errors.length > 0) {
    throw new ExerciseFileError(doc.errors.map((e) => ({ file, line: lineAt(e.pos[0]), field: '', expected: 'valid YAML', found: e.message.split('\n')[0] ?? '' })));
  }
  const parsed = exerciseSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    // a typo'd key first: the field it hides is then reported missing, which is its consequence
    const issues = [...parsed.error.issues].sort((a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'));
    throw new ExerciseFileError(issues.map((issue) => problemOf(issue, doc, file, lineAt)));
  }
  const data = parsed.data;
  const exercise = {
    ...data,
    checkpoints: data.checkpoints.map(({ within, ...c }) => ({ ...c, ...(within ? { withinMs: parseDuration(within) as number } : {}) })),
    file,
  } as Exercise;
  // every draw first (premise.ts: a derive no draw can make is named there); then the setup as the file's defaults fill it
  const premise = premiseProblem(exercise);
  if (premise) {
    throw new ExerciseFileError([{ file, line: lineAt(nearestNode(doc, premise.path)?.range?.[0]), field: fieldName(premise.path), expected: premise.expected, found: premise.found }]);
  }
  checkSetup(variantOf(exercise, null).setup, doc, file, lineAt);
  return exercise;
}

/** Setup lines are tape setup lines: parsed by the tape parser, an error placed on its YAML line. */
function checkSetup(lines: string[], doc: Document, file: string, lineAt: (offset: number | undefined) => number): void {
  lines.forEach((line, index) => {
    const at = lineAt(nodeAt(doc, ['setup', index])?.range?.[0]);
    const field = `setup[${index}]`;
    try {
      const tape = parseTape(line, file);
      if (tape.steps.length > 0) throw new ExerciseFileError([{ file, line: at, field, expected: 'a setup line (Set …, Order …, Phone …)', found: JSON.stringify(line) }]);
    } catch (error) {
      if (error instanceof TapeSyntaxError) throw new ExerciseFileError([{ file, line: at, field, expected: error.expected, found: error.found }]);
      throw error;
    }
  });
}

function problemOf(issue: z.core.$ZodIssue, doc: Document, file: string, lineAt: (offset: number | undefined) => number): ExerciseProblem {
  let path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  let expected = issue.message;
  // an unknown key is placed on the key itself: `stauts:` is the typo a trainer looks for
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] as string;
    path = [...path, key];
    expected = `no field "${key}" here (a typo? see FORMAT.md for the fields)`;
  }
  const node = nearestNode(doc, path);
  const input: unknown = doc.getIn(path);
  const found = issue.code === 'unrecognized_keys' ? '' : input === undefined ? 'nothing (the field is missing)' : (JSON.stringify(input) ?? '').slice(0, 60);
  return { file, line: lineAt(node?.range?.[0]), field: fieldName(path), expected, found };
}

function nodeAt(doc: Document, path: readonly (string | number)[]): Node | null {
  const node = doc.getIn(path, true);
  return node && typeof node === 'object' && 'range' in node ? (node as Node) : null;
}

/** The node of the path, or of its nearest parent that exists (a missing field is reported on its object). */
function nearestNode(doc: Document, path: readonly (string | number)[]): Node | null {
  for (let n = path.length; n >= 0; n--) {
    const at = path.slice(0, n);
    // a key's own line: the pair's key node, when the path ends at a map key
    const parent = n > 0 ? doc.getIn(at.slice(0, -1), true) : null;
    if (n > 0 && isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === at.at(-1));
      if (pair && isScalar(pair.key)) return pair.key;
    }
    const node = n === 0 ? (doc.contents as Node | null) : nodeAt(doc, at);
    if (node) return node;
  }
  return null;
}

const fieldName = (path: readonly (string | number)[]): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

/** One file, or every `.yaml`/`.yml` in a folder and its subfolders (sorted); ids must be unique. */
export function loadExercises(path: string): Exercise[] {
  const files = statSync(path).isDirectory() ? yamlFiles(path) : [path];
  const exercises = files.map((file) => parseExercise(readFileSync(file, 'utf8'), relativeName(file)));
  const seen = new Map<string, string>();
  for (const exercise of exercises) {
    const other = seen.get(exercise.id);
    if (other) throw new ExerciseFileError([{ file: exercise.file, line: 1, field: 'id', expected: `an id no other exercise has (${other} has ${exercise.id})`, found: JSON.stringify(exercise.id) }]);
    seen.set(exercise.id, exercise.file);
  }
  return exercises;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) return yamlFiles(full);
      return /\.ya?ml$/.test(entry.name) ? [full] : [];
    });
}


let builtIns: Exercise[] | null = null;
/** The built-in exercises, loaded once: the build's catalog when there is one (dist), else the YAML. */
export function builtInExercises(): Exercise[] {
  builtIns ??= readCatalog() ?? loadExercises(builtInFolder());
  return builtIns;
}
