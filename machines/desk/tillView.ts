/**
 * What the till shows now, from its snapshot: the title, what the customer says, the step the
 * trainee is at, the drawer by denomination, the notice; every text and amount computed here so
 * the screen (screens/desk/TillBody.tsx) only draws.
 */
import type { SnapshotFrom } from 'xstate';
import { RUSSIAN_DENOMINATIONS } from '../../src/domain/cash/change.js';
import { countOf, drawerTotal, type Drawer } from '../../src/domain/cash/drawer.js';
import { addPieces } from '../../src/domain/cash/till.js';
import { formatMoney, max, money, sub, ZERO, type Lang, type Money } from '../../src/domain/money.js';
import { DEFAULT_RULES, HOUR_MS } from '../../src/domain/rules.js';
import { formatHours } from '../../src/i18n/format.js';
import { t } from '../../src/i18n/index.js';
import { DESKS, type DeskData } from '../../src/domain/fiscal/desks.js';
import type { tillMachine } from './till.js';

export interface TillLine {
  text: string;
  /** how the screen draws it: what a person says, a figure to check, or plain */
  tone: 'said' | 'figure' | 'plain';
}

export interface TillView {
  lang: Lang;
  /** the desk's colour (src/domain/fiscal/desks.ts): the till's border and title */
  color: DeskData['color'];
  /** `serving.change`: the state path, as tapes' ExpectState read it */
  statePath: string;
  title: string;
  lines: TillLine[];
  /** the drawer by face value, largest first: `5000×4` */
  drawer: string[];
  notice: string | null;
}

const TILL_REFUSALS = ['over24h', 'notInDrawer', 'handedMismatch', 'noShift', 'closed'];

/** `5000`, `0,50` / `0.50`: a face as short as it can be, for the drawer's rows. */
function faceLabel(face: Money, lang: Lang): string {
  // Stryker disable next-line StringLiteral: equivalent, because a face is a Money string, always with its kopecks
  const [rubles = '0', kopecks = '00'] = face.split('.');
  return kopecks === '00' ? rubles : `${rubles}${lang === 'ru' ? ',' : '.'}${kopecks}`;
}

export function tillViewOf(snapshot: SnapshotFrom<typeof tillMachine>, lang: Lang): TillView {
  const c = snapshot.context;
  const w = (key: string, vars: Record<string, string | number> = {}) => t(lang, key, vars);
  const m = (value: Money) => formatMoney(value, lang);
  // Stryker disable next-line StringLiteral: equivalent, because the till is in one state of one region at a time: the join has one part
  const statePath = typeof snapshot.value === 'string' ? snapshot.value : Object.entries(snapshot.value).map(([k, v]) => `${k}.${String(v)}`).join('');
  const drawer: Drawer = c.till?.drawer ?? {};
  const open = c.till !== null && c.till.shift.closedAt === null;
  // each desk's own words: the shop's till, the Post's operator window (`till.<place>.…`)
  const own = (key: string) => `till.${c.place}.${key}`;
  // Stryker disable next-line StringLiteral: equivalent, because only the Post's titles name a window, and the Post has one
  const window = DESKS[c.place].window ?? '';
  const title = open && c.till ? w(own('title'), { window, shift: c.till.shift.number, drawer: m(drawerTotal(drawer)) }) : w(own('closedTitle'), { window });
  const lines: TillLine[] = [];
  const said = (text: string) => lines.push({ text, tone: 'said' });
  const figure = (text: string) => lines.push({ text, tone: 'figure' });
  const plain = (text: string) => lines.push({ text, tone: 'plain' });
  const due = c.readBack?.due ?? ZERO;
  const received = c.received === '' ? ZERO : money(c.received);
  if (statePath === 'closed') plain(w('till.openShift', { float: m(drawerTotal(c.float)) }));
  if (statePath === 'idle') plain(w('till.nextCustomer', { waiting: c.queue.length }));
  if (c.customer) {
    said(w(c.customer.says));
    plain(w(own('menu')));
    figure(w('till.enterCode', { code: c.code.padEnd(c.orderNumberLength, '_') }));
  }
  if (c.readBack) figure(w('till.readBack', { code: c.readBack.code, due: m(due) }));
  if (['serving.received', 'serving.change', 'serving.paying', 'serving.receipt'].includes(statePath)) figure(w('till.received', { received: m(received), due: m(due) }));
  if (statePath === 'serving.change' || statePath === 'serving.paying') {
    const changeDue = max(ZERO, sub(received, due));
    figure(w('till.changeDue', { due: m(changeDue), given: m(drawerTotal(c.given)) }));
  }
  // the receipt and the refusal are kept only while their step shows (`leave` clears both)
  if (c.receipt) plain(w(own('receiptPrinted'), { number: c.receipt.number }));
  if (c.refusal) {
    // the store's till refusals have the till's words; a code's refusal is what a cashier says at the desk
    const key = TILL_REFUSALS.includes(c.refusal) ? `till.refused.${c.refusal}` : `desk.refused.${c.refusal}`;
    said(w(key, { length: c.orderNumberLength, hours: formatHours(Math.round(DEFAULT_RULES.codeValidityMs / HOUR_MS), lang), fault: c.fault ?? '' }));
  }
  if (statePath === 'serving.sentAway') {
    plain(w('till.sentAway'));
    said(w('till.says.sentAway'));
  }
  if (c.report && (statePath === 'idle' || statePath === 'closed')) {
    const r = c.report;
    plain(w('till.report', { kind: r.kind, shift: r.shift, payments: r.payments, total: m(r.total), counted: m(r.counted), expected: m(r.expected), discrepancy: m(r.discrepancy), mistakes: r.changeMistakes, sentAway: r.sentAway }));
  }
  // while serving, the customer's notes are within reach and the change taken is out of the drawer;
  // once the payment is saved (the receipt step) the stored drawer already holds both
  const saved = statePath === 'serving.receipt';
  const shown = c.customer && !saved ? addPieces(drawer, c.customer.brings) : drawer;
  const cells = open ? RUSSIAN_DENOMINATIONS.map((d) => `${faceLabel(d.value, lang)}×${countOf(shown, d.value) - (saved ? 0 : (c.given[d.value] ?? 0))}`) : [];
  return { lang, color: DESKS[c.place].color, statePath, title, lines, drawer: cells, notice: c.notice ? w(c.notice, { length: c.orderNumberLength }) : null };
}
