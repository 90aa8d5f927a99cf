/**
 * The one checker of test/ui/everyScreen*.test.tsx: a scene (the terminal's view, the site's,
 * the phone's and the world's) drawn by the real WorldLayout at 80×24, and what may go wrong in
 * it: a text cut (ellipsis, truncation) or wrapped inside a word or an amount, a row wider than
 * the terminal or more rows than it has, a body overflowing its box (the top rows overwritten),
 * a repeated row, a wrapped line indented, a phone row out of line. Each place's test file has its
 * case table and says which texts its screens must show whole; the phone beside them is checked here.
 */
import React from 'react';
import { stripVTControlCharacters } from 'node:util';
import { renderToString } from 'ink';
import stringWidth from 'string-width';
import { waitFor } from 'xstate';
import type { View } from '../../src/app/view.js';
import { viewOf } from '../../src/app/view.js';
import { phoneViewOf, worldViewOf, type PhoneView, type WorldView } from '../../src/app/worldView.js';
import { startWorld, terminalOf } from '../../src/app/session.js';
import type { Lang } from '../../src/domain/money.js';
import type { SyncKioskStore } from '../../src/domain/store.js';
import { asyncStore } from '../../src/domain/asyncStore.js';
import { smsText } from '../../src/domain/mobile/smsText.js';
import { isSettled } from '../../machines/settled.js';
import { siteViewOf, type SiteView } from '../../machines/site/siteView.js';
import { deskViewOf, type DeskView } from '../../machines/desk/deskView.js';
import type { SimulatedClock } from 'xstate';
import { t } from '../../src/i18n/index.js';
import { formatDateTime, formatMoney, formatPhone, operatorName } from '../../src/i18n/format.js';
import { WorldLayout } from '../../screens/WorldLayout.js';
import { PLACE_KEYS, hintText } from '../../screens/PlaceBar.js';
import { messagesThatFit, phonePanelOf } from '../../screens/phone/PhonePanel.js';
import { answerText, phoneHelp, smsSender } from '../../screens/phone/PhoneScreen.js';
import { phonePanelWidth } from '../../screens/terminal/KioskLayout.js';
import { opened } from '../../machines/world.js';

export const COLUMNS = 80;
export const ROWS = 24;
const PANEL = phonePanelWidth(COLUMNS);
const MAIN = COLUMNS - PANEL;

/** What WorldLayout draws: every place's view and the world's. */
export interface Scene {
  view: View;
  world: WorldView;
  phone: PhoneView;
  site: SiteView;
  desks: { cashier: DeskView; post: DeskView };
}
export type Case = { name: string; scene: Scene };

/** A running world's views as they are now (the real machines, settled). */
export async function sceneOf(world: ReturnType<typeof startWorld>): Promise<Scene> {
  const context = world.getSnapshot().context;
  // each child's own snapshots: the world's do not change when a child's does
  await waitFor(context.phone, isSettled);
  await waitFor(opened(context).site, isSettled);
  await waitFor(terminalOf(world), isSettled);
  return {
    view: viewOf(terminalOf(world).getSnapshot()),
    world: worldViewOf(world.getSnapshot()),
    phone: phoneViewOf(context.phone.getSnapshot()),
    site: siteViewOf(opened(context).site.getSnapshot()),
    desks: { cashier: deskViewOf(opened(context).cashier.getSnapshot()), post: deskViewOf(opened(context).post.getSnapshot()) },
  };
}

/** A world on `store` at the clock's time, settled: the scene every place's cases start from. */
export async function startScene(store: SyncKioskStore, clock: SimulatedClock) {
  const world = startWorld({ store: asyncStore(store), clock, lang: 'ru', terminalId: 'T-1' });
  return { world, scene: await sceneOf(world) };
}

/** The scene in `lang`: every place speaks the language the test draws it in. */
export function inLang(scene: Scene, lang: Lang): Scene {
  return { ...scene, view: { ...scene.view, lang }, site: { ...scene.site, lang } };
}

