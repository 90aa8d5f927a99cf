/**
 * Parses a `.tape` file (one command a line, `#` comments) into a typed `Tape`. VHS key commands
 * plus the kiosk's own setup, cash, clock and assertion commands; see ast.ts for the shapes.
 * The first error stops the parse: it names `file:line:column`, what was expected and what was found.
 */
import type { Located, SetupCommand, Step, Tape } from './ast.js';
import type { Body, CommandContext, CommandSpec } from './values.js';
import { LineCursor, TapeSyntaxError, type Token } from './lineCursor.js';
import { SETUP_COMMANDS } from './parseSetup.js';
import { NEEDS_RUNNING_APP, STEP_COMMANDS } from './parseSteps.js';
import type { TemplatePart } from './ast.js';
import { errorInLine, fillTemplate, findTemplateParts, STAND_INS } from './parseVariableSteps.js';

export { TapeSyntaxError } from './lineCursor.js';
export { DEFAULT_WAIT_MS, KEY_NAMES } from './ast.js';
export type { KeyName, Located, SetCommand, SetupCommand, Step, Tape, TextMatcher } from './ast.js';

export function parseTape(source: string, file = '<tape>', options: { variables?: Iterable<string> } = {}): Tape {
  const builder = new TapeBuilder(file, options.variables ?? []);
  // A BOM is invisible in editors; leaving it in would make line 1 an unknown command.
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((text, index) => builder.addLine(text, index + 1));
  return builder.tape;
}

/**
 * A tape to run must do something: with no step (no Launch) it would pass while testing nothing.
 * The parser itself accepts it, because fragments and setup-only text are parsed on their own.
 */
export function requireSteps(tape: Tape, source: string): Tape {
  if (tape.steps.length > 0) return tape;
  const lines = source.replace(/(\r\n|\r|\n)$/, '').split(/\r\n|\r|\n/).length;
  throw new TapeSyntaxError(tape.file, lines, 1, 'Launch and the steps to run (an empty tape tests nothing)', 'end of file');
}

/** The tape's syntax errors, without throwing: empty when it parses (only the first is reported). */
export function checkTape(source: string, file = '<tape>'): TapeSyntaxError[] {
  try {
    parseTape(source, file);
    return [];
  } catch (error) {
    if (error instanceof TapeSyntaxError) return [error];
    throw error;
  }
}

class TapeBuilder {
  readonly tape: Tape;
  private launchLine: number | null = null;
  private crashLine: number | null = null;
  /** names allowed once per tape (`Set\0Lang`, `Order\01000000123` …) → the line that used them */
  private readonly used = new Map<string, number>();
  /** the screen's size at the line being read: `Set Size`, then each `Resize` (80x24 by default, as the runner's) */
  private screen = { columns: 80, rows: 24 };
  /** names set by the `Remember` lines read so far */
  private readonly variables: Set<string>;

  constructor(file: string, variables: Iterable<string>) {
    this.tape = { file, setup: [], steps: [] };
    this.variables = new Set(variables);
  }

  addLine(text: string, line: number): void {
    const cur = new LineCursor(text, this.tape.file, line);
    if (cur.atEnd()) return;
    const { name, head, suffix } = readHead(cur);
    const setup = lookup(SETUP_COMMANDS, name);
    const step = lookup(STEP_COMMANDS, name);
    const spec: CommandSpec<SetupCommand> | CommandSpec<Step> =
      setup ?? step ?? cur.fail(head.column, unknownCommand(name), JSON.stringify(name));
    if (suffix && spec.suffix === 'none') cur.fail(suffix.column, `${name} without an @ suffix`, JSON.stringify(suffix.raw));
    const ctx: CommandContext = { cur, head, suffix, once: (...args) => this.once(cur, ...args), screen: () => this.screen };

    // `Set Role` after Launch is a step (the desks' role before `Go`); every other Set is setup only
    const setupHere = setup && !(step && this.launchLine !== null && /^\S+\s+Role(\s|$)/.test(text.trim()));
    if (setupHere) {
      if (this.launchLine !== null) cur.failAt(head, `a step (setup goes before Launch at line ${this.launchLine})`);
      const command = located<SetupCommand>(setup.parse(ctx), cur, head);
      if (command.kind === 'set' && command.key === 'Size') this.screen = { columns: command.columns, rows: command.rows };
      this.tape.setup.push(command);
    } else if (step) {
      const template = findTemplateParts(text, head.column - 1 + Array.from(head.raw).length, this.tape.file, line);
      const parsed = template.parts.length === 0 ? located<Step>(step.parse(ctx), cur, head) : this.templated(text, line, template);
      this.checkOrder(parsed.kind === 'templated' ? parsed.inner : parsed.kind, cur, head);
      if (parsed.kind === 'remember') this.variables.add(parsed.name);
      if (parsed.kind === 'resize') this.screen = { columns: parsed.columns, rows: parsed.rows };
      this.tape.steps.push(parsed);
    }
  }

