/**
 * What each tape step does to the running kiosk: the runner of what language/parseSteps.ts parses.
 * Steps see the tape only through StepContext. Assertions live in assertions.ts.
 */
import { buttonText, t } from '../../i18n/index.js';
import type { Step } from '../language/ast.js';
import { OrderRefused } from '../../domain/orders/orderLife.js';
import { describeMatcher, expectBalance, expectOrder, expectReceipt, expectScreen, expectSms, expectState, findLine } from './assertions.js';
import type { StepContext } from './stepContext.js';
import { StepFailure } from './failure.js';
import { hotkeyBytes, KEY_BYTES, noteKey } from '../language/keys.js';
import { compareSnapshot, frameText, svgSnapshotFile } from './snapshot.js';
import { svgCellDiffLines } from './svgCellDiff.js';
import { cellDiffLines } from './cellDiff.js';
import { remember, resolveTemplated } from './runVariableSteps.js';
import { newestReceipt, runDeskStep } from './runDeskSteps.js';
import { runTillStep } from './runTillSteps.js';
import { reply, topUp } from './runMobileSteps.js';
import { runServiceStep } from './runServiceSteps.js';
import { runTrainStep } from './runTrainSteps.js';
import { runTouchStep } from './runTouchSteps.js';

/** `Go site|phone|terminal|cashier|post`: the place bar's keys (src/app/worldKeys.ts). */
const PLACE_KEY_BYTES: Readonly<Record<string, string>> = {
  site: KEY_BYTES.F1, phone: KEY_BYTES.F2, terminal: KEY_BYTES.F3, cashier: KEY_BYTES.F4, post: KEY_BYTES.F5,
};

/** The steps that read the screen: the frame is drawn before them (the in-process kiosk draws no other). */
const READS_SCREEN: ReadonlySet<Step['kind']> = new Set(['expect', 'wait', 'snapshot', 'remember', 'templated', 'tap', 'expectStyle']);

export async function runStep(ctx: StepContext, step: Step): Promise<void> {
  ctx.harness.mark(`${step.line}: ${step.raw}`);
  if (READS_SCREEN.has(step.kind)) await ctx.harness.paint?.();
  return perform(ctx, step);
}

