import { describe, expect, it } from 'vitest';
import { builtInExercises, parseExercise } from '../../src/training/load.js';
import { errorOf } from './exerciseError.js';

const GOOD = `id: MY-1
title: { ru: "Т", en: "T" }
goal: { ru: "Ц", en: "G" }
place: terminal
role: customer
difficulty: 1
rules: [R-TERM-2]
setup:
  - Order 1000000123 amount 4750.00 phone +79161234567
story:
  - { ru: "Привет", en: "Hello" }
checkpoints:
  - id: paid
    points: 10
    rule: R-TERM-2
    title: { ru: "О", en: "P" }
    when: { order: { code: "1000000123", status: paid } }
    source: { ru: "И", en: "S" }
    right: { ru: "П", en: "R" }
`;

describe('exercise files', () => {
  it('a good file loads, with its setup lines kept as tape text', () => {
    const exercise = parseExercise(GOOD, 'my.yaml');
    expect(exercise.id).toBe('MY-1');
    expect(exercise.setup).toEqual(['Order 1000000123 amount 4750.00 phone +79161234567']);
    expect(exercise.checkpoints[0]?.when).toEqual({ order: { code: '1000000123', status: 'paid' } });
  });

  it('an unknown rule ID is named with file:line and the field', () => {
    expect(errorOf(GOOD.replace('rule: R-TERM-2', 'rule: R-TERM-9'))).toMatch(/^my\.yaml:15: checkpoints\[0\]\.rule: expected a rule ID of DOMAIN\.md .*not "R-TERM-9"/);
  });

  it('an unknown place is rejected with the places it may be', () => {
    expect(errorOf(GOOD.replace('place: terminal', 'place: bank'))).toMatch(/^my\.yaml:4: place: expected a place \(terminal, cashier, post, site, phone\), found "bank"/);
  });

  it('an unknown order field is rejected on its own line', () => {
    expect(errorOf(GOOD.replace('status: paid }', 'stauts: paid }'))).toMatch(/^my\.yaml:17: checkpoints\[0\]\.when\.order\.stauts: expected no field "stauts" here/);
  });

  it('an unknown order status names the statuses', () => {
    expect(errorOf(GOOD.replace('status: paid', 'status: payed'))).toMatch(/^my\.yaml:17: checkpoints\[0\]\.when\.order\.status: expected an order status \(paid, partial, unpaid/);
  });

  it('a bad setup line gives the tape parser\'s message on the YAML line', () => {
    expect(errorOf(GOOD.replace('amount 4750.00', 'amount lots'))).toMatch(/^my\.yaml:9: setup\[0\]: expected an amount above zero like 4750\.00, found "lots"/);
  });

  it('a step in setup is refused: setup is the scene, not the trainee\'s actions', () => {
    expect(errorOf(GOOD.replace('  - Order 1000000123', '  - Launch\n  - Order 1000000123'))).toMatch(/^my\.yaml:9: setup\[0\]: expected a setup line/);
  });

  it('a missing field names the object it belongs to', () => {
    expect(errorOf(GOOD.replace('    right: { ru: "П", en: "R" }\n', ''))).toMatch(/^my\.yaml:\d+: checkpoints\[0\]\.right: expected a text in both languages/);
  });

  it('a checkpoint rule not listed in rules is refused', () => {
    expect(errorOf(GOOD.replace('rules: [R-TERM-2]', 'rules: [R-TERM-1]'))).toMatch(/checkpoints\[0\]\.rule: expected a rule listed in the exercise's rules \(R-TERM-1\)/);
  });

  it('a condition of two kinds at once, or none known, is refused', () => {
    expect(errorOf(GOOD.replace('when: { order:', 'when: { reached: cash, order:'))).toMatch(/checkpoints\[0\]\.when: expected exactly one condition kind/);
    expect(errorOf(GOOD.replace('when: { order: { code: "1000000123", status: paid } }', 'when: { reched: cash }'))).toMatch(/checkpoints\[0\]\.when\.reched: expected no field "reched"/);
  });

  it('a say question needs exactly one right option and wrong ones naming their rule', () => {
    const say = `say:\n  - id: q\n    ask: { ru: "?", en: "?" }\n    options:\n      - text: { ru: "a", en: "a" }\n      - text: { ru: "b", en: "b" }\n        breaks: R-TERM-2\n`;
    expect(errorOf(GOOD.replace('checkpoints:', `${say}checkpoints:`))).toMatch(/say\[0\]\.options: expected exactly one option with right: true \(found 0\)[\s\S]*say\[0\]\.options\[0\]: expected a wrong option names the rule it breaks/);
  });

  it('malformed YAML names its line', () => {
    expect(errorOf(GOOD.replace('difficulty: 1', 'difficulty: [1'))).toMatch(/^my\.yaml:\d+: \(the file\): expected valid YAML/);
  });

  it('every built-in exercise loads through the same validator', () => {
    const exercises = builtInExercises();
    expect(exercises.length).toBeGreaterThanOrEqual(1);
    expect(new Set(exercises.map((e) => e.id)).size).toBe(exercises.length);
  });
});
