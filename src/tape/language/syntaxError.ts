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
