/**
 * Every till screen (closed, open, each step of serving a customer, a refusal, the receipt, the
 * Z-report) in the desk's box beside the phone at 80×24 (54×22), in both languages: nothing cut,
 * no line wider than the box, every line of the view and the drawer's cells on the screen.
 */
import React from 'react';
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
import { phonePanelWidth } from '../../screens/terminal/KioskLayout.js';

const WIDTH = 80 - phonePanelWidth(80);
const HEIGHT = 24 - 2;
const START = Date.UTC(2026, 10, 22, 7, 0, 0);

async function collect(lang: Lang): Promise<Array<{ name: string; view: TillView }>> {
  const store = new MemoryStore();
  seedDemo(store, START);
  const clock = new SimulatedClock();
  clock.set(START);
  const actor = createActor(provideTill({ store, clock, rules: DEFAULT_RULES }), { input: { place: 'cashier' }, clock }).start();
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

describe.each(['ru', 'en'] as const)('the till in %s', (lang) => {
  it('every screen whole in the desk\'s box at 80×24: nothing cut, nothing wider, every line of the view and the drawer shown', async () => {
    const problems: string[] = [];
    const cases = await collect(lang);
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
