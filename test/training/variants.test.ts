/**
 * Seeded variants (issue 18): the YAML form of ranges, the seeded draw, the texts that speak of the
 * drawn numbers, and the load refusing ranges that cannot be satisfied, each with file:line.
 */
import { describe, expect, it } from 'vitest';
import { drawValues, MAX_SEED, rangeText, seededRandom, spokenValue, tapeVariablesOf, variantOf } from '../../src/domain/training/variant.js';
import { parseExercise } from '../../src/training/load.js';
import { runTape } from '../../src/tape/run/runTape.js';
import type { AttemptRecord } from '../../src/domain/training/attempt.js';
import { errorOf } from './exerciseError.js';

const VARIED = `id: MY-VARIED
title: { ru: "Сдача {change}", en: "Change {change}" }
goal: { ru: "Оплатить {amount} ₽", en: "Pay {amount} ₽" }
place: terminal
role: customer
difficulty: 1
rules: [R-TERM-2]
vary:
  amount: { min: 4000, max: 4900, step: 100, default: 4700 }
  operator: { oneOf: [MTS, { is: Beeline, ru: "Билайн", en: "Beeline" }] }
derive:
  change: "5000 - amount"
setup:
  - Order 1000000123 amount {amount} phone +79161234567
  - Phone +79161234567 operator {operator} balance 0
story:
  - { ru: "Заказ на {amount}, оператор {operator}", en: "The order is {amount}, operator {operator}" }
checkpoints:
  - id: paid
    points: 10
    rule: R-TERM-2
    title: { ru: "{change} ₽ на телефон", en: "{change} ₽ to the phone" }
    when: { all: [{ order: { code: "1000000123", status: paid } }, { balance: { phone: "+79161234567", is: "{change}" } }] }
    source: { ru: "И", en: "S" }
    right: { ru: "П", en: "R" }
`;

