/** A tape's failure as people read it: in the terminal (coloured by the CLI) and inside JUnit. */
import type { TapeFailure } from '../run/failure.js';

/** How `formatFailure` paints its parts (the CLI's colours); plain by default, as in JUnit. */
export interface FailurePaint {
  /** `file:line:column: command: message` */
  heading(text: string): string;
  /** a diff's `-` row: what the tape expected (the golden frame) */
  expected(text: string): string;
  /** a diff's `+` row: what the screen showed */
  actual(text: string): string;
  /** `state:`, `screen:` */
  label(text: string): string;
  statePath(text: string): string;
  /** the box drawn around the screen */
  frame(text: string): string;
}
const same = (text: string) => text;
const PLAIN_PAINT: FailurePaint = { heading: same, expected: same, actual: same, label: same, statePath: same, frame: same };

/** The failure as printed: location, command, message, details, state and the framed screen. */
export function formatFailure(f: TapeFailure, paint: FailurePaint = PLAIN_PAINT): string {
  const where = f.line > 0 ? `${f.file}:${f.line}:${f.column}` : f.file;
  const out = [paint.heading(`${where}: ${f.command ? `${f.command}: ` : ''}${f.message}`)];
  for (const detail of f.details) {
    out.push(`  ${detail.startsWith('- ') ? paint.expected(detail) : detail.startsWith('+ ') ? paint.actual(detail) : detail}`);
  }
  if (f.statePath !== null) out.push(`  ${paint.label('state:')} ${paint.statePath(f.statePath)}`);
  if (f.screen.some((line) => line.trim() !== '')) {
    const width = Math.max(f.columns ?? 0, ...f.screen.map((l) => l.length));
    out.push(`  ${paint.label('screen:')}`, `  ${paint.frame(`┌${'─'.repeat(width)}┐`)}`);
    for (const line of f.screen) out.push(`  ${paint.frame('│')}${line.padEnd(width)}${paint.frame('│')}`);
    out.push(`  ${paint.frame(`└${'─'.repeat(width)}┘`)}`);
  }
  return out.join('\n');
}