export function renderScene(scene: Scene): string {
  const { view, world, phone, site, desks } = scene;
  const frame = renderToString(<WorldLayout view={view} world={world} phone={phone} site={site} desks={desks} terminalId="T-1" columns={COLUMNS} rows={ROWS} />, { columns: COLUMNS });
  return stripVTControlCharacters(frame);
}

/** The place bar, then the inside of the place's box and of the phone's, row by row (the boxes' borders left out). */
export function regionsOf(frame: string): { bar: string; screen: string[]; panel: string[] } {
  const rows = frame.split('\n');
  const body = rows.slice(1).map((row) => [...row]).filter((chars) => /[│║]/.test(chars[0] ?? '') && /[│║]/.test(chars[MAIN] ?? ''));
  return {
    bar: rows[0] ?? '',
    screen: body.map((chars) => chars.slice(1, MAIN - 1).join('')),
    panel: body.map((chars) => chars.slice(MAIN + 1, COLUMNS - 1).join('')),
  };
}

/** Text as read across rows: box lines dropped, rows joined, runs of blanks (no-break ones too) one space. */
export const flat = (rows: string[]) => rows.join(' ').replace(/[│┌┐└┘─╔╗╚╝║═╭╮╰╯]/g, ' ').replace(/\s+/g, ' ').trim();
const oneLine = (text: string) => text.replace(/\s+/g, ' ');
/** Amounts as formatted: `4 750,00 ₽`, `1,000 ₽`, `+250.00 ₽`. */
const AMOUNT = /\d{1,3}(?:[\s,]\d{3})*(?:[.,]\d{2})?\s₽/g;

/** What the place in the main box must show whole. */
export interface Expected {
  /** the box's first row starts with this (the brand), the second is exactly this (the title): a body too tall overwrites them */
  top: [string, string];
  /** each whole on one row */
  lines: string[];
  /** each wrapped between words only */
  paragraphs: string[];
  /** rows that may repeat (two orders with one status) */
  repeats?: string[];
  /** a wrapped line must start where its paragraph does (the terminal's screens) */
  checkIndent?: boolean;
}

/** What the phone beside the place (or the phone itself, on F2) must show whole. */
export function phoneTexts(scene: Scene, lang: Lang): { lines: string[]; paragraphs: string[] } {
  const { phone } = scene;
  if (scene.world.place !== 'phone') {
    const { messages } = phonePanelOf(phone, scene.view.sms, scene.site.sms);
    const { shown, hidden } = messagesThatFit(messages, lang, PANEL - 4, ROWS - 4);
    if (messages.length > 0 && shown.length === 0) return { lines: ['the newest SMS does not fit the panel'], paragraphs: [] };
    const lines = [t(lang, 'panel.title'), shown.length > 0 ? formatPhone(shown[0]!.phone) : t(lang, 'panel.empty')];
    for (const sms of shown) lines.push(sms.sender, formatDateTime(sms.at, lang));
    if (hidden > 0) lines.push(t(lang, 'panel.more', { count: hidden }));
    return { lines, paragraphs: shown.map((sms) => smsText(sms, lang)) };
  }
  const lines = [formatPhone(phone.phone), operatorName(phone.operator, lang), t(lang, 'phone.balance', { amount: formatMoney(phone.balance, lang) })];
  const paragraphs = [phoneHelp(phone, lang)];
  const open = phone.inbox[phone.selected];
  if (phone.screen === 'loading') lines.push(t(lang, 'phone.loading'));
  if (phone.screen === 'dialing') lines.push(`${t(lang, 'phone.dialing')}: ${phone.dialed}`);
  if (phone.screen === 'answered') paragraphs.push(answerText(phone, lang));
  if (phone.screen === 'reading' && open) {
    lines.push(smsSender(open, phone, lang), formatDateTime(open.at, lang));
    paragraphs.push(smsText(open, lang));
  }
  if (phone.screen === 'home' && phone.inbox.length === 0) lines.push(t(lang, 'panel.empty'));
  if (phone.screen === 'home') for (const sms of phone.inbox.slice(0, ROWS - 10)) lines.push(smsSender(sms, phone, lang));
  return { lines, paragraphs };
}

