/**
 * The report's corpus, for the structure test and the browser suite: three tapes (one broken on
 * purpose: its golden frame was edited) and five training attempts of two trainees, made by playing
 * built-in exercises' tapes and keeping the attempts they record.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AttemptRecord } from '../../src/domain/training/attempt.js';
import { trainingReport } from '../../src/domain/training/report.js';
import { replayFrames } from '../../src/cli/trainReplay.js';
import { runTape, type TapeResult } from '../../src/tape/run/runTape.js';
import { tapeReportHtml } from '../../src/report/tapeReport.js';
import { trainingReportHtml } from '../../src/report/trainingHtml.js';

export const CORPUS = join(import.meta.dirname, 'corpus');
export const TAPES = readdirSync(CORPUS).filter((f) => f.endsWith('.tape')).sort().map((f) => join('test', 'report', 'corpus', f));

export async function corpusResults(): Promise<TapeResult[]> {
  const results: TapeResult[] = [];
  for (const file of TAPES) results.push(await runTape(file, { record: true, colors: true }));
  return results;
}

export async function corpusTapeReport(): Promise<{ html: string; results: TapeResult[] }> {
  const results = await corpusResults();
  return { results, html: await tapeReportHtml(results, { command: `kiosk tape run ${TAPES.join(' ')} --report out.html`, version: '0.1.0', ms: 1234 }) };
}

const TRAINING = join(import.meta.dirname, '..', 'tapes', 'training', 'terminal');
/** [tape, trainee]: Boris misses R-TERM-6 then gets it right; Anna passes the path twice and misses a note once. */
const PLAYS: ReadonlyArray<readonly [string, string]> = [
  ['term-bring-close-big-note.tape', 'Boris'],
  ['term-bring-close-perfect.tape', 'Boris'],
  ['term-path-perfect.tape', 'Anna'],
  ['term-rejected-note-pays-short.tape', 'Anna'],
  ['term-rejected-note-perfect.tape', 'Anna'],
];

/** Fixed times and ids, so the report's bytes are the same on every run. */
export async function trainingAttempts(): Promise<AttemptRecord[]> {
  const attempts: AttemptRecord[] = [];
  for (const [i, [tape, trainee]] of PLAYS.entries()) {
    const saved: AttemptRecord[] = [];
    const result = await runTape(join(TRAINING, tape), { saveAttempt: (record) => void saved.push(record) });
    if (result.failure || saved.length !== 1) throw new Error(`${tape}: ${result.failure?.message ?? `${saved.length} attempts recorded`}`);
    attempts.push({ ...saved[0]!, trainee, id: `a-corpus-${i + 1}`, startedAt: Date.UTC(2026, 10, 20 + i, 9) });
  }
  return attempts;
}

export async function corpusTrainingReport(): Promise<{ html: string; attempts: AttemptRecord[] }> {
  const attempts = await trainingAttempts();
  return { attempts, html: await trainingReportHtml(attempts, trainingReport(attempts), { replay: (attempt) => replayFrames(attempt, { colors: true }), subtitle: 'corpus' }) };
}
