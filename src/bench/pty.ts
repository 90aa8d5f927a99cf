/**
 * Programs under a real pseudo-terminal (node-pty), as a person would start them: the time until a
 * text is on the terminal, and the CPU a process has used (from /proc).
 */
import { readFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import nodePty from 'node-pty';

export const COLUMNS = 100;
export const ROWS = 30;

export interface Program {
  /** what it is called in reports */
  label: string;
  script: string;
  args: string[];
  /** text on the terminal that says the first screen is drawn */
  marker: string;
}

export interface Running {
  pid: number;
  /** milliseconds from spawn until the marker was on the terminal */
  firstFrameMs: number;
  /** types keys into the program's terminal */
  press(keys: string): void;
  /** resolves once `text` is on the terminal after this call, and it has printed nothing for `quietMs` */
  settled(text: string, quietMs: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * What the benchmark's children leave out of its environment. `CI`: Ink draws every frame only
 * outside CI, and the children are interactive wherever the bench runs. `NODE_EXTRA_CA_CERTS`: a
 * machine's setting, not the program's: node parses the named bundle before any JavaScript runs
 * (this VM's 220 KB, 416 million instructions, two-fifths of the bare hello's start), a constant
 * both programs would pay that shrinks every ratio towards 1 (README, "Cold start (1)").
 */
export const DROPPED_ENV: readonly string[] = ['CI', 'CONTINUOUS_INTEGRATION', 'NODE_EXTRA_CA_CERTS'];

/** [choice] `--keep-ca-certs`: the children keep this machine's NODE_EXTRA_CA_CERTS (as the bench did before issue 16's fifth round). */
let kept: readonly string[] = [];
export function keepCaCerts(): void {
  kept = ['NODE_EXTRA_CA_CERTS'];
}

/** The environment a benchmarked program starts with: this process's, less DROPPED_ENV (but `keep`), on an xterm with colours. */
export function childEnv(from: NodeJS.ProcessEnv = process.env, keep: readonly string[] = kept): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(from)) if (value !== undefined && (!DROPPED_ENV.includes(key) || keep.includes(key))) env[key] = value;
  return { ...env, TERM: 'xterm-256color', FORCE_COLOR: '1' };
}

/** Spawns `program` at 100×30 and resolves once its marker is on the terminal. */
export function start(program: Program, timeoutMs = 30_000): Promise<Running> {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const child = nodePty.spawn(process.execPath, [program.script, ...program.args], {
      name: 'xterm-256color',
      cols: COLUMNS,
      rows: ROWS,
      cwd: process.cwd(),
      env: childEnv(),
    });
    let output = '';
    let found = false;
    let exited = false;
    const exit = new Promise<void>((done) => child.onExit(() => ((exited = true), done())));
    const stop = async () => {
      if (!exited) child.kill('SIGTERM');
      await exit;
    };
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${program.label}: "${program.marker}" not on the terminal after ${timeoutMs} ms; it shows:\n${stripVTControlCharacters(output).slice(-2000)}`));
    }, timeoutMs);
    const listeners = new Set<(data: string) => void>();
    const settled = (text: string, quietMs: number, waitMs = timeoutMs) =>
      new Promise<void>((done, fail) => {
        let seen = '';
        let quiet: NodeJS.Timeout | undefined;
        const onData = (data: string) => {
          seen += data;
          clearTimeout(quiet);
          if (stripVTControlCharacters(seen).includes(text)) quiet = setTimeout(finish, quietMs);
        };
        const finish = () => {
          clearTimeout(limit);
          listeners.delete(onData);
          done();
        };
        const limit = setTimeout(() => {
          clearTimeout(quiet);
          listeners.delete(onData);
          fail(new Error(`${program.label}: "${text}" not on the terminal, or never quiet, after ${waitMs} ms`));
        }, waitMs);
        listeners.add(onData);
        // no text to wait for: quiet from now on is enough
        if (text === '') quiet = setTimeout(finish, quietMs);
      });
    child.onData((data) => {
      for (const listener of listeners) listener(data);
      if (found) return;
      output += data;
      if (!stripVTControlCharacters(output).includes(program.marker)) return;
      found = true;
      clearTimeout(timer);
      resolve({ pid: child.pid, firstFrameMs: performance.now() - startedAt, press: (keys) => child.write(keys), settled, stop });
    });
    void exit.then(() => {
      if (found) return;
      clearTimeout(timer);
      reject(new Error(`${program.label} exited before "${program.marker}" was on the terminal; it printed:\n${stripVTControlCharacters(output).slice(-2000)}`));
    });
  });
}

/** Clock ticks per second of /proc/<pid>/stat's times: 100 on Linux everywhere node runs. */
export const CLOCK_TICKS = 100;

/** CPU time (user + system) used by a process so far, in milliseconds, from /proc/<pid>/stat. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // the command name may hold spaces; the fields after its closing parenthesis are fixed
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / CLOCK_TICKS;
}
