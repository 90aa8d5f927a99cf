#!/usr/bin/env node
// Starts NAME.bundle.cjs beside this file (NAME being this file's own name) through vm.Script with
// V8's code cache, made at build time after a first frame (scripts/codeCache.mjs), so the functions
// a start runs are read compiled instead of parsed and compiled again. Node 20 has no code cache for
// ES modules, hence one CommonJS script. A missing or rejected cache (another Node or V8, other
// flags) is a plain compile: slower, never different. KIOSK_NO_CODE_CACHE=1 skips it.
// The start script loads its second script, NAME.commands.cjs (the subcommands), through
// runScript below too, with a cache of its own: it finds the function on globalThis.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const base = fileURLToPath(import.meta.url).replace(/\.js$/, '');

/** DIR/X.cache for DIR/X.bundle.cjs or DIR/X.cjs; DIR/X.no-opt.cache under `node --no-opt` (the tape runner's --pty): V8 rejects a cache made under other flags */
function cacheFileFor(filename, execArgv) {
  const flags = execArgv.map((flag) => flag.replace(/^-+/, '').replace(/[^A-Za-z0-9=_-]/g, '_'));
  return `${filename.replace(/(\.bundle)?\.cjs$/, '')}${flags.map((flag) => `.${flag}`).join('')}.cache`;
}

/**
 * The cached code of `filename` at this very path. V8 keeps the file name the cache was made
 * under (stacks would name the build's folder once dist/ is copied elsewhere), so each cache starts
 * with the script's path and a NUL, and serves only there.
 */
function readCache(path, filename) {
  if (process.env.KIOSK_NO_CODE_CACHE === '1') return undefined;
  let data;
  try {
    data = readFileSync(path);
  } catch {
    return undefined;
  }
  const end = data.indexOf(0);
  return end > 0 && data.toString('utf8', 0, end) === filename ? data.subarray(end + 1) : undefined;
}

const writeCache = (path, filename, script) => writeFileSync(path, Buffer.concat([Buffer.from(`${filename}\0`), script.createCachedData()]));

/** Runs the CommonJS script `filename` (with its code cache when one serves) and returns its exports. */
function runScript(filename) {
  const require = createRequire(filename);
  // node --enable-source-maps maps the frames of required files only (not of vm scripts on Node 20)
  if (process.sourceMapsEnabled) return require(filename);
  const cachePath = cacheFileFor(filename, process.execArgv);
  const cachedData = readCache(cachePath, filename);
  // the wrapper shares the script's first line, so the line numbers in stacks are the file's own
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(filename, 'latin1')}\n})`, { filename, cachedData });
  if (process.env.KIOSK_CODE_CACHE_REPORT) {
    const report = { cache: cachePath, offered: cachedData !== undefined, rejected: cachedData === undefined ? null : script.cachedDataRejected };
    appendFileSync(process.env.KIOSK_CODE_CACHE_REPORT, `${JSON.stringify(report)}\n`);
  }
  // build time only (scripts/codeCache.mjs): the start's cache is taken once the builder has seen
  // the first frame and signals; a second script's at the exit of the command that loaded it
  if (process.env.KIOSK_CODE_CACHE_WRITE === '1' && filename === `${base}.bundle.cjs`) {
    process.once('SIGUSR2', () => {
      writeCache(cachePath, filename, script);
      process.stdout.write('\n[code cache written]\n');
    });
  }
  if (process.env.KIOSK_CODE_CACHE_WRITE === 'commands' && filename !== `${base}.bundle.cjs`) {
    process.once('exit', () => writeCache(cachePath, filename, script));
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require, module, filename, dirname(filename));
  return module.exports;
}

globalThis[Symbol.for('aliexpress-kiosk.runScript')] = runScript;
runScript(`${base}.bundle.cjs`);
