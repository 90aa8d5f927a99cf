/**
 * Try from here (issue 18) over the whole catalog: for every built-in exercise (terminal, cashier,
 * Post, phone, site), its typical-mistake tape is played as a trainee's attempt; the debrief's
 * replay finds the first missed checkpoint, and a fresh sandbox given the recorded lines before it
 * (keys, `Press`, `Insert`, `Give`, `Reply`, answers …) shows the very screen the attempt had before
 * the mistake. A new exercise is covered as soon as it has its mistake tape (the test asks for one).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import React from 'react';
import { render } from 'ink';
import { SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/app/App.js';
import { WorldProvider } from '../../src/app/context.js';
import { startWorld } from '../../src/app/session.js';
import { openSandbox } from '../../src/adapters/trainingActors.js';
import type { WorldActor } from '../../machines/world.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import { asyncStore } from '../../src/domain/asyncStore.js';
import type { AttemptRecord } from '../../src/domain/training/attempt.js';
import { TRAINING_TERMINAL_ID } from '../../src/domain/training/moment.js';
import { NO_SEED, varies, variantOf } from '../../src/domain/training/variant.js';
import { builtInExercises } from '../../src/training/load.js';
import { findMistakeMoment, firstMistake, type MistakeMoment } from '../../src/training/mistakeMoment.js';
import { runTape } from '../../src/tape/run/runTape.js';
import { tapeRandom } from '../../src/tape/drivers/testChannel.js';
import { VirtualTerminal } from '../../src/tape/drivers/virtualTerminal.js';

const EXERCISES = builtInExercises();
const TAPES = join(import.meta.dirname, '..', 'tapes', 'training');

function tapeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? tapeFiles(full) : entry.name.endsWith('.tape') ? [full] : [];
  });
}

/** exercise id → its typical-mistake tape (the first, by name): every tape but the perfect trainee's */
const MISTAKE_TAPES = new Map<string, string>();
for (const file of tapeFiles(TAPES).sort()) {
  const id = /^Train (\S+)/m.exec(readFileSync(file, 'utf8'))?.[1];
  if (id && !file.endsWith('-perfect.tape') && !MISTAKE_TAPES.has(id)) MISTAKE_TAPES.set(id, file);
}

/** The tape played as the trainee's attempt: the record the Training place would have kept. */
async function attemptOf(file: string, source = readFileSync(file, 'utf8')): Promise<AttemptRecord> {
  const saved: AttemptRecord[] = [];
  const result = await runTape({ source, file }, { saveAttempt: (r) => void saved.push(r) });
  expect(result.failure?.message ?? null, file).toBeNull();
  expect(saved, file).toHaveLength(1);
  return saved[0] as AttemptRecord;
}

/** The sandbox's world drawn as the tapes draw a kiosk (80×24, the Training place's terminal id). */
async function screenOf(world: WorldActor, now: () => number): Promise<string[]> {
  const vt = new VirtualTerminal(80, 24);
  const ink = render(React.createElement(WorldProvider, { actor: world }, React.createElement(App, { terminalId: TRAINING_TERMINAL_ID })), {
    stdout: vt.stdout as never, stdin: vt.stdin as never, stderr: vt.stdout as never, debug: true, exitOnCtrlC: false, patchConsole: false,
  });
  try {
    // the status line reads the program's time as the tape's harness lets it: a tick after the keys
    if (world.getSnapshot().context.now !== now()) world.send({ type: 'clock.tick' });
    for (let turn = 0; turn < 5; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
    await vt.flush();
    return vt.lines();
  } finally {
    ink.unmount();
  }
}

/** Finds the attempt's first mistake and tries from there: the sandbox shows the screen the attempt had before it. */
async function expectTryFromHere(record: AttemptRecord): Promise<MistakeMoment> {
  const moment = await findMistakeMoment(record, EXERCISES);
  expect(moment?.checkpointId).toBe(firstMistake(record)?.id);
  if (!moment) throw new Error(`attempt at ${record.exerciseId}: no mistake`);
  const exercise = EXERCISES.find((e) => e.id === record.exerciseId)!;
  const clock = new SimulatedClock();
  const opened = openSandbox({
    store: asyncStore(new MemoryStore()),
    newAttemptId: () => 'practice',
    now: () => 0,
    // the sandbox draws the tapes' payment codes, as the recording did
    startWorld: (options) => startWorld({ ...options, random: tapeRandom() }),
    simulatedClock: (startMs) => (clock.set(startMs), clock),
  }, { exercise: varies(exercise) ? variantOf(exercise, record.seed ?? NO_SEED) : exercise, lang: record.lang, prefix: moment.prefix }, () => undefined);
  try {
    await opened.replayed;
    expect(await screenOf(opened.sandbox.world, () => clock.now())).toEqual(moment.before);
  } finally {
    opened.close();
  }
  return moment;
}

describe('Try from here resumes every built-in exercise at its first mistake', () => {
  it('every built-in exercise has a typical-mistake tape to try from', () => {
    expect(EXERCISES.filter((e) => !MISTAKE_TAPES.has(e.id)).map((e) => e.id)).toEqual([]);
    expect(new Set(EXERCISES.map((e) => e.place))).toEqual(new Set(['terminal', 'cashier', 'post', 'phone', 'site']));
  });

  it.each(EXERCISES.map((e) => [e.id, e.place]))('%s (%s): the screen before the mistake, the keys handed back there', async (id) => {
    await expectTryFromHere(await attemptOf(MISTAKE_TAPES.get(id) as string));
  }, 60_000);

  it('R-CASH-4: a seeded attempt at the till (the perfect tape, one wrong answer): its drawn change is handed back as given, and the screen is the one before the answer', async () => {
    const file = join(TAPES, 'cashier', 'cashier-basic-perfect.tape');
    const source = readFileSync(file, 'utf8')
      .replace(/^Train CASHIER-BASIC as "Anna"$/m, 'Train CASHIER-BASIC as "Anna" seed 7')
      .replace(/^Say .*$/m, 'Say "Yes, the payment is on the site already, no need for it"')
      .replace(/^ExpectScore 100$/m, 'ExpectScore 70');
    const record = await attemptOf(file, source);
    expect(record.seed).toBe(7);
    const moment = await expectTryFromHere(record);
    const given = moment.prefix.filter((line) => line.startsWith('Give '));
    // the drawn values filled in: the sandbox knows no tape variables
    expect(given).toEqual([expect.stringMatching(/^Give( \d+(\.\d+)?)+$/)]);
  }, 60_000);
});