async function perform(ctx: StepContext, step: Step): Promise<void> {
  const { harness } = ctx;
  switch (step.kind) {
    case 'launch':
      return harness.launch();
    case 'key':
      for (let i = 0; i < step.repeat; i++) await typeKeys(ctx, KEY_BYTES[step.key], step.delayMs);
      if (step.key === 'Ctrl+C' && harness.quit) ctx.recordQuit(step.line);
      return;
    case 'type':
      // one chunk per character, as typed, so each lands on the screen it was meant for
      for (const ch of step.text) await typeKeys(ctx, ch, step.delayMs);
      return;
    case 'press':
      return press(ctx, step.label);
    case 'tap':
    case 'expectStyle':
    case 'resize':
      requireApp(ctx);
      return runTouchStep(ctx, step);
    case 'insert': {
      requireApp(ctx);
      // a note goes to whoever takes cash: the desk that has the keys, else the terminal
      const desk = harness.deskView?.() ?? null;
      if (desk) {
        if (desk.mode !== 'notes') throw new StepFailure('assertion', `Insert needs the desk to ask for the money, but it is at ${desk.statePath}`);
        for (const note of step.notes) await harness.keys(noteKey(note, step.worn));
        return;
      }
      const view = harness.view();
      if (view.screen !== 'cash') {
        throw new StepFailure('assertion', `Insert needs the cash screen ("${t(view.lang, 'cash.title')}"), but the kiosk is at ${view.statePath}`);
      }
      for (const note of step.notes) await harness.keys(noteKey(note, step.worn));
      return;
    }
    case 'advance':
      await harness.advance(step.ms);
      return;
    case 'expect':
      requireApp(ctx);
      return expectScreen(harness.lines(), step.matcher, step.negate);
    case 'expectState':
      requireApp(ctx);
      return expectState((harness.deskView?.() ?? harness.view()).statePath, step.path);
    case 'expectOrder':
      return expectOrder(ctx.store, step, ctx.now(), ctx.rules);
    case 'orderAction':
      return orderAction(ctx, step);
    case 'expectSms':
      return expectSms(ctx.store, step.phone, step.matcher, harness.running ? harness.view().lang : ctx.settings.lang);
    case 'expectBalance':
      return expectBalance(ctx.store, step.phone, step.amount);
    case 'expectReceipt':
    {
      const lang = harness.running ? harness.view().lang : ctx.settings.lang;
      return expectReceipt(ctx.receipts, lang, step.matcher, newestReceipt(ctx, lang));
    }
    case 'wait':
      return wait(ctx, step);
    case 'snapshot':
      requireApp(ctx);
      return snapshot(ctx, step.name);
    case 'go':
      // the place's own key, as a person presses it; an unknown place is F4's hint on the bar
      return harness.keys(PLACE_KEY_BYTES[step.place] ?? KEY_BYTES.F6); // F6 is no place: the bar's hint
    case 'dial':
      await harness.keys(KEY_BYTES.F2);
      for (const ch of step.code) await harness.keys(ch);
      return harness.keys(KEY_BYTES.Enter);
    case 'crash':
      requireApp(ctx);
      return harness.crash();
    case 'restart':
      return ctx.restart();
    case 'service':
    case 'fault':
      return runServiceStep(ctx, step);
    case 'reply':
      requireApp(ctx);
      return reply(ctx, step);
    case 'topUp':
      return topUp(ctx, step);
    case 'setRole':
    case 'expectChange':
      return runDeskStep(ctx, step);
    case 'tillCustomer':
    case 'give':
    case 'expectDrawer':
      requireApp(ctx);
      return runTillStep(ctx, step);
    case 'say':
    case 'expectScore':
    case 'expectMistake':
      return runTrainStep(ctx, step);
    case 'remember':
      return remember(ctx, step, () => requireApp(ctx));
    case 'templated':
      return performTemplated(ctx, step);
  }
}

/** A line with `$name`s: run with the values; a failure says what they were. */
async function performTemplated(ctx: StepContext, step: Extract<Step, { kind: 'templated' }>): Promise<void> {
  const resolved = resolveTemplated(ctx, step);
  try {
    await perform(ctx, resolved.step);
  } catch (error) {
    if (!(error instanceof StepFailure)) throw error;
    throw new StepFailure(error.kind, error.message, [...error.details, `with ${resolved.values.join(', ')}`]);
  }
}

/** The seller's, the carrier's, the buyer's or the platform's action, on the store, at the tape's clock. */
function orderAction(ctx: StepContext, step: Extract<Step, { kind: 'orderAction' }>): void {
  try {
    ctx.store.changeOrder(step.code, step.action, ctx.now(), ctx.rules);
  } catch (error) {
    if (error instanceof OrderRefused) throw new StepFailure('assertion', `${step.raw.split(' ')[0]} was refused: ${error.message}`);
    if (error instanceof Error && /^no order /.test(error.message)) throw new StepFailure('assertion', `order ${step.code} is not in the store`);
    throw error;
  }
}

function requireApp(ctx: StepContext): void {
  if (ctx.quitAt !== null || ctx.harness.quit) {
    throw new StepFailure('assertion', `the kiosk has quit${ctx.quitAt !== null ? ` (Ctrl+C at line ${ctx.quitAt})` : ''}; nothing is on screen`);
  }
  if (!ctx.harness.running) throw new StepFailure('assertion', 'the kiosk is not running (Crash without Restart)');
}

/** A key or character; VHS's `@200ms` typing speed lets that much simulated time pass after it. */
async function typeKeys(ctx: StepContext, bytes: string, delayMs: number | undefined): Promise<void> {
  requireApp(ctx);
  await ctx.harness.keys(bytes);
  if (delayMs) await ctx.harness.advance(delayMs);
}

