/** The kiosk's options for the desks: --place cashier|post, --role, --desk-cap [choice]. */
import { describe, expect, it } from 'vitest';
import { parseRunArgs, UsageError } from '../../src/cli/args.js';

const run = (...argv: string[]) => parseRunArgs(argv, {});

describe('desk options', () => {
  it('--place opens at the cashier or the Post; --role chooses who you play (default the customer)', () => {
    expect(run('--place', 'cashier')).toMatchObject({ place: 'cashier', role: 'customer', deskCap: null });
    expect(run('--place', 'post', '--role', 'cashier')).toMatchObject({ place: 'post', role: 'cashier' });
    expect(() => run('--role', 'boss')).toThrow(new UsageError('--role: expected customer or cashier, got "boss"'));
    expect(() => run('--place', 'bank')).toThrow(/--place: expected site, phone, terminal, cashier, post, training, got "bank"/);
  });

  it('R-CASH-2 [choice]: the desk has no cap unless --desk-cap gives one above zero', () => {
    expect(run('--desk-cap', '50000')).toMatchObject({ deskCap: '50000.00' });
    for (const bad of ['0', '-5', 'lots']) expect(() => run('--desk-cap', bad)).toThrow(/--desk-cap: expected an amount above zero/);
  });
});
