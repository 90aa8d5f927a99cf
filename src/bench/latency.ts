/**
 * Row 2: key → frame latency of the whole Euroset path, in-process at 100×30, against the bare Ink
 * app echoing the same keys. Keys go to the two apps in turn, each after the screens are quiet, so
 * each key is drawn on the leading edge of Ink's frame throttle: the latency a person typing sees.
 */
import React from 'react';
import { MemoryStore } from '../domain/memoryStore.js';
import { asyncStore } from '../domain/asyncStore.js';
import { addPathOrders, keysPerPath, kioskProbe, newClock, pathSteps, settled } from './euroset.js';
import { HelloApp } from './fixtures/HelloApp.js';
import { InkProbe } from './inkProbe.js';
import { row, type Row } from './report.js';
import { quantile } from './stats.js';

/** The kiosk's own cap (src/cli/run.tsx). */
const SHIPPED_MAX_FPS = 60;
/**
 * A 1 ms throttle lets keys follow each other 2 ms apart instead of 17: the key takes the same
 * leading-edge path to its frame as under the shipped cap, and 1,000 paths take a minute, not ten.
 */
const FAST_MAX_FPS = 1000;

interface Samples {
  kiosk: number[];
  hello: number[];
  missed: number;
  /** Ink renders of the kiosk per key */
  rendersPerKey: number;
}

async function walk(paths: number, maxFps: number): Promise<Samples> {
  const store = new MemoryStore();
  const clock = newClock();
  addPathOrders(store, clock.now(), 0, paths);
  const kiosk = kioskProbe(asyncStore(store), clock, { maxFps });
  const hello = new InkProbe('hello', React.createElement(HelloApp), { maxFps });
  const samples: Samples = { kiosk: [], hello: [], missed: 0, rendersPerKey: 0 };
  let turn = 0;
  try {
    await settled(kiosk.actor);
    await kiosk.probe.quiet();
    const rendersBefore = kiosk.probe.renders;
    for (let path = 0; path < paths; path++) {
      for (const step of pathSteps(path)) {
        for (const key of step.keys) {
          await settled(kiosk.actor);
          await kiosk.probe.quiet();
          await hello.quiet();
          // alternate which app gets the key first, so neither always runs on a warmer cache
          if (turn++ % 2 === 0) {
            samples.kiosk.push(await kiosk.probe.press(key));
            samples.hello.push(await hello.press(key));
          } else {
            samples.hello.push(await hello.press(key));
            samples.kiosk.push(await kiosk.probe.press(key));
          }
        }
        await settled(kiosk.actor);
        await kiosk.probe.quiet();
        if (kiosk.screen() !== step.screen) {
          throw new Error(`path ${path}: keys ${JSON.stringify(step.keys.join(''))} led to the "${kiosk.screen()}" screen, not "${step.screen}"`);
        }
      }
    }
    samples.missed = kiosk.probe.missed + hello.missed;
    samples.rendersPerKey = (kiosk.probe.renders - rendersBefore) / samples.kiosk.length;
    return samples;
  } finally {
    kiosk.stop();
    hello.unmount();
  }
}

const drawn = (xs: number[]) => xs.filter((x) => !Number.isNaN(x));
const ms = (x: number) => `${x.toFixed(2)} ms`;

export async function latency(paths: number): Promise<Row> {
  const fast = await walk(paths, FAST_MAX_FPS);
  // a shorter walk at the shipped cap, at typing pace, confirms the fast walk's figures
  const shippedPaths = Math.max(1, Math.round(paths / 50));
  const shipped = await walk(shippedPaths, SHIPPED_MAX_FPS);
  const kiosk = drawn(fast.kiosk);
  const hello = drawn(fast.hello);
  const p99 = quantile(kiosk, 0.99);
  const helloP99 = quantile(hello, 0.99);
  const missed = fast.missed + shipped.missed;
  return row({
    id: 2,
    name: 'key → frame p99',
    figure: p99,
    baseline: helloP99,
    unit: 'ms',
    ratio: p99 / helloP99,
    target: { on: 'figure', op: '<=', limit: 16 },
    detail:
      `${paths} Euroset paths × ${keysPerPath()} keys in-process at 100×30 (Ink maxFps ${FAST_MAX_FPS}, keys after a quiet frame): ` +
      `kiosk p50 ${ms(quantile(kiosk, 0.5))}, p99 ${ms(p99)}, max ${ms(Math.max(...kiosk))}; hello echo p50 ${ms(quantile(hello, 0.5))}, p99 ${ms(helloP99)}. ` +
      `Ink renders per key: ${fast.rendersPerKey.toFixed(2)}. At the shipped maxFps ${SHIPPED_MAX_FPS} (${shippedPaths} paths): kiosk p50 ${ms(quantile(drawn(shipped.kiosk), 0.5))}, p99 ${ms(quantile(drawn(shipped.kiosk), 0.99))}` +
      (missed ? `. ${missed} keys drew no frame within 1 s` : ''),
    samples: { kioskP50: [quantile(kiosk, 0.5)], helloP50: [quantile(hello, 0.5)] },
  });
}
