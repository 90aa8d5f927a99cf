/**
 * The till's cash drawer, for the cashier's role (issue 12, "As the cashier"): how many of each
 * Russian note and coin it holds, as data; what goes in and out; whether change can be made from
 * it; and how the change the trainee gave compares with what was due. Pure, in whole kopecks via
 * decimal.js. Used by the till (machines/desk/till.ts) and the stores' tills.
 */
import Decimal from 'decimal.js';
import { cmp, money, sub, type Money } from '../money.js';
import { RUSSIAN_DENOMINATIONS, type ChangePiece } from './change.js';

/** Face value → how many are in the drawer. Faces not listed are 0. */
export type Drawer = Readonly<Record<Money, number>>;

const isFace = (value: Money) => RUSSIAN_DENOMINATIONS.some((d) => d.value === value);

function mustFace(value: Money): Money {
  const face = money(value);
  if (!isFace(face)) throw new RangeError(`${value} is not a Russian note or coin`);
  return face;
}

/**
 * [choice] The float a shift opens with: 5,000 ₽ in small notes and coins, enough to give change
 * on the first customers' large notes. Configurable where the till is built.
 */
export const DEFAULT_FLOAT: Drawer = {
  '1000.00': 1, '500.00': 4, '200.00': 1, '100.00': 10, '50.00': 10,
  '10.00': 20, '5.00': 10, '2.00': 10, '1.00': 20, '0.50': 10, '0.10': 50,
};

export const countOf = (drawer: Drawer, value: Money): number => drawer[mustFace(value)] ?? 0;

/** Everything in the drawer. */
export const drawerTotal = (drawer: Drawer): Money =>
  Object.entries(drawer).reduce((sum, [face, count]) => sum.plus(new Decimal(face).times(count)), new Decimal(0)).toFixed(2);

/** The drawer with these pieces added (the customer's cash). */
export function putIn(drawer: Drawer, value: Money, count = 1): Drawer {
  const face = mustFace(value);
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`cannot put in ${count} pieces`);
  return { ...drawer, [face]: (drawer[face] ?? 0) + count };
}

export type TakeOut = { ok: true; drawer: Drawer } | { ok: false; reason: 'empty'; have: number };

/** Takes pieces out (change given); refused, changing nothing, when the drawer has fewer. */
export function takeOut(drawer: Drawer, value: Money, count = 1): TakeOut {
  const face = mustFace(value);
  const have = drawer[face] ?? 0;
  if (count > have) return { ok: false, reason: 'empty', have };
  return { ok: true, drawer: { ...drawer, [face]: have - count } };
}

/**
 * Change of `amount` from what the drawer holds, largest pieces first, or null when it cannot be
 * made. Backtracks: a larger piece is given up when smaller ones then fit (6 ₽ from one 5 ₽ coin,
 * three 2 ₽ coins and no 1 ₽ coin is three 2s, not a 5 and then nothing).
 */
export function changeFromDrawer(drawer: Drawer, amount: Money): ChangePiece[] | null {
  const target = new Decimal(amount).times(100);
  if (target.isNegative() || !target.isInteger()) throw new RangeError(`cannot give change of ${amount}`);
  const faces = RUSSIAN_DENOMINATIONS.map((d) => ({ ...d, kop: new Decimal(d.value).times(100).toNumber(), have: drawer[d.value] ?? 0 }));
  const failed = new Set<string>();
  const search = (i: number, left: number): ChangePiece[] | null => {
    if (left === 0) return [];
    if (i >= faces.length || failed.has(`${i}:${left}`)) return null;
    const face = faces[i]!;
    for (let count = Math.min(face.have, Math.floor(left / face.kop)); count >= 0; count--) {
      const rest = search(i + 1, left - count * face.kop);
      if (rest) return count > 0 ? [{ value: face.value, kind: face.kind, count }, ...rest] : rest;
    }
    failed.add(`${i}:${left}`);
    return null;
  };
  return search(0, target.toNumber());
}

/** How the change handed over compares with what was due: recorded, never corrected silently. */
export type ChangeVerdict = { kind: 'exact' } | { kind: 'short'; by: Money } | { kind: 'over'; by: Money };

export function judgeChange(due: Money, given: Money): ChangeVerdict {
  const c = cmp(given, due);
  if (c === 0) return { kind: 'exact' };
  // Stryker disable next-line EqualityOperator: equivalent, because c is never 0 here (returned above), so `<= 0` is `< 0`
  return c < 0 ? { kind: 'short', by: sub(due, given) } : { kind: 'over', by: sub(given, due) };
}