  /**
   * A line with `$name`s: every name must be set by an earlier Remember, and the line must parse
   * with a stand-in value (parseVariableSteps.ts); it is parsed for real when it runs.
   */
  private templated(text: string, line: number, { parts, end }: { parts: TemplatePart[]; end: number }): Step {
    // a Train line's variant gives its values as variables when the tape runs (issue 18): checked then
    const trains = this.tape.setup.some((c) => c.kind === 'train');
    for (const part of parts) {
      if (part.name === undefined || this.variables.has(part.name) || trains) continue;
      const known = [...this.variables].map((v) => `$${v}`).join(', ');
      const written = Array.from(text).slice(part.start, part.end).join('');
      throw new TapeSyntaxError(this.tape.file, line, part.start + 1, `a variable set by an earlier Remember (${known || 'none yet'})`, JSON.stringify(written));
    }
    let furthest: TapeSyntaxError | null = null;
    for (const standIn of STAND_INS) {
      const filled = fillTemplate(text, parts, () => standIn);
      try {
        const body = parseStepText(filled.text, this.tape.file, line);
        const raw = Array.from(text).slice(0, end).join('').trim();
        if (body.kind === 'remember') this.variables.add(body.name);
        if (parts.every((p) => p.name === undefined)) return { ...body, raw };
        return { line, column: body.column, raw, kind: 'templated', inner: body.kind as Exclude<Step['kind'], 'templated'>, text, parts };
      } catch (error) {
        if (!(error instanceof TapeSyntaxError)) throw error;
        const mapped = errorInLine(error, text, parts, filled.at);
        if (!furthest || mapped.column > furthest.column) furthest = mapped;
      }
    }
    throw furthest as TapeSyntaxError;
  }

  /** Launch once, before any step; between Crash and Restart only steps that need no screen. */
  private checkOrder(kind: Step['kind'], cur: LineCursor, head: Token): void {
    const { line } = cur;
    if (kind === 'launch') {
      if (this.launchLine !== null) {
        cur.failAt(head, `Launch only once (first at line ${this.launchLine}; Crash and Restart start it again)`);
      }
      this.launchLine = line;
      return;
    }
    if (this.launchLine === null) cur.failAt(head, 'Launch before the first step');
    if (this.crashLine !== null && NEEDS_RUNNING_APP.has(kind)) cur.failAt(head, `Restart after Crash at line ${this.crashLine}`);
    if (kind === 'restart') {
      if (this.crashLine === null) cur.failAt(head, 'Crash before Restart');
      this.crashLine = null;
    }
    if (kind === 'crash') this.crashLine = line;
  }

  private once(cur: LineCursor, scope: string, key: string, token: Token, expected: string): void {
    const id = `${scope}\0${key}`;
    const first = this.used.get(id);
    if (first !== undefined) cur.failAt(token, `${expected} (first at line ${first})`);
    this.used.set(id, cur.line);
  }
}

/** The command word, and VHS's `@…` after it (`Type@200ms`, `Wait@10s`). */
function readHead(cur: LineCursor): { name: string; head: Token; suffix: Token | null } {
  const head = cur.word('a command');
  const at = head.raw.indexOf('@');
  const name = at < 0 ? head.raw : head.raw.slice(0, at);
  const suffix: Token | null =
    at < 0 ? null : { raw: head.raw.slice(at), column: head.column + Array.from(name).length, kind: 'word' };
  return { name, head, suffix };
}

/**
 * One step line on its own, with no checks of order or duplicates: a templated line once its
 * variables are filled in (and its stand-in check). Throws TapeSyntaxError.
 */
export function parseStepText(text: string, file: string, line: number): Step {
  const cur = new LineCursor(text, file, line);
  const { name, head, suffix } = readHead(cur);
  const spec = lookup(STEP_COMMANDS, name) ?? cur.fail(head.column, unknownCommand(name), JSON.stringify(name));
  if (suffix && spec.suffix === 'none') cur.fail(suffix.column, `${name} without an @ suffix`, JSON.stringify(suffix.raw));
  return located<Step>(spec.parse({ cur, head, suffix, once: () => undefined }), cur, head);
}

/** Own properties only: `toString` is not a tape command. */
function lookup<T>(table: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

function located<T extends SetupCommand | Step>(body: Body<T>, cur: LineCursor, head: Token): T {
  const location: Located = { line: cur.line, column: head.column, raw: cur.raw() };
  return { ...location, ...body } as T;
}

/** VHS commands a kiosk tape cannot honour: named, so a VHS user knows why. */
const VHS_ONLY = new Set([
  'Output', 'Require', 'Source', 'Hide', 'Show', 'Screenshot', 'Copy', 'Paste', 'Env',
  'PageUp', 'PageDown', 'ScrollUp', 'ScrollDown', 'Delete', 'Home', 'End', 'Alt', 'Shift',
]);

function unknownCommand(name: string): string {
  if (/^Ctrl\+/i.test(name)) return 'a command (Ctrl+C is the only Ctrl key)';
  if (VHS_ONLY.has(name)) return `a command (VHS's ${name} has no meaning in a kiosk tape)`;
  const near = closestCommand(name);
  return near ? `a command (did you mean ${near}?)` : 'a command';
}

function closestCommand(name: string): string | null {
  const wanted = name.toLowerCase();
  const limit = wanted.length <= 3 ? 1 : 2;
  let best: { name: string; distance: number } | null = null;
  for (const known of [...Object.keys(SETUP_COMMANDS), ...Object.keys(STEP_COMMANDS)]) {
    const distance = editDistance(known.toLowerCase(), wanted);
    if (distance <= limit && (!best || distance < best.distance)) best = { name: known, distance };
  }
  return best?.name ?? null;
}

/** Levenshtein distance; command names are short, so the plain table is fine. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