describe('seeded variants', () => {
  it('a condition\'s phone may be drawn (+7{wife}): each variant checks the drawn number; a value that makes no phone is refused at load', () => {
    const drawnPhone = VARIED.replace('operator: { oneOf: [MTS,', 'wife: { oneOf: ["9267654321", "9031112233"] }\n  operator: { oneOf: [MTS,').replace('balance: { phone: "+79161234567"', 'balance: { phone: "+7{wife}"');
    const exercise = parseExercise(drawnPhone, 'my.yaml');
    const phones = new Set(Array.from({ length: 20 }, (_, seed) => JSON.stringify(variantOf(exercise, seed).checkpoints[0]?.when)).map((w) => /"phone":"([^"]+)"/.exec(w)?.[1]));
    expect(phones).toEqual(new Set(['+79267654321', '+79031112233']));
    expect(errorOf(drawnPhone.replace('"9031112233"', '"903111"'))).toMatch(/^my\.yaml:10: vary\.wife: expected values that make each condition's phone \+7 and 10 digits, found "\+7903111" when /);
  });

  it('the same seed draws the same numbers; the generator is pure and stays in 0 … 1', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededRandom(43)()).not.toBe(first[0]);
  });

  it('draws stay on the range and its step; a list gives its values; derive follows; no seed gives the defaults', () => {
    const exercise = parseExercise(VARIED, 'my.yaml');
    expect(drawValues(exercise, null)).toEqual({ amount: '4700', operator: 'MTS', change: '300' });
    const seen = new Set<string>();
    for (let seed = 0; seed < 300; seed++) {
      const { amount, operator, change } = drawValues(exercise, seed) as Record<string, string>;
      expect(Number(amount) % 100).toBe(0);
      expect(Number(amount)).toBeGreaterThanOrEqual(4000);
      expect(Number(amount)).toBeLessThanOrEqual(4900);
      expect(['MTS', 'Beeline']).toContain(operator);
      expect(Number(change)).toBe(5000 - Number(amount));
      seen.add(`${amount}/${operator}`);
    }
    expect(seen.size).toBe(20);
  });

  it('texts speak of the drawn numbers in each language; setup and conditions read them plain', () => {
    const exercise = parseExercise(VARIED, 'my.yaml');
    const seed = [...Array(100).keys()].find((s) => drawValues(exercise, s).amount === '4100' && drawValues(exercise, s).operator === 'Beeline') as number;
    const variant = variantOf(exercise, seed);
    expect(variant.goal).toEqual({ ru: 'Оплатить 4 100 ₽', en: 'Pay 4,100 ₽' });
    expect(variant.story[0]).toEqual({ ru: 'Заказ на 4 100, оператор Билайн', en: 'The order is 4,100, operator Beeline' });
    expect(variant.setup).toEqual(['Order 1000000123 amount 4100 phone +79161234567', 'Phone +79161234567 operator Beeline balance 0']);
    expect(variant.checkpoints[0]?.title.en).toBe('900 ₽ to the phone');
    expect(JSON.stringify(variant.checkpoints[0]?.when)).toContain('"is":"900"');
    expect(variant.drawn).toEqual({ seed, values: { amount: '4100', operator: 'Beeline', change: '900' } });
    expect(Object.fromEntries(tapeVariablesOf(variant))).toMatchObject({ amount: '4100', amount_ru: '4 100', amount_en: '4,100', operator_ru: 'Билайн' });
  });

  it('a min above the max is refused at load on the min line', () => {
    expect(errorOf(VARIED.replace('min: 4000, max: 4900', 'min: 4950, max: 4900'))).toMatch(/^my\.yaml:9: vary\.amount\.min: expected a min not above the max \(4950 > 4900/);
  });

  it('a default the range cannot draw, a step of zero, a list and a range together are refused with file:line', () => {
    expect(errorOf(VARIED.replace('default: 4700', 'default: 4755'))).toMatch(/^my\.yaml:9: vary\.amount\.default: expected a value the range can draw/);
    expect(errorOf(VARIED.replace('step: 100', 'step: 0'))).toMatch(/^my\.yaml:9: vary\.amount\.step: expected a step above zero/);
    expect(errorOf(VARIED.replace('oneOf: [MTS,', 'min: 1, oneOf: [MTS,'))).toMatch(/^my\.yaml:10: vary\.operator\.oneOf: expected either oneOf or min\/max\/step/);
  });

  it('a {name} that nothing draws is refused where it is written', () => {
    expect(errorOf(VARIED.replace('Pay {amount} ₽', 'Pay {amout} ₽'))).toMatch(/^my\.yaml:3: goal\.en: expected \{name\}s drawn in vary or derive \(\{amount\}, \{operator\}, \{change\}\), not \{amout\}/);
    expect(errorOf(VARIED.replace('"5000 - amount"', '"5000 - price"'))).toMatch(/^my\.yaml:12: derive\.change: expected names drawn in vary or derived above .* not price/);
    expect(errorOf(VARIED.replace('"5000 - amount"', '"5000 * amount"'))).toMatch(/^my\.yaml:12: derive\.change: expected names and numbers joined by \+ and -/);
  });

  it('R-TERM-2: ranges where the note no longer covers the amount (the change below zero) are refused on the derive line', () => {
    expect(errorOf(VARIED.replace('max: 4900', 'max: 5100'))).toMatch(/^my\.yaml:12: derive\.change: expected ranges whose every draw keeps change at 0 or above, found change = -100 when amount = 5100/);
  });

  it('R-TERM-3: a terminal exercise that must pay an order above the 15,000 ₽ cap is refused on the range', () => {
    const big = VARIED.replace('min: 4000, max: 4900, step: 100, default: 4700', 'min: 14000, max: 15100, step: 100, default: 14000').replace('"5000 - amount"', '"16000 - amount"');
    expect(errorOf(big)).toMatch(/^my\.yaml:9: vary\.amount\.max: expected a range the terminal can take: at most 15000\.00 .*found order 1000000123 of 15100\.00 when amount = 15100/);
    // at the cashier the same order is fine: only the terminal has the cap
    expect(() => parseExercise(big.replace('place: terminal', 'place: cashier'), 'my.yaml')).not.toThrow();
  });

  it('a tape names the seed on its Train line; the attempt keeps it and its recorded tape replays with it', async () => {
    const saved: AttemptRecord[] = [];
    const tape = ['Train TERM-CHANGE-TO-PHONE as "Anna" seed 7', 'Set Lang en', '', 'Launch', 'ExpectScore 0', ''].join('\n');
    const result = await runTape({ source: tape, file: 'seeded.tape' }, { headless: true, saveAttempt: (r) => void saved.push(r) });
    expect(result.failure).toBeNull();
    expect(saved[0]?.seed).toBe(7);
    expect(saved[0]?.tape).toMatch(/^Train TERM-CHANGE-TO-PHONE as "Anna" seed 7\n/);
  });

  it('a seed that is not a whole number of 32 bits is a syntax error on the Train line', async () => {
    const result = await runTape({ source: 'Train TERM-CHANGE-TO-PHONE seed 4294967296\n\nLaunch\n', file: 'x.tape' });
    expect(result.exitCode).toBe(2);
    expect(result.failure?.message).toMatch(/a seed, a whole number 0 … 4294967295/);
  });
});

