/**
 * Every desk screen (the cashier and the Post, each refusal, the receipt at its top and its end, the
 * QR code) at 80×24 in both languages: the desk's box is what the world draws beside the phone (54×22).
 * Nothing may be cut (no ellipsis, no word missing), no line wider than the box, and the QR code whole.
 */
import React from 'react';
import { stripVTControlCharacters } from 'node:util';
import { renderToString } from 'ink';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { DeskFrame, deskHelp, deskTitle } from '../../screens/desk/DeskFrame.js';
import type { DeskView } from '../../machines/desk/deskView.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import { seedDemo } from '../../src/domain/orders/demo.js';
import { formatMoney, type Lang } from '../../src/domain/money.js';
import { t } from '../../src/i18n/index.js';
import { phonePanelWidth } from '../../screens/terminal/KioskLayout.js';
import { startDesk, START } from '../machines/deskDriver.js';

const COLUMNS = 80;
const ROWS = 24;
const WIDTH = COLUMNS - phonePanelWidth(COLUMNS);
/** the world's height for a place: the place bar takes a row, and Ink keeps the last one free */
const HEIGHT = ROWS - 2;

type Case = { name: string; view: DeskView };

async function collect(place: 'cashier' | 'post', lang: Lang): Promise<Case[]> {
  const store = new MemoryStore();
  seedDemo(store, START);
  store.payAtDesk({ place: 'post', code: '1000000006', due: '2000.00', received: '2000.00', at: START });
  const desk = startDesk({ place, store, lang });
  const cases: Case[] = [];
  const keep = (name: string) => cases.push({ name: `${place}: ${name}`, view: desk.view() });
  keep('greeting');
  await desk.keys('1', '12');
  keep('code');
  await desk.keys('enter');
  keep('code, incomplete');
  await desk.keys('backspace', 'backspace', '1000000004', 'enter');
  keep('refused, expired');
  for (const [code, name] of [['9999999999', 'unknown'], ['1000000005', 'already paid']] as const) {
    await desk.keys('enter', '1', code, 'enter');
    keep(`refused, ${name}`);
  }
  await desk.keys('enter', '1', '1000000006', 'enter');
  keep('read back, the rest of a risen price');
  await desk.keys('esc', 'backspace', '3', 'enter');
  keep('read back');
  await desk.keys('enter', '8', '8', '8');
  keep('cash');
  await desk.keys('p');
  keep('cash, not covered');
  await desk.keys('*');
  keep('cash, a torn note');
  await desk.keys('0');
  keep('cash, foreign money');
  await desk.keys('7', 'p');
  keep('receipt');
  await desk.keys(...Array<string>(40).fill('down'));
  keep('receipt, its end');
  await desk.keys('q');
  keep('qr');
  await desk.keys('esc', 'enter', 'r');
  keep('the cashier\'s role');
  await desk.keys('r', '1', '1000000001', 'enter', 'enter', '7', '7', '6');
  store.payAtDesk({ place: 'cashier', code: '1000000001', due: '4750.00', received: '5000.00', at: START });
  await desk.keys('p');
  keep('refused, paid meanwhile');
  desk.actor.stop();
  return cases;
}

function render(view: DeskView): string[] {
  return stripVTControlCharacters(renderToString(<DeskFrame view={view} width={WIDTH} height={HEIGHT} />, { columns: WIDTH })).split('\n');
}

/** What must be on screen whole: each text's words, in the frame, with no ellipsis anywhere. */
function expectedTexts(view: DeskView): string[] {
  const w = (key: string, vars: Record<string, string | number> = {}) => t(view.lang, key, vars);
  if (view.state === 'qr') return [w('desk.qrCaption'), ...view.buttons.map((b) => w(b.label))];
  // the cashier's role: the till's own box (test/ui/tillScreens.test.tsx checks each of its screens) and its keys
  if (view.till) return [view.till.title, ...view.till.lines.map((l) => l.text), w('till.help')];
  const texts = [deskTitle(view), deskHelp(view), ...view.buttons.map((b) => w(b.label))];
  if (view.notice) texts.push(w(view.notice, view.noticeVars));
  if (view.state === 'refused') texts.push(w(`desk.refused.${view.refusal}`, view.refusalVars));
  if (view.state === 'cashierRole') texts.push(w('desk.cashierRole'));
  if (view.state === 'readBack' && view.readBack) {
    texts.push(w(view.readBackKey, { code: view.readBack.code, due: formatMoney(view.readBack.due, view.lang), paid: formatMoney(view.readBack.paidBefore, view.lang) }));
  }
  if (view.state === 'receipt') texts.push(view.changeLine ?? '', w(view.changeKey, { change: formatMoney(view.change ?? '0.00', view.lang) }));
  return texts.filter((x) => x !== '');
}

describe.each(['ru', 'en'] as Lang[])('desk screens at 80×24 in %s', (lang) => {
  it('show every text whole: nothing cut, no line wider than the desk, the QR code on one screen', async () => {
    const cases = [...(await collect('cashier', lang)), ...(await collect('post', lang))];
    expect(cases.length).toBeGreaterThan(30);
    const problems: string[] = [];
    for (const { name, view } of cases) {
      const shown = view;
      const frame = render(shown);
      const text = frame.join('\n').replace(/\s+/g, ' ');
      if (frame.length !== HEIGHT) problems.push(`${name}: ${frame.length} rows`);
      for (const line of frame) if (stringWidth(line) > WIDTH) problems.push(`${name}: wider than ${WIDTH}: ${line}`);
      if (frame.join('').includes('…')) problems.push(`${name}: an ellipsis: something was cut`);
      for (const expected of expectedTexts(shown)) {
        const words = expected.split(/\s+/).filter(Boolean);
        const missing = words.filter((word) => !text.includes(word));
        if (missing.length > 0) problems.push(`${name}: "${expected}" is missing ${missing.join(' ')}`);
      }
      if (shown.state === 'qr') {
        for (const row of shown.qr) if (!frame.some((line) => line.includes(row))) problems.push(`${name}: a QR row is not on screen`);
      }
      if (shown.state === 'receipt' && name.endsWith('its end')) {
        const keep = t(lang, `desk.${shown.place}.keep`);
        if (!frame.some((line) => line.includes(keep))) problems.push(`${name}: "${keep}" is not at the receipt's end`);
      }
    }
    expect(problems.join('\n')).toBe('');
  });
});
