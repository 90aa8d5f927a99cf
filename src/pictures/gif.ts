/**
 * A GIF clip of a cast: every output event is written into a headless terminal, each frame drawn
 * as SVG (frameSvg.ts), rasterised by resvg with DejaVu Sans Mono from its npm package (no system
 * fonts, the same pixels on every machine) and encoded by gifenc, each frame held until the next
 * event of the cast's timeline. Loaded only by `--gif` and `tape gif`: resvg is a native module.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import xtermHeadless from '@xterm/headless';
import type { CastEvent } from '../tape/drivers/virtualTerminal.js';
import { frameToSvg, FrameTooLargeError, SVG_LIMITS } from './frameSvg.js';

export interface GifOptions {
  /** how long the last frame stays before the clip loops (ms) */
  holdLastMs?: number;
  /** a pause longer than this is cut to it, as asciinema's idle_time_limit (ms) */
  idleLimitMs?: number | null;
  /** colours per frame (2 to 256): fewer make a smaller file */
  colors?: number;
  /** the picture's width in pixels (the height follows); default the SVG's own size */
  width?: number;
}

/** Browsers show a GIF frame shorter than 20 ms for 100 ms: such frames are merged into the next. */
export const MIN_FRAME_MS = 20;
/** Beyond this a clip is a film, not a clip: refused rather than megabytes of GIF. */
export const MAX_GIF_FRAMES = 2_000;

export class ClipTooLongError extends Error {
  constructor(frames: number) {
    super(`the cast has ${frames} distinct frames; a GIF clip holds at most ${MAX_GIF_FRAMES}`);
    this.name = 'ClipTooLongError';
  }
}

interface Shot { svg: string; at: number }

/** The cast as the distinct frames a viewer sees, with when each appears (pure but for the terminal). */
export async function castFrames(columns: number, rows: number, events: readonly CastEvent[]): Promise<Shot[]> {
  if (columns > SVG_LIMITS.columns || rows > SVG_LIMITS.rows) throw new FrameTooLargeError(columns, rows);
  const terminal = new xtermHeadless.Terminal({ cols: columns, rows, scrollback: 0, allowProposedApi: true });
  const shots: Shot[] = [];
  try {
    for (const event of events) {
      if (event.kind === 'r') {
        // the window was resized (a tape's `Resize`): the frames after it are drawn at its size
        const [cols = columns, rowCount = rows] = event.data.split('x').map(Number);
        if (cols > SVG_LIMITS.columns || rowCount > SVG_LIMITS.rows) throw new FrameTooLargeError(cols, rowCount);
        terminal.resize(cols, rowCount);
        continue;
      }
      if (event.kind !== 'o') continue;
      await new Promise<void>((resolve) => terminal.write(event.data, resolve));
      const svg = frameToSvg(terminal);
      const last = shots.at(-1);
      // a frame gone before a GIF can show it gives its place to the newer one
      if (last && event.at - last.at < MIN_FRAME_MS) last.svg = svg;
      else shots.push({ svg, at: event.at });
      const previous = shots.at(-2);
      if (previous && previous.svg === shots.at(-1)!.svg) shots.pop();
    }
  } finally {
    terminal.dispose();
  }
  // a program that clears the screen as it quits leaves a blank last frame: the clip ends on the one before
  while (shots.length > 1 && !/<(text|path)\b/.test(shots.at(-1)!.svg)) shots.pop();
  return shots;
}

/** How long each shot stays: until the next one, pauses cut to the idle limit, the last one held. */
export function shotDurations(shots: readonly Shot[], options: GifOptions = {}): number[] {
  const cap = options.idleLimitMs ?? Infinity;
  return shots.map((shot, i) => {
    const next = shots[i + 1];
    return next ? Math.max(MIN_FRAME_MS, Math.min(cap, next.at - shot.at)) : (options.holdLastMs ?? 2_000);
  });
}

/** The font files resvg loads: DejaVu Sans Mono in its four faces, from the dejavu-fonts-ttf package. */
function fontFiles(): string[] {
  const require = createRequire(import.meta.url);
  const folder = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return ['', '-Bold', '-Oblique', '-BoldOblique'].map((face) => join(folder, `DejaVuSansMono${face}.ttf`));
}

export async function castToGif(columns: number, rows: number, events: readonly CastEvent[], options: GifOptions = {}): Promise<Uint8Array> {
  const shots = await castFrames(columns, rows, events);
  if (shots.length > MAX_GIF_FRAMES) throw new ClipTooLongError(shots.length);
  const durations = shotDurations(shots, options);
  const [{ Resvg }, gifencModule] = await Promise.all([import('@resvg/resvg-js'), import('gifenc')]);
  // gifenc is CommonJS to a bundle and to Node: its functions may sit on `default`
  const { GIFEncoder, quantize, applyPalette } = 'GIFEncoder' in gifencModule ? gifencModule : (gifencModule as { default: typeof gifencModule }).default;
  const fonts = fontFiles();
  const gif = GIFEncoder();
  // a clip with resizes: every frame at one scale (`--width` is the widest frame's), on a canvas as
  // large as the largest; a smaller frame sits at the top left, the rest its own background
  const widest = Math.max(...shots.map((shot) => svgWidth(shot.svg)));
  const zoom = options.width && widest > 0 ? options.width / widest : 1;
  const images = shots.map((shot) => new Resvg(shot.svg, {
    font: { loadSystemFonts: false, fontFiles: fonts, defaultFontFamily: 'DejaVu Sans Mono', monospaceFamily: 'DejaVu Sans Mono' },
    fitTo: zoom === 1 ? { mode: 'original' } : { mode: 'zoom', value: zoom },
    logLevel: 'off',
  }).render());
  const canvas = { width: Math.max(...images.map((image) => image.width)), height: Math.max(...images.map((image) => image.height)) };
  let previous: Uint32Array | null = null;
  images.forEach((image, i) => {
    const rgba = onCanvas(image.pixels, image.width, image.height, canvas.width, canvas.height);
    const pixels = new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.byteLength / 4);
    // one colour is kept for "as before": a pixel the previous frame already shows is left transparent,
    // so a keystroke's frame is a few changed cells in a sea of one index, which LZW packs to almost nothing
    const palette = quantize(rgba, (options.colors ?? 64) - 1);
    const index = applyPalette(rgba, palette);
    const transparentIndex = palette.length;
    if (previous) for (let p = 0; p < pixels.length; p++) if (pixels[p] === previous[p]) index[p] = transparentIndex;
    gif.writeFrame(index, canvas.width, canvas.height, {
      palette: [...palette, [0, 0, 0]], delay: durations[i]!, ...(previous ? { transparent: true, transparentIndex } : {}), dispose: 1,
    });
    previous = pixels;
  });
  gif.finish();
  return gif.bytes();
}

/** The width an SVG frame declares (frameSvg.ts writes it on the root element). */
function svgWidth(svg: string): number {
  return Number(/<svg\b[^>]*\bwidth="([\d.]+)"/.exec(svg)?.[1] ?? 0);
}

/** An RGBA image placed at the top left of a larger canvas, the rest filled with its first pixel (the frame's background). */
export function onCanvas(rgba: Uint8Array, width: number, height: number, canvasWidth: number, canvasHeight: number): Uint8Array {
  if (width === canvasWidth && height === canvasHeight) return rgba;
  const out = new Uint8Array(canvasWidth * canvasHeight * 4);
  const background = new Uint32Array(rgba.buffer, rgba.byteOffset, 1)[0]!;
  new Uint32Array(out.buffer).fill(background);
  for (let y = 0; y < height; y++) out.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * canvasWidth * 4);
  return out;
}