/** mulberry32 as Ettinger published it in C (uint32_t arithmetic), here in BigInt: an oracle apart from seededRandom's Math.imul. */
function publishedMulberry32(seed: number): () => number {
  const u32 = (x: bigint) => x & 0xffffffffn;
  let state = BigInt(seed);
  return () => {
    state = u32(state + 0x6d2b79f5n);
    let z = state;
    z = u32((z ^ (z >> 15n)) * (z | 1n));
    z = u32(z ^ (z + u32((z ^ (z >> 7n)) * (z | 61n))));
    return Number(z ^ (z >> 14n)) / 4294967296;
  };
}

describe('how a drawn value reads', () => {
  it('the generator is mulberry32 as published: a seed saved with an attempt draws the same numbers in every version', () => {
    for (const seed of [0, 1, 7, 42, 0x6d2b79f5, MAX_SEED]) {
      const ours = seededRandom(seed);
      const published = publishedMulberry32(seed);
      expect(Array.from({ length: 8 }, () => ours()), `seed ${seed}`).toEqual(Array.from({ length: 8 }, () => published()));
    }
  });

  it('a number is grouped by thousands, its fraction after the language\'s decimal sign, one minus before a negative one', () => {
    const reads = (value: string) => [spokenValue({}, 'x', value, 'ru'), spokenValue({}, 'x', value, 'en')];
    expect(reads('999')).toEqual(['999', '999']);
    expect(reads('12345')).toEqual(['12 345', '12,345']);
    expect(reads('1234567.50')).toEqual(['1 234 567,50', '1,234,567.50']);
    expect(reads('-1500')).toEqual(['-1 500', '-1,500']);
    expect(reads('-0.5')).toEqual(['-0,5', '-0.5']);
  });

  it('notes handed over, one by one, read joined by +, each as a number', () => {
    expect(spokenValue({}, 'notes', '1200.50 5000 50.25', 'ru')).toBe('1 200,50 + 5 000 + 50,25');
    expect(spokenValue({}, 'notes', '1200.50 5000 50.25', 'en')).toBe('1,200.50 + 5,000 + 50.25');
  });

  it('a value that is not a number, nor only numbers (a phone as written), reads as written', () => {
    for (const phone of ['+79161234567', '+7 916 123 45 67', '8-916-123-45-67', '8 800 250-08-90']) {
      expect([spokenValue({}, 'phone', phone, 'ru'), spokenValue({}, 'phone', phone, 'en')]).toEqual([phone, phone]);
    }
  });

  it('a question\'s after, a checkpoint\'s never and the end are filled with the drawn values too', () => {
    const exercise = parseExercise(
      VARIED.replace('checkpoints:\n', [
        'say:',
        '  - id: rest',
        '    after: { balance: { phone: "+79161234567", is: "{change}" } }',
        '    ask: { ru: "А {change}?", en: "And the {change}?" }',
        '    options: [{ text: { ru: "На телефон", en: "To the phone" }, right: true }, { text: { ru: "Монетами", en: "In coins" }, breaks: R-TERM-2 }]',
        'end: { sms: { phone: "+79161234567", contains: "{amount}" } }',
        'checkpoints:',
        '',
      ].join('\n')).replace('    source: { ru: "И", en: "S" }', '    never: { sms: { phone: "+79161234567", contains: "{change}" } }\n    source: { ru: "И", en: "S" }'),
      'my.yaml',
    );
    const variant = variantOf(exercise, null);
    expect(variant.say[0]?.after).toEqual({ balance: { phone: '+79161234567', is: '300' } });
    expect(variant.checkpoints[0]?.never).toEqual({ sms: { phone: '+79161234567', contains: '300' } });
    expect(variant.end).toEqual({ sms: { phone: '+79161234567', contains: '4700' } });
  });

  it('the catalog reads a range as min–max, a list as its values, a derived value as …', () => {
    const exercise = parseExercise(VARIED, 'my.yaml');
    expect(rangeText(exercise, 'Pay {amount}, {operator}, change {change}', 'ru')).toBe('Pay 4 000–4 900, MTS/Билайн, change …');
    expect(rangeText(exercise, 'Pay {amount}, {operator}, change {change}', 'en')).toBe('Pay 4,000–4,900, MTS/Beeline, change …');
  });
});
