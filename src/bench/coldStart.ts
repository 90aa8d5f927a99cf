/** Row 1: cold start to the first frame, the kiosk against a bare Ink app bundled the same way. */
import { HELLO, KIOSK } from './programs.js';
import { start, type Program } from './pty.js';
import { row, type Row } from './report.js';
import { alternate, median } from './stats.js';

async function firstFrameMs(program: Program): Promise<number> {
  const running = await start(program);
  // stopped before the next start, so the two never share the CPU
  await running.stop();
  return running.firstFrameMs;
}

export async function coldStart(runs: number): Promise<Row> {
  // one unmeasured start each warms the OS file cache, as any second start of a program would be
  await firstFrameMs(KIOSK);
  await firstFrameMs(HELLO);
  const { subject, baseline } = await alternate(runs, () => firstFrameMs(KIOSK), () => firstFrameMs(HELLO));
  const kiosk = median(subject);
  const hello = median(baseline);
  return row({
    id: 1,
    name: 'cold start → first frame',
    figure: kiosk,
    baseline: hello,
    unit: 'ms',
    ratio: kiosk / hello,
    target: { on: 'ratio', op: '<=', limit: 1.1 },
    detail:
      `median of ${runs} starts each, alternating, under node-pty at 100×30: dist/kiosk.js ${KIOSK.args.join(' ')} until "${KIOSK.marker}" ` +
      `vs dist/bench-hello.js until "${HELLO.marker}"; fastest start (least disturbed by neighbours): kiosk ${Math.min(...subject).toFixed(0)} ms, ` +
      `hello ${Math.min(...baseline).toFixed(0)} ms (${(Math.min(...subject) / Math.min(...baseline)).toFixed(2)}×)`,
    samples: { kiosk: subject, hello: baseline },
  });
}
