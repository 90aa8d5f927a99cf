/** `"text"` and `/regex/` matched against one line at a time: a match never spans two screen rows. */
import type { TextMatcher } from './ast.js';

export function describeMatcher(m: TextMatcher): string {
  return m.kind === 'text' ? JSON.stringify(m.text) : `/${m.source}/${m.flags}`;
}

/** `g` and `y` make `test()` stateful across lines, so they are dropped. */
function toRegExp(m: Extract<TextMatcher, { kind: 'regex' }>): RegExp {
  return new RegExp(m.source, m.flags.replace(/[gy]/g, ''));
}

/** The index of the first line the matcher finds, or -1. */
export function findLine(m: TextMatcher, lines: readonly string[]): number {
  if (m.kind === 'text') return lines.findIndex((line) => line.includes(m.text));
  const re = toRegExp(m);
  return lines.findIndex((line) => re.test(line));
}
