/**
 * `derive` with the domain's money rules (issue 18, seeded variants of the till and the phone):
 * the change a cashier hands back note by note (R-CASH-2) and the mobile commission (R-MOB-3), in
 * exact decimals from the domain's own functions; a value no draw can make is refused with file:line.
 */
import { describe, expect, it } from 'vitest';
import { commissionOf } from '../../src/domain/mobile/mobilePayment.js';
import { DEFAULT_MOBILE_RULES } from '../../src/domain/mobile/mobileRules.js';
import { evaluate, namesIn, parseExpression } from '../../src/domain/training/derive.js';
import { drawValues, rangeText, spokenValue, variantOf } from '../../src/domain/training/variant.js';
import { parseExercise } from '../../src/training/load.js';
import { errorOf } from './exerciseError.js';

const exerciseWith = (vary: string, derive: string) => `id: MY-TILL
title: { ru: "Сдача {change}", en: "Change {change}" }
goal: { ru: "Отдать {handBack}", en: "Hand back {handBack}" }
place: cashier
role: cashier
difficulty: 1
rules: [R-CASH-2]
vary:
${vary}
derive:
${derive}
setup:
  - Order 1000000123 amount {amount} phone +79161234567
story:
  - { ru: "Код 1000000123", en: "Code 1000000123" }
checkpoints:
  - id: paid
    points: 10
    rule: R-CASH-2
    title: { ru: "Т", en: "T" }
    when: { order: { code: "1000000123", status: paid } }
    source: { ru: "И", en: "S" }
    right: { ru: "П", en: "R" }
`;

