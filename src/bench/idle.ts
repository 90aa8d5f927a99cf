/** Row 6: CPU used while waiting on the main menu, the kiosk and the bare Ink app side by side. */
import { en } from '../i18n/en.js';
import { HELLO, KIOSK } from './programs.js';
import { cpuMs, start, type Running } from './pty.js';
import { row, type Row } from './report.js';
import { sleep } from './stats.js';

/** The resolution of /proc's CPU times (one clock tick); the ratio never divides by less. */
const TICK_MS = 10;
/** no output for this long: start-up and the last frame are done, both programs only wait */
const QUIET_MS = 1000;

export async function idle(seconds: number): Promise<Row> {
  // both idle over the same wall-clock window, so a busy neighbour affects them alike
  const started = await Promise.allSettled([start(KIOSK), start(HELLO)]);
  const running = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(running.map((r) => r.stop()));
    throw failed.reason;
  }
  const [kiosk, hello] = running as [Running, Running];
  try {
    // a key takes the kiosk from the idle screen to the main menu; once both have drawn their last
    // frame and gone quiet, they only wait for a key
    const menu = kiosk.settled(en['menu.title'], QUIET_MS);
    kiosk.press(' ');
    await Promise.all([menu, hello.settled('', QUIET_MS)]);
    const before = [cpuMs(kiosk.pid), cpuMs(hello.pid)] as const;
    const startedAt = performance.now();
    await sleep(seconds * 1000);
    const wallMs = performance.now() - startedAt;
    const kioskMs = cpuMs(kiosk.pid) - before[0];
    const helloMs = cpuMs(hello.pid) - before[1];
    const kioskPct = (100 * kioskMs) / wallMs;
    const helloPct = (100 * helloMs) / wallMs;
    return row({
      id: 6,
      name: 'idle CPU on the main menu',
      figure: kioskPct,
      baseline: helloPct,
      unit: '% core',
      ratio: kioskMs / Math.max(helloMs, TICK_MS),
      target: { on: 'figure', op: '<', limit: 1 },
      detail: `utime+stime from /proc over ${seconds} s on the main menu (hello: its only screen), from ${QUIET_MS} ms after the last frame: kiosk ${kioskMs} ms, hello ${helloMs} ms of CPU (resolution ${TICK_MS} ms; the ratio's baseline is at least one tick)`,
      samples: { kioskCpuMs: [kioskMs], helloCpuMs: [helloMs] },
    });
  } finally {
    await Promise.all([kiosk.stop(), hello.stop()]);
  }
}
