/** Row 6: CPU used while waiting on the first screen, the kiosk and the bare Ink app side by side. */
import { HELLO, KIOSK } from './programs.js';
import { cpuMs, start, type Running } from './pty.js';
import { row, type Row } from './report.js';
import { sleep } from './stats.js';

/** The resolution of /proc's CPU times (one clock tick); the ratio never divides by less. */
const TICK_MS = 10;

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
    // the first frame is drawn; from here on both only wait for a key
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
      name: 'idle CPU on the first screen',
      figure: kioskPct,
      baseline: helloPct,
      unit: '% core',
      ratio: kioskMs / Math.max(helloMs, TICK_MS),
      target: { on: 'figure', op: '<', limit: 1 },
      detail: `utime+stime from /proc over ${seconds} s after the first frame: kiosk ${kioskMs} ms, hello ${helloMs} ms of CPU (resolution ${TICK_MS} ms; the ratio's baseline is at least one tick)`,
      samples: { kioskCpuMs: [kioskMs], helloCpuMs: [helloMs] },
    });
  } finally {
    await Promise.all([kiosk.stop(), hello.stop()]);
  }
}
