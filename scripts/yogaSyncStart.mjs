/**
 * Build-time patch of yoga-layout for the CommonJS start bundle (scripts/codeCache.mjs) only.
 *
 * yoga-layout's entry waits for its WebAssembly with a top-level `await`, which a CommonJS script
 * (what V8's code cache needs on Node 20) cannot hold. Emscripten's loader takes an
 * `instantiateWasm` hook: given the module's bytes (its `data:` URL, passed as a third argument
 * here) the hook instantiates synchronously, so the runtime is ready when `loadYoga` returns and
 * its argument, which Emscripten uses as the module object, is the finished module.
 */
import { readFile } from 'node:fs/promises';

// Emscripten's minified output breaks the line inside the call
const HOOK_CALL = /if\(h\.instantiateWasm\)try\{return h\.instantiateWasm\(d,\s*a\)\}/g;
const TOP_LEVEL_AWAIT = 'const Yoga = wrapAssembly(await loadYoga());';

/** the binary loader with the data URL handed to the hook; throws if yoga changed so that it no longer applies */
export function passDataUrlToHook(source) {
  if ((source.match(HOOK_CALL) ?? []).length !== 1) throw new Error(`yoga-layout's binary loader: expected one call of h.instantiateWasm(d, a) (did yoga-layout change?)`);
  return source.replace(HOOK_CALL, 'if(h.instantiateWasm)try{return h.instantiateWasm(d,a,H)}');
}

/** yoga's entry instantiated synchronously instead of awaited */
export function instantiateSynchronously(source) {
  if (source.split(TOP_LEVEL_AWAIT).length !== 2) throw new Error(`yoga-layout/dist/src/index.js: expected one "${TOP_LEVEL_AWAIT}" (did yoga-layout change?)`);
  return source.replace(
    TOP_LEVEL_AWAIT,
    `const yogaModule = {
  instantiateWasm(imports, receiveInstance, dataUrl) {
    const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), imports);
    receiveInstance(instance);
    return instance.exports;
  },
};
loadYoga(yogaModule);
if (!yogaModule.calledRun) throw new Error('yoga-layout did not start synchronously');
const Yoga = wrapAssembly(yogaModule);`,
  );
}

export const yogaSyncStart = {
  name: 'yoga-sync-start',
  setup(b) {
    b.onLoad({ filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, async (args) => ({ contents: passDataUrlToHook(await readFile(args.path, 'utf8')), loader: 'js' }));
    b.onLoad({ filter: /[\\/]yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/ }, async (args) => ({ contents: instantiateSynchronously(await readFile(args.path, 'utf8')), loader: 'js' }));
  },
};

const DEVTOOLS_IMPORT = "if (isDev()) {\n    try {\n        await import('./devtools.js');";
const PACKAGE_JSON = '? await loadPackageJson()';

/**
 * Ink's reconciler awaits at its top level only when DEV=true (React devtools, its package.json);
 * the bundle has no devtools (build.mjs's stand-in), so the CommonJS bundle drops both awaits.
 */
export function inkWithoutDevtools(source) {
  if (source.split(DEVTOOLS_IMPORT).length !== 2 || source.split(PACKAGE_JSON).length !== 2) throw new Error('ink/build/reconciler.js: its DEV-only top-level awaits moved (did Ink change?)');
  return source.replace(DEVTOOLS_IMPORT, "if (false) {\n    try {\n        void 0;").replace(PACKAGE_JSON, '? { name: undefined, version: undefined }');
}

export const inkNoTopLevelAwait = {
  name: 'ink-no-top-level-await',
  setup(b) {
    b.onLoad({ filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/ }, async (args) => ({ contents: inkWithoutDevtools(await readFile(args.path, 'utf8')), loader: 'js' }));
  },
};
