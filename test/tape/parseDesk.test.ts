/** The tape syntax of the desks: Set Place cashier|post, Set Role before Launch and as a step, ExpectChange, Go cashier|post. */
import { describe, expect, it } from 'vitest';
import { parseTape } from '../../src/tape/language/parse.js';

const strip = <T extends { line: number; column: number; raw: string }>({ line: _l, column: _c, raw: _r, ...rest }: T) => rest;
const steps = (text: string) => parseTape(`Launch\n${text}`, 'demo.tape').steps.slice(1).map(strip);

describe('tape commands for the desks', () => {
  it('Set Place cashier|post and Set Role customer|cashier are setup before Launch', () => {
    const tape = parseTape('Set Place post\nSet Role cashier\nLaunch', 'demo.tape');
    expect(tape.setup.map(strip)).toEqual([
      { kind: 'set', key: 'Place', place: 'post' },
      { kind: 'set', key: 'Role', role: 'cashier' },
    ]);
    expect(() => parseTape('Set Role boss', 'demo.tape')).toThrow('demo.tape:1:10: expected a role (customer, cashier), found "boss"');
  });

  it('Set Role is also a step after Launch (before Go); other settings still are not', () => {
    expect(steps('Set Role cashier\nGo cashier\nSet Role customer')).toEqual([
      { kind: 'setRole', role: 'cashier' },
      { kind: 'go', place: 'cashier' },
      { kind: 'setRole', role: 'customer' },
    ]);
    expect(() => steps('Set Role')).toThrow(/expected a role \(customer, cashier\), found end of line/);
    expect(() => steps('Set Lang en')).toThrow('demo.tape:2:1: expected a step (setup goes before Launch at line 1), found "Set"');
  });

  it('ExpectChange takes an amount of zero or more', () => {
    expect(steps('ExpectChange 250\nExpectChange 0.00\nExpectChange 3010.50')).toEqual([
      { kind: 'expectChange', amount: '250.00' },
      { kind: 'expectChange', amount: '0.00' },
      { kind: 'expectChange', amount: '3010.50' },
    ]);
    expect(() => steps('ExpectChange -1')).toThrow(/an amount like 4750\.00 \(zero or more\)/);
    expect(() => steps('ExpectChange lots')).toThrow(/an amount like 4750\.00 \(zero or more\)/);
    expect(() => steps('ExpectChange')).toThrow(/found end of line/);
  });
});
