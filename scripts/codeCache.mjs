/**
 * The code-cached start (issue 16): an entry bundled as ONE CommonJS script (NAME.bundle.cjs), the
 * tiny loader scripts/codeCacheLoader.js as NAME.js, and V8's code cache NAME.cache taken from a real
 * start once its first frame is on a pseudo-terminal (so it holds the functions compiled lazily up to
 * the frame, not only the top level).
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { asciiOnly } from './asciiOutput.mjs';
import { yogaSyncStart, inkNoTopLevelAwait } from './yogaSyncStart.mjs';

/**
 * Bundles `entry` as outdir/NAME.bundle.cjs (lazy imports become lazy inits) with the loader as
 * outdir/NAME.js. With `commands` (src/cli/commands.ts), that entry becomes a second script,
 * outdir/NAME.commands.cjs, which the start script loads only when src/cli/loadCommands.ts asks.
 */
export async function buildCodeCached(options, name, entry, { commands } = {}) {
  const script = async (entryPoint, file, extraPlugins) => {
    await build({
      ...options,
      entryPoints: [entryPoint],
      outdir: undefined,
      outfile: file,
      format: 'cjs',
      splitting: false,
      chunkNames: undefined,
      // import.meta.url as in the ES module build: the bundle file's own URL (the loader passes __filename)
      banner: { js: 'var __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
      define: { ...options.define, 'import.meta.url': '__importMetaUrl' },
      plugins: [...extraPlugins, yogaSyncStart, inkNoTopLevelAwait, ...options.plugins],
    });
    // pure ASCII (as scripts/asciiOutput.mjs makes dist/*.js), so the loader may read it as latin1: a one-byte string
    writeFileSync(file, asciiOnly(requireForDynamicImports(readFileSync(file, 'utf8')), file), 'latin1');
  };
  await Promise.all([
    script(entry, join(options.outdir, `${name}.bundle.cjs`), commands ? [commandsScript] : []),
    ...(commands ? [script(commands, join(options.outdir, `${name}.commands.cjs`), [])] : []),
  ]);
  copyFileSync('scripts/codeCacheLoader.js', join(options.outdir, `${name}.js`));
  chmodSync(join(options.outdir, `${name}.js`), 0o755);
}

/**
 * In the start script, src/cli/loadCommands.ts's `import('./commands.js')` loads the second script,
 * NAME.commands.cjs beside NAME.bundle.cjs, through the loader's runScript (its own code cache;
 * scripts/codeCacheLoader.js), or a plain require where the bundle runs without the loader.
 */
export const commandsScript = {
  name: 'commands-script',
  setup(b) {
    b.onResolve({ filter: /^\.\/commands\.js$/ }, (args) =>
      /[\\/]src[\\/]cli[\\/]loadCommands\.ts$/.test(args.importer) ? { path: 'commands', namespace: 'commands-script' } : undefined);
    b.onLoad({ filter: /.*/, namespace: 'commands-script' }, () => ({
      loader: 'js',
      contents: [
        'const file = __filename.replace(/\\.bundle\\.cjs$/, ".commands.cjs");',
        'const runScript = globalThis[Symbol.for("aliexpress-kiosk.runScript")];',
        'module.exports = runScript ? runScript(file) : require(file);',
      ].join('\n'),
    }));
  },
};

/**
 * Has outdir/NAME.js run `args` (a subcommand that loads the second script and exits) and write the
 * second script's cache as it exits: its top level compiled, so a subcommand does not parse the
 * whole script again. Resolves with the cache's path.
 */
export async function writeCommandsCache(outdir, name, args) {
  const cache = join(outdir, `${name}.commands.cache`);
  rmSync(cache, { force: true });
  execFileSync(process.execPath, [join(outdir, `${name}.js`), ...args], { env: { ...process.env, KIOSK_CODE_CACHE_WRITE: 'commands' }, stdio: 'ignore' });
  if (!existsSync(cache)) throw new Error(`${name}: \`${args.join(' ')}\` wrote no cache for ${name}.commands.cjs`);
  return cache;
}

/** Starts outdir/NAME.js in a pty until `marker` shows, then has it write NAME.cache; resolves when written. */
export async function writeCodeCache(outdir, name, args, marker, nodeFlags = []) {
  // loaded here, not at the top: a machine where node-pty did not install still builds (without a cache)
  const { default: nodePty } = await import('node-pty');
  const cache = join(outdir, `${name}${nodeFlags.map((flag) => `.${flag.replace(/^-+/, '')}`).join('')}.cache`);
  rmSync(cache, { force: true });
  // Ink draws nothing but the last frame when CI is set at all
  const env = { ...process.env };
  delete env.CI;
  delete env.CONTINUOUS_INTEGRATION;
  return new Promise((done, fail) => {
    const child = nodePty.spawn(process.execPath, [...nodeFlags, join(outdir, `${name}.js`), ...args], {
      name: 'xterm-256color', cols: 100, rows: 30, cwd: process.cwd(),
      env: { ...env, TERM: 'xterm-256color', FORCE_COLOR: '1', KIOSK_CODE_CACHE_WRITE: '1' },
    });
    let seen = '';
    let signalled = false;
    const limit = setTimeout(() => { child.kill('SIGKILL'); fail(new Error(`${name}: no first frame ("${marker}") within 60 s`)); }, 60_000);
    child.onData((data) => {
      seen += data;
      const text = stripVTControlCharacters(seen);
      if (!signalled && text.includes(marker)) {
        signalled = true;
        child.kill('SIGUSR2');
      }
      if (text.includes('[code cache written]')) child.kill('SIGKILL');
    });
    child.onExit(() => {
      clearTimeout(limit);
      if (existsSync(cache)) done(cache);
      else fail(new Error(`${name}: exited before writing its code cache:\n${stripVTControlCharacters(seen).slice(-2000)}`));
    });
  });
}

/**
 * esbuild keeps `import("pkg")` of an external package in CommonJS output; inside a vm.Script that
 * needs --experimental-vm-modules on Node 20. The externals imported so (node-pty, @resvg/resvg-js)
 * are CommonJS packages whose named exports are all the bundle reads, so a lazy require is the same.
 */
export function requireForDynamicImports(source) {
  return source.replace(/\bimport\(("[^"\n]+")\)/g, (_, specifier) => `Promise.resolve().then(() => require(${specifier}))`);
}
