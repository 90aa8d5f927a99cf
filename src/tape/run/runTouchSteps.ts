/**
 * `Tap`, `ExpectStyle` and `Resize` (issue 21) on the running kiosk. A tap is written as the bytes a
 * terminal sends for a touch (src/app/mouse.ts), in-process and under --pty alike, so the kiosk's
 * own hit test decides what it presses; `Tap "label"` only finds where that label is drawn.
 */
import { buttonText } from '../../i18n/index.js';
import { tapBytes } from '../../app/mouse.js';
import { hotkeyLabel } from '../../../screens/common/Buttons.js';
import { keyNamed } from '../../../screens/common/keyHints.js';
import { MIN_COLUMNS, MIN_ROWS } from '../../app/App.js';
import type { StyleCheck, Step } from '../language/ast.js';
import type { StepContext } from './stepContext.js';
import { StepFailure } from './failure.js';
import type { DriverView } from '../drivers/driver.js';

type TouchStep = Extract<Step, { kind: 'tap' | 'expectStyle' | 'resize' }>;

export async function runTouchStep(ctx: StepContext, step: TouchStep): Promise<void> {
  const { harness } = ctx;
  if (step.kind === 'resize') {
    if (!harness.resize) throw new StepFailure('tape', 'this driver cannot resize its terminal');
    return harness.resize(step.columns, step.rows);
  }
  if (step.kind === 'expectStyle') return expectStyle(ctx, step);
  const size = harness.size?.() ?? { columns: Infinity, rows: Infinity };
  if (step.target.kind === 'label' && (size.columns < MIN_COLUMNS || size.rows < MIN_ROWS)) {
    // the kiosk draws only its ask-to-enlarge line: listing the place's buttons would say they were there
    throw new StepFailure('assertion', `no button "${step.target.label}" to tap: the ask-to-enlarge screen is showing (${size.columns}x${size.rows} is under ${MIN_COLUMNS}x${MIN_ROWS}), no button is drawn`);
  }
  const cell = step.target.kind === 'cell' ? step.target : labelCell(ctx, step.target.label);
  // a templated cell, or one from a size the tape has resized away from
  if (cell.row > size.rows || cell.column > size.columns) {
    throw new StepFailure('assertion', `Tap ${cell.row},${cell.column} is outside the ${size.columns}x${size.rows} screen`);
  }
  return harness.keys(tapBytes(cell));
}

/** What a button looks like on screen: `[P] Pay` when it has a hotkey, else its label. */
function drawnText(view: Pick<DriverView, 'lang'>, button: DriverView['buttons'][number]): string {
  const text = buttonText(view.lang, button);
  return button.hotkey ? `${hotkeyLabel(button.hotkey, view.lang)} ${text}` : text;
}

/** The first cell of the button `label` as drawn; fails listing the visible buttons when there is none. */
function labelCell(ctx: StepContext, label: string): { row: number; column: number } {
  // the buttons of the place that has the keys: a desk, the site, else the terminal
  const view = ctx.harness.deskView?.() ?? ctx.harness.siteView?.() ?? ctx.harness.view();
  const wanted = label.trim().toLowerCase();
  const labels = view.buttons.map((b) => buttonText(view.lang, b));
  const button = view.buttons[labels.findIndex((l) => l.toLowerCase() === wanted)];
  const lines = ctx.harness.lines();
  // a key drawn in brackets: the entry keypad's [7] (`Tap "7"`), a Training exercise's [a] (`Tap "a"`)
  const drawnKey = /^\S{1,5}$/.test(label.trim()) ? findWord(lines, `[${label.trim()}]`) : null;
  if (!button && drawnKey) return drawnKey;
  // a screen may draw its own words on a button (the operator on the phone field): its hotkey is still there
  const at = button ? (findWord(lines, drawnText(view, button)) ?? (button.hotkey ? findWord(lines, hotkeyLabel(button.hotkey, view.lang), true) : null)) : null;
  // else a key hint drawn on a help line (`Tap "Enter next"`, `Tap "O shift"`, `Tap "Esc"`): help lines are at the bottom
  const hint = at || !keyNamed(label.trim().split(/\s+/)[0] ?? '') ? null : findWordFromBottom(lines, label.trim());
  if (hint) return hint;
  if (!button || !at) {
    const visible = labels.map((l, i) => `"${l}"${view.buttons[i]?.enabled ? '' : ' (disabled)'}`);
    throw new StepFailure('assertion', `no button "${label}" ${button ? 'drawn' : 'on this screen'} to tap`, [
      visible.length > 0 ? `visible buttons: ${visible.join(', ')}` : 'this screen has no buttons',
    ]);
  }
  return at;
}

/** Like findWord, but the last row holding `text` on its own (or starting an item: `Esc back`) wins. */
function findWordFromBottom(lines: string[], text: string): { row: number; column: number } | null {
  for (let row = lines.length - 1; row >= 0; row--) {
    const at = findWord([lines[row]!], text);
    if (at) return { row: row + 1, column: at.column };
  }
  return null;
}

/** The 1-based cell where `text` first stands on its own (not inside a longer word; `prefix`: starts one), top to bottom. */
function findWord(lines: string[], text: string, prefix = false): { row: number; column: number } | null {
  for (let row = 0; row < lines.length; row++) {
    const chars = Array.from(lines[row]!);
    const line = chars.join('');
    for (let i = line.indexOf(text); i >= 0; i = line.indexOf(text, i + 1)) {
      const before = line[i - 1];
      const after = line[i + text.length];
      if ((before === undefined || /[\s▸]/.test(before)) && (prefix || after === undefined || /\s/.test(after))) {
        return { row: row + 1, column: Array.from(line.slice(0, i)).length + 1 };
      }
    }
  }
  return null;
}

function describeStyle(style: StyleCheck): string {
  return style.kind === 'fg' || style.kind === 'bg' ? `${style.kind} ${style.color}` : style.kind;
}

/** Checks the attributes of the first cell of the text's first match on screen. */
function expectStyle(ctx: StepContext, step: Extract<TouchStep, { kind: 'expectStyle' }>): void {
  const { harness } = ctx;
  if (!harness.cellStyle) throw new StepFailure('tape', 'this driver cannot read cell attributes');
  const lines = harness.lines();
  const row = lines.findIndex((line) => line.includes(step.text));
  if (row < 0) throw new StepFailure('assertion', `"${step.text}" is not on the screen`);
  const column = Array.from(lines[row]!.slice(0, lines[row]!.indexOf(step.text))).length;
  const cell = harness.cellStyle(row, column);
  const { style } = step;
  const has = style.kind === 'fg' || style.kind === 'bg' ? cell[style.kind] === style.color : cell[style.kind];
  if (has !== step.negate) return;
  const actual = [
    ...(['inverse', 'bold', 'dim', 'italic', 'underline'] as const).filter((flag) => cell[flag]),
    `fg ${cell.fg}`, `bg ${cell.bg}`,
  ].join(', ');
  throw new StepFailure('assertion', `"${step.text}" at ${row + 1}:${column + 1} is ${step.negate ? '' : 'not '}${describeStyle(style)}`, [`its first cell "${cell.char}": ${actual}`]);
}
