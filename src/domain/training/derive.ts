/**
 * `derive` (issue 18, seeded variants): values an exercise makes of its drawn ones. A sum of terms
 * joined by + and -; a term is a name, a decimal number, or one of the domain's own money rules:
 *
 * - `change(NOTES, AMOUNT)`: the customer's notes (`2000 500`, note by note) minus the amount, the
 *   change a cashier hands back (R-CASH-2), summed as the till sums notes (settlement.ts);
 * - `commission(AMOUNT, OPERATOR)`: a mobile payment's commission on top of the price (R-MOB-3),
 *   the operator's percent from the rules (mobilePayment.ts `commissionOf`), never re-typed here;
 * - `price(PRODUCT)`: the price of the site's product in that place of its list (1 = the first, the
 *   key that adds it to the cart), from the site's own catalog (orders/catalog.ts);
 * - the whole expression `pieces(SUM)`: the change as the cashier hands it back, note by note from
 *   a drawer holding the shift's opening float, largest first (`200 50`, drawer.ts `changeFromDrawer`):
 *   a list, not a number, so no later sum uses it.
 *
 * Money is exact (decimal.js); a value that is not what a term needs throws, naming it.
 */
import Decimal from 'decimal.js';
import { changeFromDrawer, DEFAULT_FLOAT } from '../cash/drawer.js';
import { sumNotes } from '../cash/settlement.js';
import { commissionOf } from '../mobile/mobilePayment.js';
import { DEFAULT_MOBILE_RULES } from '../mobile/mobileRules.js';
import { money } from '../money.js';
import { PRODUCTS } from '../orders/catalog.js';
import { isBanknote, OPERATORS, OPERATOR_NAMES, type OperatorId } from '../rules.js';

/** The money rules a term may call, with how many arguments each takes. */
const CALLS = { change: 2, commission: 2, price: 1 } as const;
type Call = keyof typeof CALLS;

export type Term =
  | { sign: 1 | -1; kind: 'name' | 'number'; term: string }
  | { sign: 1 | -1; kind: 'call'; term: string; fn: Call; args: string[] };

const NAME = /^[A-Za-z_]\w*$/;
const NUMBER = /^\d+(?:\.\d+)?$/;
const TERM = /^\s*([+-])\s*(?:((change|commission|price)\s*\(([^()]*)\))|([A-Za-z_]\w*|\d+(?:\.\d+)?))/;
const PIECES = /^\s*pieces\s*\((.*)\)\s*$/;

/**
 * The operator a `commission` names: a drawn name's value or a literal, its name in any case, as
 * `MTS`, `Beeline` or `beeline` (an operator's id is its name in lower case, so `mts` is one too).
 */
export function operatorOf(word: string): OperatorId | null {
  const lower = word.toLowerCase();
  return OPERATORS.find((id) => OPERATOR_NAMES[id].toLowerCase() === lower) ?? null;
}

/** The terms of a sum, or null when it says something else (an argument neither a name nor a number). */
export function parseSum(expression: string): Term[] | null {
  const terms: Term[] = [];
  let rest = `+${expression}`;
  while (rest.trim() !== '') {
    const match = TERM.exec(rest);
    if (!match) return null;
    const sign = match[1] === '-' ? -1 : 1;
    if (match[2]) {
      const fn = match[3] as Call;
      const args = (match[4] as string).split(',').map((a) => a.trim());
      if (args.length !== CALLS[fn] || !args.every((a) => NAME.test(a) || NUMBER.test(a))) return null;
      terms.push({ sign, kind: 'call', term: match[2], fn, args });
    } else {
      const term = match[5] as string;
      terms.push({ sign, kind: NAME.test(term) ? 'name' : 'number', term });
    }
    rest = rest.slice(match[0].length);
  }
  // never empty: the first pass reads a term (the text starts with the `+` added above) or returns null
  return terms;
}

/** What `derive` may say: a sum, or `pieces(` a sum `)`. Null when it is neither. */
export function parseExpression(expression: string): { pieces: boolean; terms: Term[] } | null {
  const pieces = PIECES.exec(expression);
  const terms = parseSum(pieces ? (pieces[1] as string) : expression);
  return terms ? { pieces: pieces !== null, terms } : null;
}

