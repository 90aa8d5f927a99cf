/**
 * Reads one tape line token by token. Lexing is driven by what the parser expects next, so
 * `Set DataDir /tmp/kiosk` reads a path where `Expect /paid/` reads a regular expression.
 * Columns count characters (code points), 1-based, as an editor shows them.
 */
import type { TextMatcher } from './ast.js';

/** A tape that cannot be parsed: where, what the parser expected there, and what it found. */
export class TapeSyntaxError extends Error {
  override readonly name = 'TapeSyntaxError';

  constructor(
    readonly file: string,
    /** 1-based */
    readonly line: number,
    /** 1-based, at the offending token */
    readonly column: number,
    readonly expected: string,
    /** already quoted for display: `"300"`, `/re/`, `end of line` */
    readonly found: string,
  ) {
    super(`${file}:${line}:${column}: expected ${expected}, found ${found}`);
  }
}

export interface Token {
  /** the token as written (quotes and slashes included) */
  raw: string;
  column: number;
  kind: 'word' | 'string' | 'regex';
}
export interface StringToken extends Token {
  value: string;
}

/** JavaScript's flags that make sense for one screen test; `g` and `y` would make `test()` stateful. */
export const REGEX_FLAGS = 'imsuv';

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);
/** How a token reads in "found …": words in quotes, strings and regexes as written. */
export const show = (token: Token): string => (token.kind === 'word' ? JSON.stringify(token.raw) : token.raw);

export class LineCursor {
  private pos = 0;
  /** end of the last token read, so `raw()` leaves out trailing spaces and comments */
  private consumedTo = 0;
  private readonly chars: readonly string[];

  constructor(
    text: string,
    readonly file: string,
    readonly line: number,
  ) {
    this.chars = Array.from(text);
  }

  fail(column: number, expected: string, found: string): never {
    throw new TapeSyntaxError(this.file, this.line, column, expected, found);
  }

  failAt(token: Token, expected: string): never {
    this.fail(token.column, expected, show(token));
  }

  /** Fails at whatever comes next, showing it. */
  failNext(expected: string): never {
    this.skipSpace();
    const next = this.peek();
    this.fail(this.pos + 1, expected, next ? show(next) : 'end of line');
  }

  /** The line from its first token to the end of the last one read. */
  raw(): string {
    return this.chars.slice(0, this.consumedTo).join('').trim();
  }

  /** True at the end of the line or at a `#` comment. */
  atEnd(): boolean {
    this.skipSpace();
    return this.pos >= this.chars.length || this.chars[this.pos] === '#';
  }

  /** The next token without reading it; null at the end of the line. */
  peek(): Token | null {
    if (this.atEnd()) return null;
    const saved = [this.pos, this.consumedTo] as const;
    try {
      const ch = this.chars[this.pos];
      if (ch === '"' || ch === "'" || ch === '`') return this.string('', ch);
      if (ch === '/') return this.regex().token;
    } catch {
      // unterminated or invalid: show the plain run below
    } finally {
      [this.pos, this.consumedTo] = saved;
    }
    return this.run();
  }

  /** A run of non-space characters; a quoted string here is an error, not a word. */
  word(expected: string): Token {
    if (this.atEnd() || this.startsQuote()) this.failNext(expected);
    const token = this.run();
    this.advanceTo(this.pos + Array.from(token.raw).length);
    return token;
  }

  /** Reads a word only if it is one of `words`. */
  optionalWord(words: readonly string[]): Token | null {
    const next = this.peek();
    return next && next.kind === 'word' && words.includes(next.raw) ? this.word('') : null;
  }

  /** A word, or a double-quoted string for values with spaces (a path, a formatted phone). */
  value(expected: string): StringToken {
    if (!this.atEnd() && this.chars[this.pos] === '"') return this.string(expected, '"');
    const token = this.word(expected);
    return { ...token, value: token.raw };
  }

