/**
 * The bundle's patch of yoga-layout's loader (scripts/yogaWasmNoFetch.mjs): Yoga's WebAssembly is
 * decoded from its data URL without `fetch` (which loads undici at every start of the kiosk), and
 * the patched loader lays out a tree the same as yoga as installed.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

interface Patch {
  decodeWithoutFetch(source: string): string;
}
type YogaNode = {
  setWidth(w: number): void;
  setHeight(h: number): void;
  setFlexGrow(g: number): void;
  insertChild(child: YogaNode, index: number): void;
  calculateLayout(w?: number, h?: number): void;
  getComputedLayout(): { left: number; top: number; width: number; height: number };
};
type Yoga = { Node: { create(): YogaNode } };

const patch = (await import(pathToFileURL(resolve('scripts/yogaWasmNoFetch.mjs')).href)) as Patch;
const BINARY = resolve('node_modules/yoga-layout/dist/binaries/yoga-wasm-base64-esm.js');
const WRAP = resolve('node_modules/yoga-layout/dist/src/wrapAssembly.js');

/** A tree of three boxes, two growing in a row of 100, laid out by `yoga`. */
function layout(yoga: Yoga): Array<{ left: number; top: number; width: number; height: number }> {
  const root = yoga.Node.create();
  root.setWidth(100);
  root.setHeight(30);
  const boxes = [yoga.Node.create(), yoga.Node.create(), yoga.Node.create()];
  boxes[0]!.setWidth(20);
  boxes[1]!.setFlexGrow(1);
  boxes[2]!.setFlexGrow(2);
  boxes.forEach((box, i) => root.insertChild(box, i));
  root.calculateLayout();
  return [root, ...boxes].map((node) => node.getComputedLayout());
}

/** yoga's loader, patched, wrapped as yoga-layout wraps it; `fetch` fails the test if anything calls it. */
async function patchedYoga(): Promise<Yoga> {
  const file = resolve('node_modules/.cache/kiosk-tests/yogaNoFetch.mjs');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, patch.decodeWithoutFetch(readFileSync(BINARY, 'utf8')));
  const load = ((await import(pathToFileURL(file).href)) as { default: () => Promise<unknown> }).default;
  const wrap = ((await import(pathToFileURL(WRAP).href)) as { default: (lib: unknown) => Yoga }).default;
  const realFetch = globalThis.fetch;
  const fetched: string[] = [];
  globalThis.fetch = ((url: string) => (fetched.push(String(url).slice(0, 40)), Promise.reject(new Error('fetched')))) as typeof fetch;
  try {
    const yoga = wrap(await load());
    expect(fetched).toEqual([]);
    return yoga;
  } finally {
    globalThis.fetch = realFetch;
  }
}

describe("yoga-layout's loader without fetch (the bundle)", () => {
  it('applies to the installed yoga-layout, and refuses a file it does not recognise', () => {
    const source = readFileSync(BINARY, 'utf8');
    expect(source).toContain('"function"!=typeof fetch');
    const patched = patch.decodeWithoutFetch(source);
    expect(patched).not.toContain('function ya(){return w||"function"!=typeof fetch?');
    expect(patched).toContain('function ya(){return w||!0?');
    expect(() => patch.decodeWithoutFetch('export default function loadYoga() {}')).toThrow(/yoga-wasm-base64-esm\.js.*did yoga-layout change/);
  });

  it('loads the WebAssembly without calling fetch and lays out as yoga as installed', async () => {
    const installed = (await import('yoga-layout')).default as unknown as Yoga;
    expect(layout(await patchedYoga())).toEqual(layout(installed));
    // a column of 30: the growing boxes share the height 1:2
    const [, , one, two] = layout(installed);
    expect([one?.height, two?.height]).toEqual([10, 20]);
  });

  it('is in the built kiosk (npm test builds dist/ first)', () => {
    const chunks = readdirSync(resolve('dist/chunks')).filter((name) => name.endsWith('.js'));
    const yogaChunks = chunks.map((name) => readFileSync(resolve('dist/chunks', name), 'utf8')).filter((text) => text.includes('data:application/octet-stream;base64,AGFzbQ'));
    expect(yogaChunks.length).toBeGreaterThan(0);
    for (const text of yogaChunks) expect(text).toMatch(/function ya\(\) \{\s*return w \|\| true \?/);
  });
});
