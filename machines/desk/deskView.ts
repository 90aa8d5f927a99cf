/**
 * What a desk shows now, from its snapshot: the screen, its buttons and focus, and every value the
 * screen prints (amounts, the change in notes and coins, the receipt's lines and QR code), computed
 * here so the screens only draw.
 */
import type { SnapshotFrom } from 'xstate';
import { splitChange, type ChangePiece } from '../../src/domain/cash/change.js';
import { banknoteKeyLegend } from '../../src/domain/cash/banknoteKeys.js';
import { sumNotes } from '../../src/domain/cash/settlement.js';
import { DESKS, type DeskData, type DeskPlace } from '../../src/domain/fiscal/desks.js';
import { deskReceiptLines } from '../../src/domain/fiscal/fiscalReceipt.js';
import { qrRows } from '../../src/domain/fiscal/qr.js';
import { formatMoney, isPositive, type Lang, type Money } from '../../src/domain/money.js';
import { formatHours } from '../../src/i18n/format.js';
import { t } from '../../src/i18n/index.js';
import type { deskMachine } from '../desk.js';
import { deskButtons, type DeskButton, type DeskScreen } from './deskButtons.js';
import type { DeskRefusal, DeskRole, ReadBack } from './deskContext.js';
import type { TillActor } from './till.js';
import { tillViewOf, type TillView } from './tillView.js';

export type DeskState = DeskScreen | 'entering' | 'lookingUp' | 'paying';

/** How keys are read: typing the code, handing notes, buttons, scrolling the receipt, or nothing while the till works. */
export type DeskInputMode = 'digits' | 'notes' | 'buttons' | 'receipt' | 'busy';

export interface DeskView {
  place: DeskPlace;
  role: DeskRole;
  state: DeskState;
  /** `desk.cash`: the state path as tapes' ExpectState read it */
  statePath: string;
  mode: DeskInputMode;
  lang: Lang;
  window: number | null;
  /** the desk's colour from its data (src/domain/fiscal/desks.ts): border and title */
  color: DeskData['color'];
  /** the Post's queue ticket, `A001` */
  ticket: string;
  buttons: DeskButton[];
  focus: number;
  notice: string | null;
  /** values the notice's text needs */
  noticeVars: Record<string, string | number>;
  code: string;
  codeLength: number;
  readBack: ReadBack | null;
  /** i18n key of the read-back: the whole amount, or only the rest of a partially paid order (R-CODE-5) */
  readBackKey: 'desk.readBack' | 'desk.readBackRest';
  handed: Money;
  noteLegend: string;
  refusal: DeskRefusal | null;
  /** values the refusal's text needs */
  refusalVars: Record<string, string | number>;
  change: Money | null;
  /** the change as the notes and coins handed back, largest first: `2,000 ₽ ×1, 1,000 ₽ ×1, 10 ₽ coin ×1`; null without change */
  changeLine: string | null;
  /** i18n key of what the cashier says with the receipt: the change, or none */
  changeKey: 'desk.change' | 'desk.noChange';
  changePieces: readonly ChangePiece[];
  /** the receipt as printed, then its QR code */
  receiptLines: string[];
  qr: string[];
  scroll: number;
  /** the cashier's role: what the running till shows (null while the trainee plays the customer) */
  till: TillView | null;
}

const BUSY: readonly DeskState[] = ['entering', 'lookingUp', 'paying'];

const modeOf = (state: DeskState): DeskInputMode =>
  BUSY.includes(state) ? 'busy' : state === 'code' ? 'digits' : state === 'cash' ? 'notes' : state === 'receipt' ? 'receipt' : 'buttons';

/** The widest receipt line a desk screen shows at 80 columns; the QR payload is broken at its `&`s to fit. */
export const RECEIPT_WIDTH = 48;

export function fitReceiptLine(line: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const part of line.split(/(?=&)/)) {
    if (current && (current + part).length > RECEIPT_WIDTH) {
      out.push(current);
      current = `    ${part}`;
    } else current += part;
  }
  return [...out, current];
}

/** A note or coin by its face: `2,000 ₽`, `10 ₽`, `50 kop.` (whole roubles without kopecks). */
function faceOf(piece: ChangePiece, lang: Lang): string {
  // Stryker disable next-line StringLiteral: equivalent, because a piece's value is a Money string, always with its kopecks
  const [rubles = '0', kopecks = '00'] = piece.value.split('.');
  if (rubles === '0') return t(lang, 'desk.kopecks', { kopecks: Number(kopecks) });
  return formatMoney(piece.value, lang).replace(/[.,]00(?=\u00a0₽)/, '');
}

function changeLineOf(pieces: readonly ChangePiece[], lang: Lang): string | null {
  if (pieces.length === 0) return null;
  const text = pieces.map((p) => t(lang, p.kind === 'note' ? 'desk.piece.note' : 'desk.piece.coin', { value: faceOf(p, lang), count: p.count })).join(', ');
  return t(lang, 'desk.changePieces', { pieces: text });
}

const ticketOf = (n: number) => `A${String(n).padStart(3, '0')}`;

export function deskViewOf(snapshot: SnapshotFrom<typeof deskMachine>): DeskView {
  const c = snapshot.context;
  const state = String(snapshot.value) as DeskState;
  const lang = c.lang;
  const money = (m: Money) => formatMoney(m, lang);
  const pieces = c.receipt ? splitChange(c.receipt.change) : [];
  const tillRef = (snapshot.children as { till?: TillActor }).till;
  // the till is invoked by cashierRole: it is a child only in that state
  const till = tillRef ? tillViewOf(tillRef.getSnapshot(), lang) : null;
  return {
    place: c.place,
    role: c.role,
    state,
    statePath: till ? `desk.till.${till.statePath}` : `desk.${state}`,
    mode: modeOf(state),
    lang,
    window: DESKS[c.place].window,
    color: DESKS[c.place].color,
    ticket: ticketOf(c.ticket),
    buttons: BUSY.includes(state) ? [] : deskButtons(state as DeskScreen, c),
    focus: c.focus,
    notice: c.notice,
    noticeVars: { digits: c.rules.orderNumberLength, due: c.readBack ? money(c.readBack.due) : '' },
    code: c.code,
    codeLength: c.rules.orderNumberLength,
    readBack: c.readBack,
    readBackKey: c.readBack && isPositive(c.readBack.paidBefore) ? 'desk.readBackRest' : 'desk.readBack',
    handed: sumNotes(c.handed),
    noteLegend: banknoteKeyLegend(),
    refusal: c.refusal,
    refusalVars: {
      length: c.rules.orderNumberLength,
      hours: formatHours(Math.round(c.rules.codeValidityMs / 3_600_000), lang),
      cap: c.cap ? money(c.cap) : '',
      handed: money(c.returned ?? '0.00'),
      fault: c.fault ?? '',
    },
    change: c.receipt?.change ?? null,
    changeKey: c.receipt && isPositive(c.receipt.change) ? 'desk.change' : 'desk.noChange',
    changePieces: pieces,
    changeLine: changeLineOf(pieces, lang),
    receiptLines: c.receipt ? deskReceiptLines(c.receipt, lang).flatMap(fitReceiptLine) : [],
    qr: c.receipt ? qrRows(c.receipt.qr) : [],
    scroll: c.scroll,
    till,
  };
}