/**
 * Presses an on-screen button by its label in the current language, as a customer would: its
 * hotkey if it has one, else arrows to focus it and Enter.
 */
async function press(ctx: StepContext, label: string): Promise<void> {
  requireApp(ctx);
  const { harness } = ctx;
  // the desk that has the keys, else the terminal
  const current = () => harness.deskView?.() ?? harness.view();
  const view = current();
  const labels = view.buttons.map((b) => buttonText(view.lang, b));
  let index = labels.indexOf(label.trim());
  if (index < 0) index = labels.findIndex((l) => l.toLowerCase() === label.trim().toLowerCase());
  const button = view.buttons[index];
  if (!button) {
    const visible = labels.map((l, i) => `"${l}"${view.buttons[i]?.enabled ? '' : ' (disabled)'}`);
    throw new StepFailure('assertion', `no button "${label}" on this screen`, [
      visible.length > 0 ? `visible buttons: ${visible.join(', ')}` : 'this screen has no buttons',
    ]);
  }
  if (button.hotkey) return harness.keys(hotkeyBytes(button.hotkey));
  for (let moves = 0; current().focus !== index; moves++) {
    if (moves > view.buttons.length) throw new StepFailure('assertion', `could not move the focus to "${label}" with the arrow keys`);
    await harness.keys(KEY_BYTES.Right);
  }
  await harness.keys(KEY_BYTES.Enter);
}

/** Lets simulated time pass, timer by timer, until the screen shows the text or the time is up. */
async function wait(ctx: StepContext, step: Extract<Step, { kind: 'wait' }>): Promise<void> {
  requireApp(ctx);
  const { harness } = ctx;
  const shown = () => harness.running && findLine(step.matcher, harness.lines()) >= 0;
  if (shown()) return;
  if (await harness.advance(step.timeoutMs, shown)) return;
  throw new StepFailure('timeout', `waited ${step.timeoutMs / 1000} s of simulated time for ${describeMatcher(step.matcher)} on one screen line; it never appeared`);
}

/**
 * Compares the screen with its golden frame; `--update` writes it when it is missing or differs,
 * `--update=missing` only when missing. The files go through the context.
 */
function snapshot(ctx: StepContext, name: string): void {
  const path = ctx.snapshotPath(name);
  const frame = frameText(ctx.harness.lines());
  const golden = ctx.readSnapshot(path);
  const verdict = compareSnapshot(frame, golden, ctx.updateSnapshots);
  if (verdict.action === 'write') ctx.writeSnapshot(path, frame);
  else if (verdict.action === 'fail' && verdict.reason === 'missing') throw new StepFailure('assertion', `no golden frame ${path}; run with --update to write it`);
  else if (verdict.action === 'fail') {
    const mismatch = { path, expected: (golden ?? '').replace(/\n$/, '').split('\n'), actual: frame.replace(/\n$/, '').split('\n') };
    throw new StepFailure('assertion', `the screen differs from the golden frame ${path} (--update rewrites it)`, [...verdict.diff, ...cellDiffLines(mismatch.expected, mismatch.actual)], mismatch);
  }
  if (ctx.svgSnapshots) svgSnapshot(ctx, svgSnapshotFile(path));
}

/** `--svg`: the same frame as SVG beside the text, compared whole once the text has matched. */
function svgSnapshot(ctx: StepContext, path: string): void {
  const svg = ctx.harness.svg();
  const golden = ctx.readSnapshot(path);
  const verdict = compareSnapshot(svg, golden, ctx.updateSnapshots);
  if (verdict.action === 'write') return ctx.writeSnapshot(path, svg);
  if (verdict.action === 'pass') return;
  if (verdict.reason === 'missing') throw new StepFailure('assertion', `no golden SVG frame ${path}; run with --svg --update to write it`);
  throw new StepFailure('assertion', `the screen's text matches but its colours or attributes differ from the golden SVG frame ${path} (--svg --update rewrites it)`, svgCellDiffLines(golden ?? '', svg, ctx.harness.lines()));
}