/** Every problem of one frame; empty when it is right. */
export function problemsOf(frame: string, scene: Scene, lang: Lang, expected: Expected): string[] {
  const problems: string[] = [];
  const all = frame.split('\n');
  if (all.length > ROWS) problems.push(`${all.length} rows, more than ${ROWS}`);
  all.forEach((row, i) => {
    if (stringWidth(row) > COLUMNS) problems.push(`row ${i + 1} is ${stringWidth(row)} columns wide: ${row}`);
  });
  const { bar, screen, panel } = regionsOf(frame);
  const barTexts = [...Object.entries(PLACE_KEYS).map(([place, key]) => `${key} ${t(lang, `place.${place}`)}`), formatDateTime(scene.world.now, lang), hintText(scene.world, lang) ?? ''];
  for (const text of barTexts.filter(Boolean)) if (!bar.includes(text)) problems.push(`the place bar lacks "${text}": ${bar}`);
  const [brand, title] = expected.top;
  if (!screen[0]?.trim().startsWith(brand)) problems.push(`brand row overwritten: "${screen[0]}"`);
  if (screen[1]?.trim() !== title) problems.push(`title row is "${screen[1]?.trim()}", not "${title}": the body overflows the frame`);
  const phone = phoneTexts(scene, lang);
  for (const text of expected.lines) if (!screen.some((row) => row.includes(text))) problems.push(`not whole on one row: "${text}"`);
  for (const text of expected.paragraphs) if (!flat(screen).includes(oneLine(text))) problems.push(`cut or broken inside a word: "${text}"`);
  for (const text of phone.lines) if (!panel.some((row) => row.includes(text))) problems.push(`not whole on one row of the phone: "${text}"`);
  for (const text of phone.paragraphs) if (!flat(panel).includes(oneLine(text))) problems.push(`cut on the phone: "${text}"`);
  const texts = [...expected.lines, ...expected.paragraphs, ...phone.lines, ...phone.paragraphs];
  for (const text of texts) {
    for (const amount of text.match(AMOUNT) ?? []) {
      if (![...screen, ...panel].some((row) => row.includes(amount))) problems.push(`amount "${amount}" wraps (in "${text}")`);
    }
  }
  const ellipses = (s: string) => s.split('…').length - 1;
  const allowed = texts.reduce((n, s) => n + ellipses(s), 0);
  if (ellipses(frame) > allowed) problems.push(`${ellipses(frame)} ellipses on screen, the texts have ${allowed}: something is truncated`);
  // a wrapped line starts where its paragraph does, not one column further (Ink keeps the breaking space)
  if (expected.checkIndent) {
    for (const row of screen) if (/^ {2,}\p{Ll}/u.test(row)) problems.push(`wrapped line indented: "${row}"`);
  }
  const seen = new Set<string>();
  for (const row of screen.map((r) => r.replace(/[│╭╮╰╯─]/g, '').trim()).filter((r) => /[\p{L}\p{N}]/u.test(r))) {
    if (seen.has(row) && !(expected.repeats ?? []).includes(row)) problems.push(`row repeated: "${row}"`);
    seen.add(row);
  }
  for (const row of panel.filter((r) => r.trim() !== '')) {
    if (!/^ \S/.test(row)) problems.push(`phone row not aligned with the others: "${row}"`);
  }
  return problems;
}

/** Checks every case in `lang`; the report lists each failing frame with its problems. */
export function failuresOf(cases: readonly Case[], lang: Lang, expectedOf: (scene: Scene, lang: Lang) => Expected): string {
  const failures: string[] = [];
  for (const { name, scene } of cases) {
    const shown = inLang(scene, lang);
    const frame = renderScene(shown);
    const problems = problemsOf(frame, shown, lang, expectedOf(shown, lang));
    if (problems.length > 0) failures.push(`── ${name}\n${problems.map((p) => `   ${p}`).join('\n')}\n${frame}`);
  }
  return failures.join('\n\n');
}
