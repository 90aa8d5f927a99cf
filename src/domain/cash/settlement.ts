/**
 * Splitting inserted cash between the order and the phone (R-TERM-2: no change is given, the
 * excess goes to the phone balance). Every inserted kopeck ends up in exactly one of the two.
 */
import { cmp, min, noteAmount, sub, add, type Money, ZERO } from '../money.js';
import type { OperatorId } from '../rules.js';

export interface Settlement {
  code: string;
  due: Money;
  inserted: Money;
  toOrder: Money;
  toPhone: Money;
  phone: string;
  operator: OperatorId;
  /** why the payment was made: the customer pressed Pay, or the terminal timed out */
  trigger: 'pay' | 'timeout';
  notes: number[];
}

export function settle(due: Money, inserted: Money): { toOrder: Money; toPhone: Money } {
  const toOrder = min(due, inserted);
  return { toOrder, toPhone: sub(inserted, toOrder) };
}

export const covers = (inserted: Money, due: Money): boolean => cmp(inserted, due) >= 0;

export const sumNotes = (notes: readonly number[]): Money => add(ZERO, ...notes.map(noteAmount));
