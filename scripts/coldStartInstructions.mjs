// Row 1 counted in instructions instead of milliseconds (load-independent, so it can judge a change
// on a shared machine): each program runs under `valgrind --tool=callgrind` in a pty of 100×30, as
// the bench starts it; as soon as its first screen is on the terminal callgrind is told to write
// what it counted (`callgrind_control --dump`) and the program is killed. Two figures: callgrind's
// total (every thread of the process: V8's compiler and collector threads too), and the main thread
// alone (`--separate-threads=yes`, thread 1), which is what the first frame waits for: the other
// threads run beside it on another core (scripts/coldStartWall.mjs measures both in milliseconds).
// Prints one line a run and the median of each program.
//
//   npm run build --silent && node scripts/coldStartInstructions.mjs [--runs 3] [--only kiosk|hello] [--dist DIR] [--keep DIR]
//
// `--keep DIR` leaves each run's callgrind files in DIR (read them with `callgrind_annotate FILE`).
// `--dist DIR` counts another build (e.g. a copy of dist/ from before a change) with the same marker.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseArgs, stripVTControlCharacters } from 'node:util';
import nodePty from 'node-pty';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, only: { type: 'string' }, dist: { type: 'string', default: 'dist' }, keep: { type: 'string' } },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: "${values.runs}" is not a whole number of runs ≥ 1`);
const dist = resolve(values.dist);

const PROGRAMS = {
  // the idle screen's line in English (src/i18n/en.ts, idle.press) and HelloApp's marker, as src/bench/programs.ts
  kiosk: { script: join(dist, 'kiosk.js'), args: ['--memory', '--lang', 'en'], marker: 'Press any key to start' },
  hello: { script: join(dist, 'bench-hello.js'), args: ['--memory'], marker: 'hello' },
};
if (values.only !== undefined && !(values.only in PROGRAMS)) throw new Error(`--only: "${values.only}" is neither kiosk nor hello`);

// as src/bench/pty.ts: CI off (Ink draws every frame), and no NODE_EXTRA_CA_CERTS (the machine's, not the program's)
const DROPPED_ENV = ['CI', 'CONTINUOUS_INTEGRATION', 'NODE_EXTRA_CA_CERTS'];
function childEnv() {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) if (!DROPPED_ENV.includes(key)) env[key] = value;
  return { ...env, TERM: 'xterm-256color', FORCE_COLOR: '1' };
}

/** One start under callgrind: resolves with the instructions counted up to the first screen. */
function count(program) {
  const dir = mkdtempSync(join(values.keep ?? tmpdir(), 'kiosk-callgrind-'));
  const out = join(dir, 'callgrind.out.%p');
  return new Promise((done, fail) => {
    const child = nodePty.spawn('valgrind', ['-q', '--tool=callgrind', '--separate-threads=yes', `--callgrind-out-file=${out}`, process.execPath, program.script, ...program.args], {
      name: 'xterm-256color', cols: 100, rows: 30, cwd: process.cwd(), env: childEnv(),
    });
    let seen = '';
    let found = false;
    const limit = setTimeout(() => child.kill('SIGKILL'), 900_000);
    child.onData((data) => {
      if (found) return;
      seen += data;
      if (!stripVTControlCharacters(seen).includes(program.marker)) return;
      found = true;
      // callgrind writes what it counted so far (callgrind.out.PID.1), then the program is killed:
      // a program without a SIGTERM handler dies of the signal before callgrind writes its totals
      try {
        execFileSync('callgrind_control', ['--dump', String(child.pid)], { stdio: 'ignore' });
      } finally {
        child.kill('SIGKILL');
      }
    });
    child.onExit(() => {
      clearTimeout(limit);
      try {
        if (!found) throw new Error(`"${program.marker}" never on the terminal; it printed:\n${stripVTControlCharacters(seen).slice(-1500)}`);
        // the dump at the first screen only (callgrind.out.PID.1-TT, one file a thread, TT 01 the main
        // thread): the file of the kill (if any) counts nothing of the start
        const files = readdirSync(dir).filter((name) => /^callgrind\.out\.\d+\.1-\d+$/.test(name));
        let total = 0;
        let main = null;
        for (const file of files) {
          const text = readFileSync(join(dir, file), 'utf8');
          const line = /^(?:summary|totals): (\d+)/m.exec(text);
          if (!line) throw new Error(`no totals in ${file}`);
          total += Number(line[1]);
          if (file.endsWith('.1-01')) main = Number(line[1]);
        }
        if (files.length === 0 || main === null) throw new Error('callgrind wrote no output for the main thread');
        done({ total, main });
      } catch (error) {
        fail(error);
      } finally {
        // --keep DIR: the callgrind files stay there, for callgrind_annotate
        if (values.keep === undefined) rmSync(dir, { recursive: true, force: true });
        else console.log(`callgrind files in ${dir}`);
      }
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const names = values.only ? [values.only] : Object.keys(PROGRAMS);
const counts = Object.fromEntries(names.map((name) => [name, { total: [], main: [] }]));
const billions = (n) => (n / 1e9).toFixed(3);
// alternating, like the bench's timed row
for (let i = 0; i < runs; i++) {
  for (const name of names) {
    const { total, main } = await count(PROGRAMS[name]);
    counts[name].total.push(total);
    counts[name].main.push(main);
    console.log(`${name} run ${i + 1}: ${billions(total)} billion instructions, main thread ${billions(main)}`);
  }
}
for (const name of names) {
  console.log(`${name}: median ${billions(median(counts[name].total))} billion, main thread ${billions(median(counts[name].main))} (${counts[name].total.length} runs)`);
}
if (counts.kiosk && counts.hello) {
  const ratio = (key) => (median(counts.kiosk[key]) / median(counts.hello[key])).toFixed(2);
  console.log(`ratio kiosk/hello: ${ratio('total')}× (all threads), ${ratio('main')}× (main thread)`);
}
