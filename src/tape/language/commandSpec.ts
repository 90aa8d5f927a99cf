/** What every command parser gets and returns; shared by the setup and step tables. */
import type { Located } from './ast.js';
import type { LineCursor, Token } from './lineCursor.js';

export interface CommandContext {
  cur: LineCursor;
  /** the command word as written, suffix included (`Down@100ms`) */
  head: Token;
  /** `@100ms` after the command word, `@` included; only commands that allow one get it */
  suffix: Token | null;
  /** Records a name allowed once per tape (a Set key, an order number…); fails the second time. */
  once(scope: string, key: string, token: Token, expected: string): void;
}

/** A command without its location, which the parser adds once the whole line is read. */
export type Body<T> = T extends unknown ? Omit<T, keyof Located> : never;

export interface CommandSpec<T> {
  /** what `@…` after the command word means: VHS's typing speed, Wait's timeout, or nothing */
  suffix: 'none' | 'speed' | 'timeout';
  parse(ctx: CommandContext): Body<T>;
}
