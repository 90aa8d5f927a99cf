/**
 * GIF clips: `kiosk tape gif CAST GIF` from an asciicast v2 file, and `kiosk tape run x.tape --gif
 * x.gif` (tapeRun.ts) from the tape just played. The picture code (resvg, gifenc) loads only here.
 */
import { readFileSync } from 'node:fs';
import { checkOutputPath, OutputPathError, writeFileAtomic } from '../adapters/atomicFile.js';
import { CastFormatError, parseAsciicast } from '../pictures/castFile.js';
import { FrameTooLargeError } from '../pictures/frameSvg.js';
import type { CastEvent } from '../tape/drivers/virtualTerminal.js';
import { parseOptions, UsageError } from './args.js';
import { printHelp } from './helpText.js';

export const GIF_USAGE = `kiosk tape gif — a GIF clip of an asciicast v2 recording

Usage:
  kiosk tape gif <in.cast> <out.gif> [--colors N] [--width PX]

Draws every frame of the recording (as \`kiosk tape run --cast\` writes it, or asciinema's) and
holds each until the next, pauses cut to the cast's idle_time_limit. Fonts come with the kiosk
(DejaVu Sans Mono), so the clip is the same on every machine.
  --colors N   colours per frame, 2 to 256 (default 64; fewer make a smaller file)
  --width PX   the clip's width in pixels (default 9 per column)
Exit codes: 0 written, 2 a bad recording, a missing output folder or bad usage (nothing written).
`;

export interface ClipOptions {
  colors: number;
  width: number | null;
}

export function clipOptions(colors: string | undefined, width: string | undefined): ClipOptions {
  const n = Number(colors ?? '64');
  if (!/^\d+$/.test(colors ?? '64') || n < 2 || n > 256) throw new UsageError(`--colors: expected a whole number from 2 to 256, got "${colors}"`);
  if (width !== undefined && (!/^\d+$/.test(width) || Number(width) < 80 || Number(width) > 4000)) {
    throw new UsageError(`--width: expected a whole number of pixels from 80 to 4000, got "${width}"`);
  }
  return { colors: n, width: width === undefined ? null : Number(width) };
}

/** The output's folder must exist before anything runs: a usage error naming the file, exit 2. */
export function checkGifPath(path: string): void {
  try {
    checkOutputPath(path);
  } catch (error) {
    if (error instanceof OutputPathError) throw new UsageError(`--gif ${error.message}`);
    throw error;
  }
}

/** Draws and writes the clip whole (temporary file, then rename); returns its size in bytes. */
export async function writeGif(path: string, columns: number, rows: number, events: readonly CastEvent[], idleLimitMs: number | null, options: ClipOptions): Promise<number> {
  const { castToGif } = await import('../pictures/gif.js');
  let gif: Uint8Array;
  try {
    gif = await castToGif(columns, rows, events, { idleLimitMs, colors: options.colors, ...(options.width ? { width: options.width } : {}) });
  } catch (error) {
    if (error instanceof FrameTooLargeError || (error instanceof Error && error.name === 'ClipTooLongError')) throw new UsageError(`${path}: ${error.message}`);
    throw error;
  }
  try {
    writeFileAtomic(path, gif);
  } catch (error) {
    if (error instanceof OutputPathError) throw new UsageError(error.message);
    throw error;
  }
  return gif.length;
}

export async function runTapeGif(argv: string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv, {
    colors: { type: 'string' },
    width: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  }, true);
  if (values.help) return void printHelp(GIF_USAGE), 0;
  if (positionals.length !== 2) throw new UsageError('expected two files: the asciicast to read and the GIF to write');
  const [castPath, gifPath] = positionals as [string, string];
  const options = clipOptions(values.colors, values.width);
  let text: string;
  try {
    text = readFileSync(castPath, 'utf8');
  } catch {
    throw new UsageError(`no such file: "${castPath}"`);
  }
  let cast;
  try {
    cast = parseAsciicast(text, castPath);
  } catch (error) {
    if (error instanceof CastFormatError) throw new UsageError(error.message);
    throw error;
  }
  checkGifPath(gifPath);
  const size = await writeGif(gifPath, cast.columns, cast.rows, cast.events, cast.idleLimitMs, options);
  process.stdout.write(`wrote ${gifPath} (${Math.ceil(size / 1024)} KB)\n`);
  return 0;
}
