/**
 * The real kiosk (dist/kiosk.js) in a pseudo-terminal, its screen read through @xterm/headless.
 * Everything waits on what the screen shows or on the process ending; a long safety limit turns a
 * hang into a failure with the screen in the message, it is never a delay.
 */
import xtermHeadless from '@xterm/headless';
import pty from 'node-pty';
import { writeNow } from '../../src/tape/drivers/ptyWrite.js';
import { KIOSK_BIN } from './helpers.js';

const { Terminal } = xtermHeadless;
const COLUMNS = 100;
const ROWS = 30;
/** a hang, not a slow machine: generous on purpose */
const SAFETY_MS = 30_000;

export interface Exit {
  exitCode: number;
  signal?: number | undefined;
}

type Check = () => void;

export class PtyKiosk {
  readonly pid: number;
  readonly exited: Promise<Exit>;
  private exit: Exit | null = null;
  private readonly term = new Terminal({ cols: COLUMNS, rows: ROWS, allowProposedApi: true, scrollback: 0 });
  private readonly proc: pty.IPty;
  private readonly checks = new Set<Check>();
  /** raw output, for errors printed before the alternate screen */
  output = '';

  /** `bin`: another build's kiosk.js than the tests' copy of dist/ */
  constructor(args: string[], env: Record<string, string>, bin: string = KIOSK_BIN) {
    this.proc = pty.spawn(process.execPath, [bin, ...args], {
      name: 'xterm-256color',
      cols: COLUMNS,
      rows: ROWS,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/nonexistent', TERM: 'xterm-256color', ...env },
    });
    this.pid = this.proc.pid;
    this.proc.onData((data) => {
      this.output += data;
      this.term.write(data, () => this.runChecks());
    });
    this.exited = new Promise((resolve) => {
      this.proc.onExit((exit) => {
        this.exit = exit;
        // let xterm finish parsing what came before the exit
        this.term.write('', () => {
          this.runChecks();
          resolve(exit);
        });
      });
    });
  }

  screen(): string {
    const buffer = this.term.buffer.active;
    const rows: string[] = [];
    for (let y = 0; y < ROWS; y++) rows.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    return rows.join('\n');
  }

  /** what was sent, for the message when something hangs */
  private readonly sent: string[] = [];

  press(keys: string): void {
    this.sent.push(JSON.stringify(keys));
    // written now: a queued write could outlive a killed kiosk and reach the next one (src/tape/ptyWrite.ts)
    if (!this.exit) writeNow(this.proc, keys);
  }

  kill(): void {
    if (!this.exit) this.proc.kill('SIGKILL');
  }

  /** a signal a terminal or a service manager sends (SIGTERM, SIGHUP) */
  signal(name: 'SIGTERM' | 'SIGHUP'): void {
    if (!this.exit) this.proc.kill(name);
  }

  /** Resolves with the screen once it matches; rejects if the process ends first. */
  async waitFor(what: string | RegExp): Promise<string> {
    return (await this.until((screen) => (typeof what === 'string' ? screen.includes(what) : what.test(screen)), `${what}`, false))!;
  }

  /** Resolves with the screen once `matches` holds for it (`label` names it in the error of a hang); rejects if the process ends first. */
  async waitForScreen(matches: (screen: string) => boolean, label: string): Promise<string> {
    return (await this.until(matches, label, false))!;
  }

  /** Resolves with 'screen' once the screen matches, or 'exit' once the process has ended (a crash point). */
  async screenOrExit(what: string | RegExp): Promise<'screen' | 'exit'> {
    const got = await this.until((screen) => (typeof what === 'string' ? screen.includes(what) : what.test(screen)), `${what}`, true);
    return got === null ? 'exit' : 'screen';
  }

  /** Resolves once the process has ended (it is expected to kill itself at a crash point). */
  async died(): Promise<Exit> {
    await this.until(() => false, 'its end', true);
    return this.exit!;
  }

  dispose(): void {
    this.kill();
    this.term.dispose();
  }

  private runChecks(): void {
    for (const check of [...this.checks]) check();
  }

  private until(matches: (screen: string) => boolean, label: string, exitIsAnswer: boolean): Promise<string | null> {
    return new Promise((resolve, reject) => {
      const done = (fn: () => void) => {
        clearTimeout(safety);
        this.checks.delete(check);
        fn();
      };
      const check: Check = () => {
        const screen = this.screen();
        if (matches(screen)) return done(() => resolve(screen));
        if (this.exit) {
          if (exitIsAnswer) return done(() => resolve(null));
          done(() => reject(new Error(`kiosk ${this.pid} exited (${JSON.stringify(this.exit)}) before showing ${label}:\n${screen}\n${this.output.slice(-400)}`)));
        }
      };
      const safety = setTimeout(
        () => done(() => reject(new Error(`kiosk ${this.pid} never showed ${label}; sent: ${this.sent.join(' | ')}; printed "recovered" ${this.output.split('recovered').length - 1} times; the screen:\n${this.screen()}`))),
        SAFETY_MS,
      );
      this.checks.add(check);
      check();
    });
  }
}