  /**
   * A quoted string in one of `quotes`. Double quotes take `\"` and `\\`; single quotes and
   * backticks (VHS's `Type` forms) are raw, so a backslash in them is just a backslash.
   */
  string(expected: string, quotes = '"'): StringToken {
    if (this.atEnd() || !quotes.includes(this.chars[this.pos] ?? '')) this.failNext(expected);
    const start = this.pos;
    const quote = this.chars[start] as string;
    let value = '';
    let i = start + 1;
    for (;;) {
      const ch = this.chars[i];
      if (ch === undefined) this.fail(start + 1, `a closing ${quote}`, 'end of line');
      if (ch === quote) break;
      if (ch === '\\' && quote === '"') {
        const next = this.chars[i + 1];
        if (next !== '"' && next !== '\\') {
          this.fail(i + 1, '\\" or \\\\ after a backslash', next === undefined ? 'end of line' : JSON.stringify(`\\${next}`));
        }
        value += next;
        i += 2;
        continue;
      }
      value += ch;
      i += 1;
    }
    this.advanceTo(i + 1);
    return { raw: this.chars.slice(start, i + 1).join(''), column: start + 1, kind: 'string', value };
  }

  /** `/source/flags`; `/` inside `[...]` or after `\` does not end it. Checked with `new RegExp`. */
  regex(): { token: Token; matcher: TextMatcher & { kind: 'regex' } } {
    const start = this.pos;
    let i = start + 1;
    let inClass = false;
    for (;;) {
      const ch = this.chars[i];
      if (ch === undefined) this.fail(start + 1, 'a closing / after the regular expression', 'end of line');
      if (ch === '/' && !inClass) break;
      if (ch === '\\') i += 1;
      else if (ch === '[') inClass = true;
      else if (ch === ']') inClass = false;
      i += 1;
    }
    const source = this.chars.slice(start + 1, i).join('');
    let end = i + 1;
    while (/^[A-Za-z]$/.test(this.chars[end] ?? '')) {
      const flag = this.chars[end] as string;
      if (!REGEX_FLAGS.includes(flag)) this.fail(end + 1, `regex flags (${REGEX_FLAGS.split('').join(', ')})`, JSON.stringify(flag));
      end += 1;
    }
    const token: Token = { raw: this.chars.slice(start, end).join(''), column: start + 1, kind: 'regex' };
    const flags = this.chars.slice(i + 1, end).join('');
    if (source === '') this.failAt(token, 'a non-empty regular expression');
    try {
      new RegExp(source, flags);
    } catch (error) {
      const reason = String((error as Error).message).split(': ').pop();
      this.failAt(token, `a valid regular expression (${reason})`);
    }
    this.advanceTo(end);
    return { token, matcher: { kind: 'regex', source, flags } };
  }

  /** `"text"` (a substring) or `/regex/flags`. */
  matcher(expected: string): { token: Token; matcher: TextMatcher } {
    if (this.atEnd()) this.failNext(expected);
    if (this.chars[this.pos] === '/') return this.regex();
    if (this.chars[this.pos] !== '"') this.failNext(expected);
    const token = this.string(expected, '"');
    if (token.value === '') this.failAt(token, 'non-empty text');
    return { token, matcher: { kind: 'text', text: token.value } };
  }

  /** Nothing but spaces or a comment may follow. */
  end(expected = 'end of line'): void {
    if (!this.atEnd()) this.failNext(expected);
  }

  private startsQuote(): boolean {
    const ch = this.chars[this.pos];
    return ch === '"' || ch === "'" || ch === '`';
  }

  private run(): Token {
    let end = this.pos;
    while (end < this.chars.length && !isSpace(this.chars[end])) end += 1;
    return { raw: this.chars.slice(this.pos, end).join(''), column: this.pos + 1, kind: 'word' };
  }

  private advanceTo(pos: number): void {
    this.pos = pos;
    this.consumedTo = pos;
  }

  private skipSpace(): void {
    while (isSpace(this.chars[this.pos])) this.pos += 1;
  }
}
