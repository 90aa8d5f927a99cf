/** `"text"` and `/regex/` matched against one line at a time: a match never spans two screen rows. */
import type { TextMatcher } from '../language/ast.js';

export function describeMatcher(m: TextMatcher): string {
  return m.kind === 'text' ? JSON.stringify(m.text) : `/${m.source}/${m.flags}`;
}

/** `g` and `y` make `test()` stateful across lines, so they are dropped. */
function toRegExp(m: Extract<TextMatcher, { kind: 'regex' }>): RegExp {
  return new RegExp(m.source, m.flags.replace(/[gy]/g, ''));
}

/**
 * Amounts are printed with no-break spaces (U+00A0, and U+202F where a font has it) so they never
 * wrap; a tape writes `4 750,00 ₽` with plain spaces, as a person reads it. Both sides are compared
 * with those as plain spaces.
 */
export const plainSpaces = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

/** The index of the first line the matcher finds, or -1. */
export function findLine(m: TextMatcher, lines: readonly string[]): number {
  const plain = lines.map(plainSpaces);
  if (m.kind === 'text') {
    const text = plainSpaces(m.text);
    return plain.findIndex((line) => line.includes(text));
  }
  const re = toRegExp(m);
  return plain.findIndex((line) => re.test(line));
}
