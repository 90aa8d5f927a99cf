/**
 * What the kiosk's start loads (row 1 of the bench): the modules of `dist/kiosk.js` and of the
 * chunk `runKiosk` is in, with every chunk they import statically. Code only a later action needs
 * stays out of it, in a chunk loaded when that action comes (README, Performance, "Cold start").
 */
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** The kiosk's entries bundled as scripts/build.mjs bundles them (split into chunks), not written. */
async function kioskOutputs(): Promise<Metafile['outputs']> {
  const result = await build({
    entryPoints: { kiosk: 'src/cli.tsx', 'tape-worker': 'src/cli/tapeWorker.ts', tape: 'src/tape/lib.ts' },
    outdir: 'node_modules/.cache/kiosk-tests/start-path',
    bundle: true, platform: 'node', format: 'esm', splitting: true, target: 'node20', jsx: 'automatic',
    chunkNames: 'chunks/[name]-[hash]', write: false, metafile: true, logLevel: 'error',
    external: ['better-sqlite3', 'node-pty', '@resvg/resvg-js', 'pg', 'react-devtools-core'],
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return result.metafile.outputs;
}

/** The input files of the outputs the start loads: the entry, the chunk holding run.tsx, and their static imports. */
function startInputs(outputs: Metafile['outputs']): Set<string> {
  const entry = Object.keys(outputs).find((path) => outputs[path]?.entryPoint === 'src/cli.tsx');
  const run = Object.keys(outputs).find((path) => path.endsWith('.js') && 'src/cli/run.tsx' in (outputs[path]?.inputs ?? {}));
  if (!entry || !run) throw new Error('no kiosk entry or run chunk among the outputs');
  const loaded = new Set<string>();
  const queue = [entry, run];
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    if (loaded.has(path)) continue;
    loaded.add(path);
    for (const imported of outputs[path]?.imports ?? []) if (imported.kind === 'import-statement' && !imported.external) queue.push(imported.path);
  }
  return new Set([...loaded].flatMap((path) => Object.keys(outputs[path]?.inputs ?? {})));
}

describe('the kiosk start path', () => {
  it('loads no spaced-repetition scheduler: ts-fsrs comes with the first saved training attempt', async () => {
    const outputs = await kioskOutputs();
    const inputs = startInputs(outputs);
    // the start path is the real one (the app, the store, the world's machines are on it) …
    expect(inputs).toContain('src/app/App.tsx');
    expect(inputs).toContain('src/domain/memoryStore.ts');
    expect(inputs).toContain('src/domain/training/drillCard.ts');
    // … and the scheduler is in the bundle, only not on it
    const everywhere = new Set(Object.values(outputs).flatMap((output) => Object.keys(output.inputs)));
    expect([...everywhere].some((path) => path.startsWith('node_modules/ts-fsrs/'))).toBe(true);
    expect([...inputs].filter((path) => path.startsWith('node_modules/ts-fsrs/') || path === 'src/domain/training/drill.ts')).toEqual([]);
  }, 120_000);
});
