// Row 1 in wall-clock terms: where a start's milliseconds go, not only how many instructions it
// runs (scripts/coldStartInstructions.mjs). Each program starts under a pty of 100×30, as the bench
// starts it, with scripts/coldStartProbe.mjs preloaded; at its first screen the probe reads from the
// kernel how long the main thread was on a CPU, how long it waited for one, what the other threads
// used, the page faults and the garbage collections, and ends the process. Programs take turns;
// medians are printed with the load average beside them (on a shared machine only the CPU columns
// mean much; `ms` and `wait` grow with the load).
//
//   npm run build --silent && node scripts/coldStartWall.mjs [--runs 15] [--only kiosk|hello] [--dist DIR] [--base DIR]
//
// `--base DIR` adds another build (a copy of dist/ from before a change), its programs taking turns
// with the current ones.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, stripVTControlCharacters } from 'node:util';
import nodePty from 'node-pty';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '15' }, only: { type: 'string' }, dist: { type: 'string', default: 'dist' }, base: { type: 'string' } },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: "${values.runs}" is not a whole number of runs ≥ 1`);
if (values.only !== undefined && values.only !== 'kiosk' && values.only !== 'hello') throw new Error(`--only: "${values.only}" is neither kiosk nor hello`);
const probe = fileURLToPath(new URL('./coldStartProbe.mjs', import.meta.url));

// as src/bench/programs.ts: the idle screen's line in English and HelloApp's marker
const programsOf = (label, dist) => [
  { label: `${label}kiosk`, kind: 'kiosk', script: join(dist, 'kiosk.js'), args: ['--memory', '--lang', 'en'], marker: 'Press any key to start' },
  { label: `${label}hello`, kind: 'hello', script: join(dist, 'bench-hello.js'), args: ['--memory'], marker: 'hello' },
];
const programs = [...programsOf(values.base ? 'new ' : '', resolve(values.dist)), ...(values.base ? programsOf('base ', resolve(values.base)) : [])]
  .filter((p) => values.only === undefined || p.kind === values.only);

// as src/bench/pty.ts: CI off (Ink draws every frame), and no NODE_EXTRA_CA_CERTS (the machine's, not the program's)
const DROPPED_ENV = ['CI', 'CONTINUOUS_INTEGRATION', 'NODE_EXTRA_CA_CERTS'];
function childEnv() {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) if (!DROPPED_ENV.includes(key)) env[key] = value;
  return { ...env, TERM: 'xterm-256color', FORCE_COLOR: '1' };
}

/** One start: the probe's line, and the milliseconds from spawn until the marker was on the terminal. */
function start(program) {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-wall-'));
  const out = join(dir, 'probe.jsonl');
  return new Promise((done, fail) => {
    const spawnedAt = performance.now();
    // the probe through NODE_OPTIONS, not the command line: the kiosk's loader picks its code cache by
    // process.execArgv (scripts/codeCacheLoader.js), so `--import` there made it start without one
    const child = nodePty.spawn(process.execPath, [program.script, ...program.args], {
      name: 'xterm-256color', cols: 100, rows: 30, cwd: process.cwd(),
      env: { ...childEnv(), NODE_OPTIONS: `--import ${probe}`, COLD_START_MARKER: program.marker, COLD_START_OUT: out },
    });
    let seen = '';
    let ptyMs = null;
    const limit = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.onData((data) => {
      if (ptyMs !== null) return;
      seen += data;
      if (stripVTControlCharacters(seen).includes(program.marker)) ptyMs = performance.now() - spawnedAt;
    });
    child.onExit(() => {
      clearTimeout(limit);
      try {
        const line = readFileSync(out, 'utf8').trim().split('\n')[0];
        done({ ptyMs, ...JSON.parse(line) });
      } catch {
        fail(new Error(`${program.label}: no probe line; it printed:\n${stripVTControlCharacters(seen).slice(-1500)}`));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const loads = [];
const samples = Object.fromEntries(programs.map((p) => [p.label, []]));
// one unmeasured start each fills the OS file cache, as the bench's row does
for (const program of programs) await start(program);
for (let i = 0; i < runs; i++) {
  for (const program of programs) {
    loads.push(Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]));
    samples[program.label].push(await start(program));
  }
}
const COLUMNS = ['ptyMs', 'ms', 'mainCpuMs', 'mainWaitMs', 'helperCpuMs', 'minorFaults', 'gcCount', 'gcMs', 'heapMiB'];
console.log(`median of ${runs} starts each, taking turns; load average ${Math.min(...loads)}–${Math.max(...loads)}`);
console.log(['program'.padEnd(12), ...COLUMNS.map((c) => c.padStart(11))].join(' '));
const medians = {};
for (const program of programs) {
  medians[program.label] = Object.fromEntries(COLUMNS.map((c) => [c, median(samples[program.label].map((s) => s[c]))]));
  console.log([program.label.padEnd(12), ...COLUMNS.map((c) => String(medians[program.label][c]?.toFixed(c === 'minorFaults' || c === 'gcCount' ? 0 : 1)).padStart(11))].join(' '));
}
for (const prefix of values.base ? ['new ', 'base '] : ['']) {
  const kiosk = medians[`${prefix}kiosk`];
  const hello = medians[`${prefix}hello`];
  if (kiosk && hello) console.log(`${prefix}kiosk/hello: pty ${(kiosk.ptyMs / hello.ptyMs).toFixed(2)}×, main-thread CPU ${(kiosk.mainCpuMs / hello.mainCpuMs).toFixed(2)}×`);
}
