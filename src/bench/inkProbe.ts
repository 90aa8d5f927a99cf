/**
 * An Ink app rendered in this process into a stdout that timestamps every frame, with a stdin that
 * keys are pushed into: the time from a key reaching the app to its frame being written.
 */
import { EventEmitter } from 'node:events';
import type { ReactElement } from 'react';
import { render, type Instance } from 'ink';
import { FakeStdin } from '../tape/drivers/virtualTerminal.js';
import { COLUMNS, ROWS } from './pty.js';
import { sleep } from './stats.js';

/** A terminal's stdout of a fixed size; a frame is every write made in one synchronous burst. */
class TimedStdout extends EventEmitter {
  readonly isTTY = true;
  columns = COLUMNS;
  rows = ROWS;
  lastWriteAt = 0;
  private waiter: ((at: number) => void) | null = null;
  private burstQueued = false;

  write = (_data: string): boolean => {
    this.lastWriteAt = performance.now();
    if (this.waiter && !this.burstQueued) {
      // Ink may write a frame in pieces (synchronized-update brackets); the frame is written when the burst ends
      this.burstQueued = true;
      queueMicrotask(() => {
        this.burstQueued = false;
        const done = this.waiter;
        this.waiter = null;
        done?.(this.lastWriteAt);
      });
    }
    return true;
  };

  nextFrame(): Promise<number> {
    return new Promise((resolve) => (this.waiter = resolve));
  }

  cancelWait(): void {
    this.waiter = null;
  }
}

export interface ProbeOptions {
  /** Ink's frame cap: renders closer together than 1000/maxFps ms are coalesced */
  maxFps: number;
}

export class InkProbe {
  private readonly stdout = new TimedStdout();
  private readonly stdin = new FakeStdin();
  private readonly ink: Instance;
  private lastRenderAt = 0;
  /** Ink renders so far (React commits that reached Ink's renderer) */
  renders = 0;
  /** keys whose frame did not come within the wait */
  missed = 0;

  constructor(
    readonly label: string,
    app: ReactElement,
    readonly options: ProbeOptions,
  ) {
    this.ink = render(app, {
      stdout: this.stdout as never,
      stdin: this.stdin as never,
      stderr: this.stdout as never,
      exitOnCtrlC: false,
      patchConsole: false,
      maxFps: options.maxFps,
      onRender: () => {
        this.lastRenderAt = performance.now();
        this.renders++;
      },
    });
  }

  /** Ink's throttle window: a render this long after the last one is drawn at once (its leading edge). */
  get frameMs(): number {
    return Math.max(1, Math.ceil(1000 / this.options.maxFps));
  }

  /** Milliseconds since Ink last rendered or wrote. */
  quietFor(): number {
    return performance.now() - Math.max(this.stdout.lastWriteAt, this.lastRenderAt);
  }

  /** Waits until nothing has been drawn for one throttle window, so the next key gets its own frame. */
  async quiet(): Promise<void> {
    for (let gap = this.frameMs + 1 - this.quietFor(); gap > 0; gap = this.frameMs + 1 - this.quietFor()) await sleep(gap);
  }

  /** Pushes a key and resolves with the milliseconds until its frame was written, or NaN if none came. */
  async press(key: string, timeoutMs = 1000): Promise<number> {
    const frame = this.stdout.nextFrame();
    const sentAt = performance.now();
    this.stdin.write(key);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<number>((resolve) => (timer = setTimeout(() => resolve(NaN), timeoutMs)));
    const at = await Promise.race([frame, timeout]);
    clearTimeout(timer);
    if (Number.isNaN(at)) {
      this.stdout.cancelWait();
      this.missed++;
      return NaN;
    }
    return at - sentAt;
  }

  unmount(): void {
    this.ink.unmount();
    this.ink.cleanup();
  }
}
