/**
 * Rows 7–11: key → frame p99 at each place (site, phone, terminal, cashier, Post). The keys are
 * the corpus tapes' own (every *.tape under test/tapes/), played in-process with every frame drawn
 * as the program draws them; each key counts for the place that had the keys when it was pressed.
 * A key's time runs from its write into stdin to the first frame Ink writes after it (the frame a
 * person would see; xterm reading it afterwards is the test's work, not the program's).
 * The baseline is Ink's "hello" echoing keys in the same process, as in row 2.
 */
import React from 'react';
import { TapeEngine } from '../tape/run/engine.js';
import { KioskHarness } from '../tape/drivers/kioskHarness.js';
import { parseTape, requireSteps } from '../tape/language/parse.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findTapes } from '../tape/files.js';
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

type PerPlace = Map<Place, number[]>;

/**
 * Times each key from its write into the kiosk's stdin to the first frame Ink writes after it, as
 * row 2's probe does: keys sent in one burst (a `Type`) all count to the frame that shows them.
 * A key that changes nothing on the screen draws no frame and is not counted.
 */
class KeyClock {
  private pending: Array<{ at: number; place: Place }> = [];
  missed = 0;
  constructor(
    private readonly times: PerPlace,
    private readonly placeNow: () => Place | null,
    private counting = false,
  ) {}

  watch(harness: KioskHarness): void {
    const { stdin, stdout } = harness.vt;
    const writeKey = stdin.write.bind(stdin);
    stdin.write = (data: string) => {
      const place = this.placeNow();
      if (this.counting && place) this.pending.push({ at: performance.now(), place });
      writeKey(data);
    };
    const writeFrame = stdout.write;
    stdout.write = (data: string) => {
      const at = performance.now();
      for (const key of this.pending) {
        const list = this.times.get(key.place) ?? [];
        list.push(at - key.at);
        this.times.set(key.place, list);
      }
      this.pending = [];
      return writeFrame(data);
    };
  }

  /** A step ended: its keys that drew nothing are dropped. */
  endStep(counting: boolean): void {
    this.missed += this.pending.length;
    this.pending = [];
    this.counting = counting;
  }
}

async function keyTimes(rounds: number, limit?: number): Promise<{ times: PerPlace; tapes: number; missed: number }> {
  const times: PerPlace = new Map();
  let missed = 0;
  // a short run (smoke) takes one tape of each place's folder, so that every place has keys
  const files = limit === undefined ? corpus() : readdirSync(TAPE_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).flatMap((e) => findTapes(join(TAPE_DIR, e.name)).slice(0, 1));
  for (let round = 0; round < rounds; round++) {
    for (const file of files) {
      const tape = requireSteps(parseTape(readFileSync(file, 'utf8'), file), '');
      const engine = await TapeEngine.open(tape, { everyFrame: true });
      const harness = engine.harness as KioskHarness;
      // the first round only warms up
      const keys = new KeyClock(times, () => (harness.running ? harness.place : null), round > 0);
      keys.watch(harness);
      try {
        for (const step of tape.steps) {
          await engine.run(step);
          keys.endStep(round > 0);
        }
        missed += keys.missed;
      } catch (error) {
        throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        await engine.dispose();
      }
    }
  }
  return { times, tapes: files.length, missed };
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

let measured: Promise<{ times: PerPlace; tapes: number; missed: number; hello: number[] }> | null = null;

/** One row per place; the corpus is played once (the first round only warms up) for all five rows. */
export async function placeLatency(id: number, rounds: number, limit?: number): Promise<Row> {
  measured ??= keyTimes(rounds + 1, limit).then(async (r) => ({ ...r, hello: await helloEcho(500) }));
  const { times, tapes, missed, hello } = await measured;
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
      `p50 ${quantile(samples, 0.5).toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, max ${Math.max(...samples).toFixed(2)} ms (key written to stdin → the first frame Ink writes after it, as in row 2; ` +
      `${missed} keys at all places changed nothing on the screen); ` +
      `Ink "hello" echo p99 ${helloP99.toFixed(2)} ms`,
    samples: { p50: [quantile(samples, 0.5)] },
  });
}