/** The names an expression uses (an operator written as itself, `Beeline`, is no name). */
export function namesIn(expression: string): string[] {
  return (parseExpression(expression)?.terms ?? []).flatMap((t) => {
    if (t.kind === 'number') return [];
    if (t.kind !== 'call') return [t.term];
    // an operator written as itself (`Beeline`) is a word, not a name
    return t.args.filter((a, i) => NAME.test(a) && !(t.fn === 'commission' && i === 1 && operatorOf(a) !== null));
  });
}

/** A value as a decimal number; a list of notes or a word is not one. */
function numberOf(value: string | undefined, term: string, expression: string): Decimal {
  if (value === undefined || !/^-?\d+(\.\d+)?$/.test(value)) throw new Error(`derive: ${term} is not a number (${expression}): ${value ?? 'not drawn'}`);
  return new Decimal(value);
}

function callValue(t: Extract<Term, { kind: 'call' }>, values: Record<string, string>, expression: string): Decimal {
  const argument = (a: string) => (NAME.test(a) && values[a] !== undefined ? (values[a] as string) : a);
  // Stryker disable next-line StringLiteral: equivalent, because a call has exactly its arguments (parseSum checks CALLS) and price never reads a second: the defaults only satisfy the types
  const [first = '', second = ''] = t.args.map(argument);
  // Stryker disable next-line StringLiteral: equivalent, for the same reason
  const [firstName = '', secondName = ''] = t.args;
  if (t.fn === 'price') {
    const product = PRODUCTS[Number(first) - 1];
    if (!/^\d+$/.test(first) || !product) throw new Error(`derive: ${firstName} is no product of the site, 1 … ${PRODUCTS.length} (${expression}): ${first}`);
    return new Decimal(product.price);
  }
  if (t.fn === 'commission') {
    const operator = operatorOf(second);
    if (!operator) throw new Error(`derive: ${second} is no operator, ${OPERATORS.map((id) => OPERATOR_NAMES[id]).join(', ')} (${expression})`);
    return new Decimal(commissionOf(money(numberOf(first, firstName, expression).toFixed(2)), operator, DEFAULT_MOBILE_RULES));
  }
  const notes = first.trim().split(/\s+/).map(Number);
  if (!notes.every(isBanknote)) throw new Error(`derive: ${firstName} is not banknotes like "2000 500" (${expression}): ${first}`);
  return new Decimal(sumNotes(notes)).minus(numberOf(second, secondName, expression));
}

/** The sum's value over the values drawn and derived so far. */
function sumOf(terms: readonly Term[], values: Record<string, string>, expression: string): Decimal {
  return terms.reduce((sum, t) => {
    const value = t.kind === 'call' ? callValue(t, values, expression) : numberOf(t.kind === 'name' ? values[t.term] : t.term, t.term, expression);
    return sum.plus(value.times(t.sign));
  }, new Decimal(0));
}

/** `4750`, `4750.5` → `4750.50`: whole numbers stay whole, others get two decimals. */
export const plainNumber = (d: Decimal): string => (d.isInteger() ? d.toFixed(0) : d.toFixed(2));

/** The value of one `derive`: a plain number, or for `pieces(…)` the faces handed back, `200 50` (nothing: `0`). */
export function evaluate(expression: string, values: Record<string, string>): string {
  const parsed = parseExpression(expression);
  if (!parsed) throw new Error(`derive: cannot read ${expression}`);
  const sum = sumOf(parsed.terms, values, expression);
  if (!parsed.pieces) return plainNumber(sum);
  if (sum.isNegative()) return plainNumber(sum); // the premise check names it (below zero)
  const pieces = changeFromDrawer(DEFAULT_FLOAT, sum.toFixed(2));
  if (!pieces) throw new Error(`derive: the opening float cannot give ${plainNumber(sum)} in change (${expression})`);
  const faces = pieces.flatMap((p) => Array.from({ length: p.count }, () => plainNumber(new Decimal(p.value))));
  return faces.length > 0 ? faces.join(' ') : '0';
}
