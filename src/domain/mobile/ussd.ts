/**
 * Balance-check codes dialled on a phone (R-MOB-9): MTS and MegaFon `*100#`, Beeline `*102#`,
 * Tele2 `*105#`. A code is answered only by the operator it belongs to. Data, so a new code is a row.
 */
import type { OperatorId } from '../rules.js';

export const BALANCE_CODES: Readonly<Record<string, readonly OperatorId[]>> = {
  '*100#': ['mts', 'megafon'],
  '*102#': ['beeline'],
  '*105#': ['tele2'],
};

/** What the network answers: the balance, a balance code of another operator, or a code nobody knows. */
export type UssdAnswer = { kind: 'balance' } | { kind: 'otherOperator' } | { kind: 'unknown' };

export function answerUssd(code: string, operator: OperatorId | null): UssdAnswer {
  const operators = BALANCE_CODES[code.trim()];
  // a phone on no known operator has no network to answer, nor an "own code" to name
  if (!operators || operator === null) return { kind: 'unknown' };
  return operators.includes(operator) ? { kind: 'balance' } : { kind: 'otherOperator' };
}

/** The balance code of an operator, for hints ("dial *102#"). */
export const balanceCodeOf = (operator: OperatorId): string =>
  // Stryker disable next-line StringLiteral: equivalent, because every operator has a balance code in BALANCE_CODES
  Object.entries(BALANCE_CODES).find(([, ops]) => ops.includes(operator))?.[0] ?? '*100#';
