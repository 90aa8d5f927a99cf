/**
 * The colours of the CLI's own output (tape results, store tables): one chalk instance per stream,
 * made here so that no command tests TTY-ness itself.
 *
 * chalk's supports-color decides from the stream (a pipe or file gets none), FORCE_COLOR (0 turns
 * colour off, 1–3 forces it on even when piped) and TERM. It does not read NO_COLOR, so this does:
 * any non-empty NO_COLOR (https://no-color.org) turns colour off, FORCE_COLOR or not.
 * `--json` and CSV never pass through here, so they never hold escape codes.
 */
import { Chalk, supportsColor, supportsColorStderr, type ChalkInstance, type ColorSupportLevel, type ForegroundColorName } from 'chalk';

export type Colors = ChalkInstance;

/** For text that must stay plain whatever the terminal: JUnit, tests. */
export const PLAIN: Colors = new Chalk({ level: 0 });

/**
 * Colours for what is written to `stream`. supports-color looked at file descriptors 1 and 2 when it
 * loaded; any other stream (a file, a test's buffer) gets none.
 */
export function colorsFor(stream: NodeJS.WritableStream, env: NodeJS.ProcessEnv = process.env): Colors {
  const detected = stream === process.stdout ? supportsColor : stream === process.stderr ? supportsColorStderr : false;
  return new Chalk({ level: colorLevel(detected ? detected.level : 0, env) });
}

/** The level supports-color detected, unless NO_COLOR says none. */
export const colorLevel = (detected: ColorSupportLevel, env: NodeJS.ProcessEnv): ColorSupportLevel =>
  env.NO_COLOR ? 0 : detected;

/** What each status word is painted in, wherever the CLI prints one; a word not listed stays default (awaiting). */
const STATUS_COLORS: ReadonlyMap<string, ForegroundColorName> = new Map([
  ['paid', 'green'],
  ['partially_paid', 'yellow'],
  // a cash session being paid, or waiting for recovery to pay it
  ['open', 'yellow'],
  ['abandoned', 'red'],
  ['expired', 'red'],
  ['refused', 'red'],
]);

export function paintStatus(colors: Colors, status: string): string {
  const color = STATUS_COLORS.get(status);
  return color ? colors[color](status) : status;
}
