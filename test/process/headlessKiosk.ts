/** test/process/headlessTerminal.ts, bundled once and run as a child process per start. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Exit } from './ptyKiosk.js';

// inside node_modules so that the bundle finds better-sqlite3
const OUT = resolve('node_modules/.cache/kiosk-tests/headlessTerminal.mjs');
const SAFETY_MS = 30_000;

/** Bundles to a private name, then renames: test files bundling at once never run a half-written file. */
export async function bundleHeadless(): Promise<void> {
  mkdirSync(dirname(OUT), { recursive: true });
  const result = await build({
    entryPoints: [resolve('test/process/headlessTerminal.ts')], outfile: OUT, write: false, bundle: true, platform: 'node',
    format: 'esm', target: 'node20', external: ['better-sqlite3'], logLevel: 'warning',
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
  });
  const staged = `${OUT}.${process.pid}.${Date.now()}`;
  writeFileSync(staged, result.outputFiles[0]!.contents);
  renameSync(staged, OUT);
}

export class HeadlessKiosk {
  private readonly proc: ChildProcessWithoutNullStreams;
  private lines: string[] = [];
  private exit: Exit | null = null;
  private readonly waiters = new Set<() => void>();

  constructor(env: Record<string, string>) {
    this.proc = spawn(process.execPath, [OUT], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/', ...env } });
    let partial = '';
    this.proc.stdout.on('data', (chunk: Buffer) => {
      const parts = (partial + chunk.toString()).split('\n');
      partial = parts.pop()!;
      this.lines.push(...parts);
      this.wake();
    });
    this.proc.stderr.on('data', (chunk: Buffer) => this.lines.push(`stderr ${chunk.toString()}`));
    this.proc.stdin.on('error', () => {}); // writing to a process that just killed itself
    this.proc.on('exit', (code, signal) => {
      this.exit = { exitCode: code ?? 0, signal: signal === 'SIGKILL' ? 9 : undefined };
      this.wake();
    });
  }

  /** what was sent, for the message when something hangs */
  private readonly sent: string[] = [];

  send(keys: string): void {
    this.sent.push(JSON.stringify(keys));
    this.proc.stdin.write(`${keys.replace(/\r/g, '\\r').replace(/\x03/g, '\\x03')}\n`);
  }

  kill(): void {
    if (!this.exit) this.proc.kill('SIGKILL');
  }

  /** The next line starting with `prefix` (lines before it are consumed); null once the process has ended. */
  next(prefix: string, exitIsAnswer = false): Promise<string | null> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const i = this.lines.findIndex((l) => l.startsWith(prefix) || l.startsWith('stderr'));
        if (i >= 0) {
          const [line] = this.lines.splice(0, i + 1).slice(-1);
          if (line!.startsWith('stderr')) return finish(() => reject(new Error(`headless kiosk: ${line}`)));
          return finish(() => resolve(line!));
        }
        if (this.exit) finish(() => (exitIsAnswer ? resolve(null) : reject(new Error(`headless kiosk exited before "${prefix}"`))));
      };
      const finish = (fn: () => void) => {
        clearTimeout(safety);
        this.waiters.delete(check);
        fn();
      };
      const safety = setTimeout(
        () => finish(() => reject(new Error(`headless kiosk ${this.proc.pid} never printed "${prefix}"; sent: ${this.sent.join(' | ')}; unread: ${this.lines.join(' | ')}`))),
        SAFETY_MS,
      );
      this.waiters.add(check);
      check();
    });
  }

  async died(): Promise<Exit> {
    while ((await this.next('\u0000never', true)) !== null);
    return this.exit!;
  }

  dispose(): void {
    this.kill();
  }

  private wake(): void {
    for (const check of [...this.waiters]) check();
  }
}
