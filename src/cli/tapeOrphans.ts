/**
 * `kiosk tape run --orphans=report|fail`: golden files no tape references. A tape's golden folder is
 * `<tape>.snapshots/` beside it; a file there is referenced when the tape has `Snapshot <name>` for
 * `<name>.txt` (its `<name>.svg` twin rides along). A `<name>.snapshots/` folder beside a run tape
 * whose `<name>.tape` no longer exists is all orphans. Only the run tapes' folders are looked at, so
 * a `--shard` or a single tape never calls its neighbours' goldens orphans.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseTape } from '../tape/language/parse.js';
import { snapshotFile, svgSnapshotFile } from '../tape/run/snapshot.js';
import { UsageError } from './args.js';

export type OrphanMode = 'off' | 'report' | 'fail';
const MODES: readonly OrphanMode[] = ['off', 'report', 'fail'];

export function parseOrphanMode(text: string): OrphanMode {
  if (!(MODES as readonly string[]).includes(text)) throw new UsageError(`--orphans: expected report, fail or off, got "${text}"`);
  return text as OrphanMode;
}

/** The golden files the tapes reference, or null for a tape that does not parse (its folder is left alone). */
function referencedGoldens(file: string): string[] | null {
  let tape;
  try {
    tape = parseTape(readFileSync(file, 'utf8'), file);
  } catch {
    return null;
  }
  const names = tape.steps.flatMap((step) => (step.kind === 'snapshot' ? [step.name] : []));
  return names.flatMap((name) => {
    const text = snapshotFile(file, dirname(file), name);
    return [text, svgSnapshotFile(text)];
  });
}

const filesIn = (dir: string): string[] =>
  existsSync(dir) && statSync(dir).isDirectory() ? readdirSync(dir).map((name) => join(dir, name)).filter((p) => statSync(p).isFile()) : [];

/** Sorted paths of the golden files in the tapes' golden folders that no tape references. */
export function findOrphans(tapes: readonly string[]): string[] {
  const referenced = new Set<string>();
  const folders = new Set<string>();
  const skipped = new Set<string>();
  for (const tape of tapes) {
    const folder = dirname(snapshotFile(tape, dirname(tape), 'x'));
    const goldens = referencedGoldens(tape);
    if (goldens === null) skipped.add(folder);
    for (const golden of goldens ?? []) referenced.add(golden);
    folders.add(folder);
    // a golden folder beside the tape whose own tape is gone
    for (const name of readdirSync(dirname(tape))) {
      if (name.endsWith('.snapshots') && !existsSync(join(dirname(tape), `${name.replace(/\.snapshots$/, '')}.tape`))) folders.add(join(dirname(tape), name));
    }
  }
  const orphans = [...folders].filter((f) => !skipped.has(f)).flatMap(filesIn).filter((p) => !referenced.has(p));
  return [...new Set(orphans)].sort();
}

/** The lines `--orphans` prints, or none when there are none. */
export function orphanLines(orphans: readonly string[], mode: OrphanMode): string[] {
  if (orphans.length === 0) return [];
  const verdict = mode === 'fail' ? ' fail the run (--orphans=fail)' : '';
  return [`${orphans.length} golden file(s) no tape references${verdict}:`, ...orphans.map((p) => `  ${p}`)];
}

