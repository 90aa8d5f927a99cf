/**
 * Tape variables: `Remember NAME from sms PHONE /re/` or `Remember NAME from screen /re/` captures
 * a value the tape cannot know in advance (the site's random payment code), and later lines use it
 * as `$NAME` or `${NAME}`. `$$` before a name or `{` writes a literal `$`.
 *
 * A line with variables is parsed twice: here, with stand-in values, so a mistake in the rest of
 * the line (or a variable no earlier Remember sets) is a syntax error naming the line; and when it
 * runs, with the values (run/runVariableSteps.ts).
 */
import { DEFAULT_RULES } from '../../domain/rules.js';
import type { Step, TemplatePart } from './ast.js';
import { TapeSyntaxError } from './lineCursor.js';
import { readPhone, type CommandSpec } from './values.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NAME_START = /^[A-Za-z_]$/;
const NAME_CHAR = /^[A-Za-z0-9_]$/;

/** `Remember code from sms +79161234567 /code (\d{10})/` · `Remember total from screen /Amount +(\S+)/` */
const rememberCommand: CommandSpec<Step> = {
  suffix: 'none',
  parse({ cur }) {
    const nameToken = cur.word('a variable name like code');
    if (!NAME.test(nameToken.raw)) cur.failAt(nameToken, 'a variable name like code (letters, digits, _)');
    const fromToken = cur.word('from');
    if (fromToken.raw !== 'from') cur.failAt(fromToken, 'from');
    const where = cur.word('sms or screen');
    if (where.raw !== 'sms' && where.raw !== 'screen') cur.failAt(where, 'sms or screen');
    const from = where.raw === 'sms' ? { kind: 'sms' as const, phone: readPhone(cur).value } : { kind: 'screen' as const };
    if (cur.atEnd() || cur.peek()?.kind !== 'regex') cur.failNext('a /regex/ whose first group is the value, like /(\\d{10})/');
    const { matcher } = cur.regex();
    cur.end();
    return { kind: 'remember', name: nameToken.raw, from, pattern: matcher };
  },
};

export const VARIABLE_STEP_COMMANDS: Readonly<Record<string, CommandSpec<Step>>> = {
  Remember: rememberCommand,
};

/**
 * The variables and `$$` escapes in a step line after its command word, with how a value is
 * quoted where each stands. Strings and regexes are skipped as the cursor reads them; a `#` where
 * a token starts begins the comment, which is never looked into.
 */
export function findTemplateParts(text: string, from: number, file: string, line: number): { parts: TemplatePart[]; end: number } {
  const chars = Array.from(text);
  const parts: TemplatePart[] = [];
  const fail = (at: number, expected: string, found: string): never => {
    throw new TapeSyntaxError(file, line, at + 1, expected, found);
  };
  /** the variable or escape at `i` (a `$`), or null when the `$` is just a character */
  const partAt = (i: number, quoting: TemplatePart['quoting']): TemplatePart | null => {
    const next = chars[i + 1] ?? '';
    if (next === '$' && (NAME_START.test(chars[i + 2] ?? '') || chars[i + 2] === '{')) return { start: i, end: i + 2, quoting };
    if (next === '{') {
      let end = i + 2;
      while (end < chars.length && chars[end] !== '}') end += 1;
      const name = chars.slice(i + 2, end).join('');
      if (end >= chars.length || !NAME.test(name)) fail(i, 'a variable like ${code}', JSON.stringify(chars.slice(i, end + 1).join('')));
      return { start: i, end: end + 1, name, quoting };
    }
    if (!NAME_START.test(next)) return null;
    let end = i + 2;
    while (NAME_CHAR.test(chars[end] ?? '')) end += 1;
    return { start: i, end, name: chars.slice(i + 1, end).join(''), quoting };
  };
  /** reads to `close` (or the end of the token for words), collecting parts; returns the index after */
  const scan = (i: number, quoting: TemplatePart['quoting'], close: string | null): number => {
    let inClass = false;
    while (i < chars.length) {
      const ch = chars[i] as string;
      if (close === null && /\s/.test(ch)) return i;
      if (close !== null && ch === close && !inClass) return i + 1;
      if (ch === '\\' && (quoting === 'string' || quoting === 'regex')) {
        i += 2;
        continue;
      }
      if (quoting === 'regex' && ch === '[') inClass = true;
      if (quoting === 'regex' && ch === ']') inClass = false;
      const part = ch === '$' ? partAt(i, quoting) : null;
      if (part) {
        parts.push(part);
        i = part.end;
      } else i += 1;
    }
    return i;
  };
  let i = from;
  while (i < chars.length) {
    const ch = chars[i] as string;
    if (/\s/.test(ch)) i += 1;
    else if (ch === '#') return { parts, end: i };
    else if (ch === '"') i = scan(i + 1, 'string', '"');
    else if (ch === "'" || ch === '`') i = scan(i + 1, 'raw', ch);
    else if (ch === '/') i = scan(i + 1, 'regex', '/');
    else i = scan(i, 'word', null);
  }
  return { parts, end: chars.length };
}

/** How a value is written where it stands, so the line reads it back unchanged. */
function quote(value: string, quoting: TemplatePart['quoting']): string {
  if (quoting === 'string') return value.replace(/[\\"]/g, (c) => `\\${c}`);
  if (quoting === 'regex') return value.replace(/[.*+?^${}()|[\]\\/]/g, (c) => `\\${c}`);
  return value;
}

/** The line with every part replaced; `at(column)` maps a column of the result back to the line. */
export function fillTemplate(text: string, parts: readonly TemplatePart[], valueOf: (name: string) => string): { text: string; at: (column: number) => number } {
  const chars = Array.from(text);
  let out = '';
  let last = 0;
  /** [start in the result, end in the result, start in the line, end in the line], code points */
  const spans: Array<[number, number, number, number]> = [];
  for (const part of parts) {
    out += chars.slice(last, part.start).join('');
    const value = part.name === undefined ? '$' : quote(valueOf(part.name), part.quoting);
    const begin = Array.from(out).length;
    out += value;
    spans.push([begin, begin + Array.from(value).length, part.start, part.end]);
    last = part.end;
  }
  out += chars.slice(last).join('');
  const at = (column: number): number => {
    let shift = 0;
    for (const [begin, end, start, stop] of spans) {
      if (column - 1 < begin) break;
      if (column - 1 < end) return start + 1;
      shift = stop - end;
    }
    return column + shift;
  };
  return { text: out, at };
}

/** What to show for a value found where a part stands: the part as written. */
export function partAt(text: string, parts: readonly TemplatePart[], column: number): string | null {
  const part = parts.find((p) => p.start + 1 === column);
  return part ? Array.from(text).slice(part.start, part.end).join('') : null;
}

/**
 * Stand-in values for checking a templated line before it runs: an order number, a phone, a word,
 * an amount (a training variant's `$change`).
 * The line is fine if one of them fits; otherwise its error is the one that got furthest.
 */
export const STAND_INS: readonly string[] = ['1'.padEnd(DEFAULT_RULES.orderNumberLength, '0'), '+79000000000', 'x', '100'];

/** Re-raises a syntax error of the filled line at the column of the line as written. */
export function errorInLine(error: TapeSyntaxError, text: string, parts: readonly TemplatePart[], at: (column: number) => number): TapeSyntaxError {
  const column = at(error.column);
  const written = partAt(text, parts, column);
  return new TapeSyntaxError(error.file, error.line, column, error.expected, written === null ? error.found : JSON.stringify(written));
}
