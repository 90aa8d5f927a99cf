/**
 * Build-time patch of yoga-layout's Emscripten loader (the bundle only; the tests run it as installed).
 *
 * Yoga (Ink's layout engine) carries its WebAssembly as a base64 `data:` URL and, where a global
 * `fetch` exists, reads it with `fetch(dataUrl)`. On Node that loads undici (Node's fetch, compiled
 * on first use) and decodes 95 KB through its data-URL parser: about 75 ms of CPU at every start of
 * the kiosk, a tenth of a `--pty` tape's start-up. Emscripten's own fallback decodes the same URL
 * without fetch (the branch it takes where there is no fetch): the same bytes, the same module.
 */
import { readFile } from 'node:fs/promises';

/** the binary-loading function: with a data URL and a fetch function it fetches */
const TARGET = 'function ya(){return w||"function"!=typeof fetch?';

/** yoga's loader that never fetches its data URL; throws if yoga changed so that the patch no longer applies. */
export function decodeWithoutFetch(source) {
  if (source.split(TARGET).length !== 2) throw new Error(`yoga-layout/dist/binaries/yoga-wasm-base64-esm.js: expected one "${TARGET}" to patch (did yoga-layout change?)`);
  // kiosk build (scripts/yogaWasmNoFetch.mjs): the data URL is decoded in place, as where there is no fetch
  return source.replace(TARGET, 'function ya(){return w||!0?');
}

/** The esbuild plugin that applies it. */
export const yogaWasmNoFetch = {
  name: 'yoga-wasm-no-fetch',
  setup(b) {
    b.onLoad({ filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, async (args) => ({ contents: decodeWithoutFetch(await readFile(args.path, 'utf8')), loader: 'js' }));
  },
};
