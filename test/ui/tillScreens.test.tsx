/**
 * Every till screen (closed, open, each step of serving a customer, a refusal, the receipt, the
 * Z-report) in the desk's box beside the phone at 80×24 (54×22), in both languages: nothing cut,
 * no line wider than the box, every line of the view and the drawer's cells on the screen.
 */
import React from 'react';
import chalk from 'chalk';
import { stripVTControlCharacters } from 'node:util';
import { renderToString } from 'ink';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock, waitFor } from 'xstate';
import { TillBody } from '../../screens/desk/TillBody.js';
import { tillViewOf, type TillView } from '../../machines/desk/tillView.js';
import type { TillEvent } from '../../machines/desk/till.js';
import { isSettled } from '../../machines/settled.js';
import { provideTill } from '../../src/adapters/tillActors.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import { seedDemo } from '../../src/domain/orders/demo.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import type { Lang } from '../../src/domain/money.js';
import type { DeskPlace } from '../../src/domain/fiscal/desks.js';
import { phonePanelWidth } from '../../screens/terminal/KioskLayout.js';
import { asyncStore } from '../../src/domain/asyncStore.js';

const WIDTH = 80 - phonePanelWidth(80);
const HEIGHT = 24 - 2;
const START = Date.UTC(2026, 10, 22, 7, 0, 0);

async function collect(lang: Lang, place: DeskPlace = 'cashier'): Promise<Array<{ name: string; view: TillView }>> {
  const store = new MemoryStore();
  seedDemo(store, START);
  const clock = new SimulatedClock();
  clock.set(START);
  const actor = createActor(provideTill({ store: asyncStore(store), clock, rules: DEFAULT_RULES }), { input: { place }, clock }).start();
  const out: Array<{ name: string; view: TillView }> = [];
  const at = async (name: string, ...events: TillEvent[]) => {
    for (const event of events) {
      actor.send(event);
      await waitFor(actor, isSettled);
    }
    out.push({ name, view: tillViewOf(actor.getSnapshot(), lang) });
  };
  const text = (t: string): TillEvent => ({ type: 'input.text', text: t });
  await at('closed');
  await at('idle', { type: 'till.openShift' });
  await at('code', { type: 'till.nextCustomer' }, text('10000'));
  await at('code, incomplete', { type: 'till.next' });
  await at('read-back', text('00001'), { type: 'till.next' });
  await at('received', { type: 'till.confirm' }, text('5000'));
  await at('change', { type: 'till.next' }, { type: 'till.give', face: '200.00' });
  await at('change, not in drawer', { type: 'till.give', face: '2000.00' });
  await at('Z refused with a customer', { type: 'till.report', kind: 'Z' });
  await at('receipt', { type: 'till.give', face: '50.00' }, { type: 'till.pay' });
  await at('keep the receipt', { type: 'till.handReceipt' });
  await at('expired customer', { type: 'till.nextCustomer' }, text('1000000004'), { type: 'till.next' });
  await at('the 16,990 order sent by the terminal', { type: 'till.done' }, { type: 'till.nextCustomer' });
  await at('Z-report', text('1000000003'), { type: 'till.next' }, { type: 'till.confirm' }, text('20000'), { type: 'till.next' },
    { type: 'till.give', face: '1000.00' }, { type: 'till.pay' }, { type: 'till.handReceipt' }, { type: 'till.report', kind: 'Z' });
  await at('sent for the code', { type: 'till.openShift' }, { type: 'till.nextCustomer' }, { type: 'till.sendAway' });
  await at('Z-report with one sent for the code', { type: 'till.done' }, { type: 'till.report', kind: 'Z' });
  return out;
}

const render = (view: TillView) => stripVTControlCharacters(renderToString(<TillBody view={view} width={WIDTH} height={HEIGHT} />, { columns: WIDTH })).split('\n');
const squash = (s: string) => s.replace(/[\s\u00a0│╭╮╰╯─]+/g, ' ');

describe.each([['ru', 'cashier'], ['en', 'cashier'], ['ru', 'post'], ['en', 'post']] as const)('the till in %s at the %s', (lang, place) => {
  it('every screen whole in the desk\'s box at 80×24: nothing cut, nothing wider, every line of the view and the drawer shown', async () => {
    const problems: string[] = [];
    const cases = await collect(lang, place);
    expect(cases.map((c) => c.view.statePath)).toEqual(expect.arrayContaining(['closed', 'idle', 'serving.change', 'serving.receipt', 'serving.refused']));
    expect(cases.at(-1)!.view.lines.at(-1)!.text).toMatch(/^Z-/);
    for (const { name, view } of cases) {
      const frame = render(view);
      if (frame.length > HEIGHT) problems.push(`${name}: ${frame.length} rows`);
      for (const line of frame) if (stringWidth(line) > WIDTH) problems.push(`${name}: wider than ${WIDTH}: ${line}`);
      if (frame.join('').includes('…')) problems.push(`${name}: an ellipsis: something was cut`);
      const all = squash(frame.join(' '));
      for (const wanted of [view.title, ...view.lines.map((l) => l.text), ...view.drawer, ...(view.notice ? [view.notice] : [])]) {
        if (!all.includes(squash(wanted).trim())) problems.push(`${name}: missing "${wanted}"`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('R-CASH-3: the Post\'s own words at the till', () => {
  const CASHIER_WORDS = { en: /Till|Payments →/, ru: /Касса|Платежи →/ } as const;
  const POST_WORDS = { en: /Post · window 3/, ru: /Почта · окно 3/ } as const;

  it.each(['en', 'ru'] as const)('in %s: the operator\'s window in the title, the Post\'s menu and receipt form, never the cashier\'s "Till"; the border in the Post\'s colour', async (lang) => {
    const cases = await collect(lang, 'post');
    for (const { name, view } of cases) {
      expect(view.title, name).toMatch(POST_WORDS[lang]);
      expect(view.color, name).toBe('blue');
      for (const line of view.lines) expect(line.text, name).not.toMatch(CASHIER_WORDS[lang]);
    }
    const receipt = cases.find((c) => c.view.statePath === 'serving.receipt')!.view;
    expect(receipt.lines.map((l) => l.text).join('\n')).toMatch(lang === 'en' ? /Post receipt P-101000-\d+ printed/ : /Чек Почты P-101000-\d+ напечатан/);
    // the colour reaches the screen: the border is drawn in blue (SGR 34), never in the cashier's green (32)
    const level = chalk.level;
    chalk.level = 1;
    const drawn = renderToString(<TillBody view={receipt} width={WIDTH} height={HEIGHT} />, { columns: WIDTH });
    chalk.level = level;
    expect(drawn).toContain('\u001b[34m╭');
    expect(drawn).not.toContain('\u001b[32m');
  });

  it('R-CASH-2: every screen counts the drawer as it is: never a negative piece, and on the receipt what the store saved', async () => {
    for (const place of ['cashier', 'post'] as const) {
      for (const { name, view } of await collect('en', place)) {
        for (const cell of view.drawer) expect(cell, `${place}: ${name}`).not.toMatch(/×-/);
      }
    }
  });

  it('at the cashier the till keeps its own words and green', async () => {
    const cases = await collect('en', 'cashier');
    expect(cases[1]!.view).toMatchObject({ title: expect.stringMatching(/^Till · shift 1/), color: 'green' });
  });
});
