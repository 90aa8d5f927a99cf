/**
 * Row 14: one frame as SVG (frameToSvg over the @xterm/headless buffer) for every distinct frame
 * of the Euroset payment tape drawn in colour, against reading the same frame as text (every row's
 * translateToString, what a text Snapshot costs), taking turns frame by frame.
 */
import xtermHeadless from '@xterm/headless';
import { frameToSvg } from '../pictures/frameSvg.js';
import { runTape } from '../tape/run/runTape.js';
import { row, type Row } from './report.js';
import { median, quantile, timed } from './stats.js';

const TAPE = 'test/tapes/terminal/pay-4750-with-5000.tape';

export async function svgFrame(rounds: number): Promise<Row> {
  const result = await runTape(TAPE, { everyFrame: true, colors: true });
  if (result.failure) throw new Error(`${TAPE}: ${result.failure.message}`);
  const frames = [...new Set(result.cast.filter((e) => e.kind === 'o').map((e) => e.data))];
  const terminal = new xtermHeadless.Terminal({ cols: result.columns, rows: result.rows, scrollback: 0, allowProposedApi: true });
  const asSvg: number[] = [];
  const asText: number[] = [];
  let bytes = 0;
  const text = () => {
    const buffer = terminal.buffer.active;
    for (let y = 0; y < terminal.rows; y++) buffer.getLine(y)?.translateToString(true);
  };
  try {
    for (let round = 0; round < rounds; round++) {
      for (const [i, frame] of frames.entries()) {
        await new Promise<void>((resolve) => terminal.write(frame, resolve));
        if (i % 2 === 0) {
          asSvg.push(timed(() => void (bytes = Math.max(bytes, frameToSvg(terminal).length))));
          asText.push(timed(text));
        } else {
          asText.push(timed(text));
          asSvg.push(timed(() => void (bytes = Math.max(bytes, frameToSvg(terminal).length))));
        }
      }
    }
  } finally {
    terminal.dispose();
  }
  const svgMs = median(asSvg);
  const textMs = median(asText);
  return row({
    id: 14,
    name: 'one frame as SVG',
    figure: svgMs,
    baseline: textMs,
    unit: 'ms',
    ratio: svgMs / textMs,
    target: { on: 'figure', op: '<', limit: 2 },
    detail:
      `median of ${asSvg.length} frames (${frames.length} distinct frames of ${TAPE} in colour at ${result.columns}×${result.rows}, ${rounds} rounds): ` +
      `p90 ${quantile(asSvg, 0.9).toFixed(3)} ms, largest SVG ${Math.round(bytes / 1024)} KB; baseline: the same frame read as text (translateToString of every row)`,
    samples: { svgMs: asSvg, textMs: asText },
  });
}
