/**
 * Text order (code units, as the stores' keys sort) of two texts that are never equal: a Set's or a
 * Map's keys, attempt ids, a trainee's rules. No 0 for "equal", so no branch that no caller can reach.
 */
// Stryker disable next-line EqualityOperator: equivalent, because the two texts are never equal, so `<=` is `<`
export const textOrder = (a: string, b: string): number => (a < b ? -1 : 1);