describe('derive with the money rules', () => {
  it('R-CASH-2: change(NOTES, AMOUNT) is the customer\'s notes, added note by note, minus the amount; pieces() hands it back from the float', () => {
    expect(evaluate('change(notes, amount)', { notes: '2000 500', amount: '2130' })).toBe('370');
    expect(evaluate('change(5000, amount)', { amount: '4750.50' })).toBe('249.50');
    // the drawer's float has one 200 ₽ note: 400 ₽ go back as 200 + 100 + 100, as the till would count it
    expect(evaluate('pieces(change)', { change: '400' })).toBe('200 100 100');
    expect(evaluate('pieces(5000 - amount)', { amount: '4630' })).toBe('200 100 50 10 10');
    expect(evaluate('pieces(change)', { change: '0' })).toBe('0');
    expect(() => evaluate('change(notes, amount)', { notes: '2000 300', amount: '100' })).toThrow(/notes is not banknotes like "2000 500".*2000 300/);
  });

  it('R-MOB-3: commission(AMOUNT, OPERATOR) is the operator\'s own percent from the rules, exact to the kopeck', () => {
    expect(evaluate('amount + commission(amount, Beeline)', { amount: '1990' })).toBe('2067.61');
    for (const operator of ['mts', 'MegaFon', 'beeline', 'Tele2']) {
      const id = operator.toLowerCase() as keyof typeof DEFAULT_MOBILE_RULES.operators;
      expect(evaluate('commission(amount, operator)', { amount: '999.99', operator }), operator).toBe(commissionOf('999.99', id, DEFAULT_MOBILE_RULES).replace(/\.00$/, ''));
    }
    expect(evaluate('3000 - 1990 - commission(1990, Beeline)', {})).toBe('932.39');
    // price(N): the site's N-th product (the key that adds it to the cart), from the site's catalog
    expect(evaluate('price(product) + commission(price, Beeline)', { product: '3', price: '2760.50' })).toBe('2868.16');
    expect(evaluate('price(product)', { product: '2' })).toBe('4750');
    expect(() => evaluate('price(product)', { product: '9' })).toThrow(/product is no product of the site, 1 … 4 \(price\(product\)\): 9/);
    expect(() => evaluate('commission(amount, Yota)', { amount: '100' })).toThrow(/Yota is no operator, MTS, MegaFon, Beeline, Tele2 \(commission\(amount, Yota\)\)/);
  });

  it('the grammar: names inside calls count as names, an operator written as itself does not; anything else is no expression', () => {
    expect(namesIn('balance - amount - commission(amount, Beeline)')).toEqual(['balance', 'amount', 'amount']);
    expect(namesIn('change(notes, amount) + commission(amount, operator)')).toEqual(['notes', 'amount', 'amount', 'operator']);
    expect(parseExpression('pieces(change(notes, amount))')?.pieces).toBe(true);
    for (const bad of ['commission(amount)', 'price(a, b)', 'change(notes)', 'change(notes amount)', 'amount * 2', 'pieces(x) + 1', 'sqrt(amount, 2)']) expect(parseExpression(bad), bad).toBeNull();
    // an argument is one name or one number, wholly
    for (const bad of ['change(2000 500, amount)', 'change(5000x, amount)', 'change(no-tes, amount)', 'price(-1)']) expect(parseExpression(bad), bad).toBeNull();
    expect(parseExpression('amount ')?.terms).toEqual([{ sign: 1, kind: 'name', term: 'amount' }]);
    // only commission's second argument may be an operator's own name: a drawn amount may be called `mts`
    expect(namesIn('commission(mts, MTS)')).toEqual(['mts']);
  });

  it('reads each term with its sign and text; nothing to read, a value that is not wholly a number, or a product that is not a whole place is refused', () => {
    expect(parseExpression(' 5000 -  change( notes , amount ) + fee')?.terms).toEqual([
      { sign: 1, kind: 'number', term: '5000' },
      { sign: -1, kind: 'call', term: 'change( notes , amount )', fn: 'change', args: ['notes', 'amount'] },
      { sign: 1, kind: 'name', term: 'fee' },
    ]);
    for (const empty of ['', '   ', 'pieces()']) expect(parseExpression(empty), JSON.stringify(empty)).toBeNull();
    expect(() => evaluate('', {})).toThrow('derive: cannot read ');
    for (const bad of ['x4750', '4750x', '47 50']) {
      expect(() => evaluate('5000 - amount', { amount: bad }), bad).toThrow(`derive: amount is not a number (5000 - amount): ${bad}`);
    }
    expect(() => evaluate('price(product)', { product: '2.0' })).toThrow(/product is no product of the site, 1 … 4 \(price\(product\)\): 2\.0/);
    // notes drawn with spaces around them are still the notes
    expect(evaluate('change(notes, amount)', { notes: ' 2000  500 ', amount: '2130' })).toBe('370');
  });

  it('a call keeps its own text as its term wherever it stands; a name not drawn is said so; a product place is a whole number, 02 as 2', () => {
    expect(parseExpression('change(notes, amount)')?.terms.map((t) => t.term)).toEqual(['change(notes, amount)']);
    expect(parseExpression('5000  -  price(product)')?.terms.map((t) => [t.sign, t.term])).toEqual([[1, '5000'], [-1, 'price(product)']]);
    expect(() => evaluate('5000 - amount', {})).toThrow('derive: amount is not a number (5000 - amount): not drawn');
    expect(evaluate('price(product)', { product: '02' })).toBe('4750');
    expect(() => evaluate('price(product)', { product: '0' })).toThrow(/product is no product of the site, 1 … 4 \(price\(product\)\): 0$/);
  });

  it('only commission\'s second argument may be an operator: change(notes, mts) names a drawn `mts`', () => {
    expect(namesIn('change(notes, mts)')).toEqual(['notes', 'mts']);
    expect(namesIn('price(MTS)')).toEqual(['MTS']);
  });

  it('R-CASH-2: a varied till exercise speaks of the change and the pieces in each language', () => {
    const exercise = parseExercise(exerciseWith('  amount: { min: 1050, max: 1950, step: 10 }\n  notes: { oneOf: ["2000", "1000 1000"] }', '  change: "change(notes, amount)"\n  handBack: "pieces(change)"'), 'my.yaml');
    const values = drawValues(exercise, 7);
    const variant = variantOf(exercise, 7);
    expect(Number(values.change)).toBe(2000 - Number(values.amount));
    expect(variant.goal.en).toBe(`Hand back ${values.handBack!.split(' ').join(' + ')}`);
    expect(variant.setup[0]).toBe(`Order 1000000123 amount ${values.amount} phone +79161234567`);
    // the notes a customer brings read as notes, in each language; the catalog lists every choice so
    expect(spokenValue(exercise, 'notes', '1000 1000', 'ru')).toBe('1 000 + 1 000');
    expect(spokenValue(exercise, 'notes', '2000', 'en')).toBe('2,000');
    expect(rangeText(exercise, 'notes {notes}', 'en')).toBe('notes 2,000/1,000 + 1,000');
  });

  it('a value no draw can make is refused at load with file:line: notes that are no banknotes, an unknown operator, a call it cannot read', () => {
    const notes = errorOf(exerciseWith('  amount: { min: 100, max: 200 }\n  notes: { oneOf: ["300"] }', '  change: "change(notes, amount)"\n  handBack: "pieces(change)"'));
    expect(notes).toMatch(/^my\.yaml:12: derive\.change: expected a value every draw can make, found derive: notes is not banknotes like "2000 500" \(change\(notes, amount\)\): 300 when amount = 100, notes = 300/);
    const operator = errorOf(exerciseWith('  amount: { min: 100, max: 200 }', '  change: "commission(amount, Yota)"\n  handBack: "pieces(change)"'));
    // Yota is neither an operator nor a drawn name
    expect(operator).toBe('my.yaml:11: derive.change: expected names drawn in vary or derived above (amount), not Yota, found "commission(amount, Yota)"');
    const drawnOperator = errorOf(exerciseWith('  amount: { min: 100, max: 200 }\n  operator: { oneOf: [MTS, Yota] }', '  change: "commission(amount, operator)"\n  handBack: "pieces(1000 - amount)"'));
    expect(drawnOperator).toMatch(/^my\.yaml:12: derive\.change: expected a value every draw can make, found derive: Yota is no operator, .* when amount = 100, operator = Yota/);
    // 0.95 ₽ needs a 5-kopeck coin, and the opening float has none
    const float = errorOf(exerciseWith('  amount: { min: 100, max: 200 }', '  change: "commission(amount, MTS)"\n  handBack: "pieces(change)"'));
    expect(float).toMatch(/^my\.yaml:12: derive\.handBack: expected a value every draw can make, found derive: the opening float cannot give 0\.95 in change \(pieces\(change\)\) when amount = 100$/);
    const unread = errorOf(exerciseWith('  amount: { min: 100, max: 200 }', '  change: "commission(amount)"\n  handBack: "pieces(change)"'));
    expect(unread).toMatch(/^my\.yaml:11: derive\.change: expected names and numbers joined by \+ and -, like "5000 - amount", "change\(notes, amount\)"/);
    const below = errorOf(exerciseWith('  amount: { min: 1000, max: 2500 }', '  change: "change(2000, amount)"\n  handBack: "pieces(change)"'));
    expect(below).toMatch(/^my\.yaml:11: derive\.change: expected ranges whose every draw keeps change at 0 or above, found change = -500 when amount = 2500/);
  });
});
