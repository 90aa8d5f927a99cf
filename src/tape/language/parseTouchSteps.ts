/**
 * Issue 21's words for QA: `Tap "Other services"` / `Tap 12,40` (a touch), `ExpectStyle "Pay" inverse`
 * (cell attributes) and `Resize 100x30` (the window resized mid-tape). Cells and sizes are checked
 * here against the screen's size at that line (`Set Size`, then each `Resize`), so a tap outside the
 * screen is a syntax error with file:line:column, not a failure halfway through a run.
 */
import { STYLE_COLORS, STYLE_FLAGS, type StyleCheck, type StyleColor, type Step } from './ast.js';
import type { CommandContext, CommandSpec } from './values.js';
import { SIZE_LIMITS } from './parseSetup.js';

/** the smallest window `Resize` takes: the same as `Set Size` (parseSetup.ts) */
export const RESIZE_MIN = { columns: SIZE_LIMITS.minColumns, rows: SIZE_LIMITS.minRows } as const;

const tapCommand: CommandSpec<Step> = {
  suffix: 'none',
  parse(ctx: CommandContext) {
    const { cur } = ctx;
    const expected = 'a button label in double quotes, or a cell as ROW,COLUMN like 12,40';
    if (cur.peek()?.kind === 'string') {
      const token = cur.string(expected);
      if (token.value.trim() === '') cur.failAt(token, 'a non-empty button label');
      cur.end();
      return { kind: 'tap', target: { kind: 'label', label: token.value } };
    }
    const token = cur.word(expected);
    const m = /^(\d+),(\d+)$/.exec(token.raw);
    if (!m) return cur.failAt(token, expected);
    const row = Number(m[1]);
    const column = Number(m[2]);
    const screen = ctx.screen?.();
    if (screen && (row < 1 || column < 1 || row > screen.rows || column > screen.columns)) {
      cur.failAt(token, `a cell on the ${screen.columns}x${screen.rows} screen (row 1-${screen.rows}, column 1-${screen.columns})`);
    }
    if (row < 1 || column < 1) cur.failAt(token, 'a cell counted from 1,1 (row, column)');
    cur.end();
    return { kind: 'tap', target: { kind: 'cell', row, column } };
  },
};

const expectStyleCommand: CommandSpec<Step> = {
  suffix: 'none',
  parse({ cur }) {
    const token = cur.string('the text in double quotes whose first cell is checked');
    if (token.value === '') cur.failAt(token, 'non-empty text');
    const negate = cur.optionalWord(['not']) !== null;
    const expected = `a style: ${STYLE_FLAGS.join(', ')}, fg COLOUR or bg COLOUR${negate ? '' : ' (or not STYLE)'}`;
    const word = cur.word(expected);
    let style: StyleCheck;
    if ((STYLE_FLAGS as readonly string[]).includes(word.raw)) style = { kind: word.raw as (typeof STYLE_FLAGS)[number] };
    else if (word.raw === 'fg' || word.raw === 'bg') {
      const colorExpected = `a colour (${STYLE_COLORS.join(', ')})`;
      const color = cur.word(colorExpected);
      if (!(STYLE_COLORS as readonly string[]).includes(color.raw)) cur.failAt(color, colorExpected);
      style = { kind: word.raw, color: color.raw as StyleColor };
    } else return cur.failAt(word, expected);
    cur.end();
    return { kind: 'expectStyle', text: token.value, style, negate };
  },
};

const resizeCommand: CommandSpec<Step> = {
  suffix: 'none',
  parse({ cur }) {
    const { maxColumns, maxRows } = SIZE_LIMITS;
    const expected = `a size like 100x30 (columns ${RESIZE_MIN.columns}-${maxColumns}, rows ${RESIZE_MIN.rows}-${maxRows})`;
    const token = cur.word(expected);
    const m = /^(\d+)x(\d+)$/.exec(token.raw);
    const columns = Number(m?.[1]);
    const rows = Number(m?.[2]);
    if (!m || columns < RESIZE_MIN.columns || rows < RESIZE_MIN.rows || columns > maxColumns || rows > maxRows) cur.failAt(token, expected);
    cur.end();
    return { kind: 'resize', columns, rows };
  },
};

export const TOUCH_STEP_COMMANDS: Readonly<Record<string, CommandSpec<Step>>> = {
  Tap: tapCommand,
  ExpectStyle: expectStyleCommand,
  Resize: resizeCommand,
};
