/**
 * Rows 7–11: key → frame p99 at each place (site, phone, terminal, cashier, Post). The keys are
 * the corpus tapes' own (every *.tape under test/tapes/), played in-process with every frame drawn
 * as the program draws them; each key step counts for the place that had the keys when it was
 * pressed. A step's time runs from the key to the frame parsed by xterm and the machines settled,
 * so it is a bound on what a person sees. A `Type` of n characters counts as n keys of 1/n of it.
 * The baseline is Ink's "hello" echoing keys in the same process, as in row 2.
 */
import React from 'react';
import { TapeEngine } from '../tape/run/engine.js';
import { KioskHarness } from '../tape/drivers/kioskHarness.js';
import { parseTape, requireSteps } from '../tape/language/parse.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findTapes } from '../tape/files.js';
import type { Step } from '../tape/language/ast.js';
import type { Place } from '../../machines/world.js';
import { corpus, TAPE_DIR } from './throughput.js';
import { HelloApp } from './fixtures/HelloApp.js';
import { InkProbe } from './inkProbe.js';
import { row, type Row } from './report.js';
import { quantile } from './stats.js';

export const PLACE_ROWS: ReadonlyArray<{ id: number; place: Place }> = [
  { id: 7, place: 'site' },
  { id: 8, place: 'phone' },
  { id: 9, place: 'terminal' },
  { id: 10, place: 'cashier' },
  { id: 11, place: 'post' },
];

/** How many keys a step presses, or 0 for a step that is not a key (or lets simulated time pass). */
function keysIn(step: Step): number {
  if (step.kind === 'key') return step.delayMs ? 0 : step.repeat;
  if (step.kind === 'type') return step.delayMs ? 0 : step.text.length;
  return step.kind === 'press' || step.kind === 'insert' ? 1 : 0;
}

type PerPlace = Map<Place, number[]>;

async function keyTimes(rounds: number, limit?: number): Promise<{ times: PerPlace; tapes: number }> {
  const times: PerPlace = new Map();
  // a short run (smoke) takes one tape of each place's folder, so that every place has keys
  const files = limit === undefined ? corpus() : readdirSync(TAPE_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).flatMap((e) => findTapes(join(TAPE_DIR, e.name)).slice(0, 1));
  for (let round = 0; round < rounds; round++) {
    for (const file of files) {
      const tape = requireSteps(parseTape(readFileSync(file, 'utf8'), file), '');
      const engine = await TapeEngine.open(tape, { everyFrame: true });
      try {
        for (const step of tape.steps) {
          const harness = engine.harness as KioskHarness;
          const place = harness.running ? harness.place : null;
          const started = performance.now();
          await engine.run(step);
          const keys = keysIn(step);
          if (place && keys > 0 && round > 0) {
            const each = (performance.now() - started) / keys;
            const list = times.get(place) ?? [];
            for (let k = 0; k < keys; k++) list.push(each);
            times.set(place, list);
          }
        }
      } catch (error) {
        throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        await engine.dispose();
      }
    }
  }
  return { times, tapes: files.length };
}

async function helloEcho(keys: number): Promise<number[]> {
  const hello = new InkProbe('hello', React.createElement(HelloApp), { maxFps: 1000 });
  const samples: number[] = [];
  try {
    for (let i = 0; i < keys; i++) {
      await hello.quiet();
      samples.push(await hello.press(String(i % 10)));
    }
  } finally {
    hello.unmount();
  }
  return samples.filter((x) => !Number.isNaN(x));
}

let measured: Promise<{ times: PerPlace; tapes: number; hello: number[] }> | null = null;

/** One row per place; the corpus is played once (the first round only warms up) for all five rows. */
export async function placeLatency(id: number, rounds: number, limit?: number): Promise<Row> {
  measured ??= keyTimes(rounds + 1, limit).then(async (r) => ({ ...r, hello: await helloEcho(500) }));
  const { times, tapes, hello } = await measured;
  const place = PLACE_ROWS.find((r) => r.id === id)?.place as Place;
  const samples = times.get(place) ?? [];
  const p99 = quantile(samples, 0.99);
  const helloP99 = quantile(hello, 0.99);
  return row({
    id,
    name: `key → frame p99 at the ${place}`,
    figure: p99,
    baseline: helloP99,
    unit: 'ms',
    ratio: p99 / helloP99,
    target: { on: 'figure', op: '<=', limit: 16 },
    detail:
      `${samples.length} keys pressed at the ${place} by the ${tapes} corpus tapes (${rounds} round(s) after a warm-up), in-process, every frame drawn: ` +
      `p50 ${quantile(samples, 0.5).toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, max ${Math.max(...samples).toFixed(2)} ms (key to frame parsed and machines settled); ` +
      `Ink "hello" echo p99 ${helloP99.toFixed(2)} ms`,
    samples: { p50: [quantile(samples, 0.5)] },
  });
}
