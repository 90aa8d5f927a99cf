/** `kiosk orders cancel|ship|deliver|confirm|dispute|renew|show`: the other side's actions on the kiosk's data. */
import { describe, expect, it } from 'vitest';
import { DEMO_PHONE } from '../../src/domain/orders/demo.js';
import { useTempDirs } from '../store/helpers.js';
import { inDir } from '../process/helpers.js';

const tempDir = useTempDirs();

describe('kiosk orders: the life of an order from the command line', () => {
  it('R-CODE-7: cancel --refund --reason puts the money on the phone with an SMS; show prints the history; --json keeps it', () => {
    const run = inDir(tempDir());
    const cancelled = run('orders', 'cancel', '1000000005', '--refund', '500.00', '--reason', 'out-of-stock', '--json');
    expect(cancelled).toMatchObject({ status: 0, stderr: '' });
    expect(JSON.parse(cancelled.stdout)).toMatchObject({ stage: 'cancelled', refunded: '500.00', history: [{ kind: 'issued' }, { kind: 'cancelled', why: 'out of stock' }, { kind: 'refunded', amount: '500.00' }] });
    const shown = run('orders', 'show', '1000000005').stdout;
    expect(shown).toMatch(/order {7}cancelled/);
    expect(shown).toMatch(/cancelled by the seller \(out of stock\)\n.*500\.00 refunded to the order's phone/);
    const phone = JSON.parse(run('phones', 'show', DEMO_PHONE, '--json').stdout);
    expect(phone).toMatchObject({ balance: '500.00', sms: [{ sender: 'AliExpress', kind: 'cancellation', amount: '500.00', code: '1000000005' }] });
  });

  it('an action that does not fit the order: exit 1 with the reason, nothing changed', () => {
    const run = inDir(tempDir());
    const before = run('orders', 'show', '1000000002', '--json').stdout;
    expect(run('orders', 'ship', '1000000002')).toMatchObject({ status: 1, stdout: '', stderr: 'kiosk orders: order 1000000002 is not paid (unpaid): the seller ships paid orders only\n' });
    expect(run('orders', 'deliver', '1000000002')).toMatchObject({ status: 1, stderr: 'kiosk orders: order 1000000002 is placed: it cannot be delivered now\n' });
    expect(run('orders', 'cancel', '1000000002', '--refund', '10')).toMatchObject({ status: 1, stderr: 'kiosk orders: order 1000000002 has nothing paid to refund\n' });
    expect(run('orders', 'dispute', '1000000002', '--outcome', 'full').status).toBe(1);
    expect(run('orders', 'renew', '1000000002').stderr).toContain('has not expired');
    expect(run('orders', 'show', '1000000002', '--json').stdout).toBe(before);
    expect(run('orders', 'ship', '4242424242')).toMatchObject({ status: 1, stderr: 'kiosk orders: no order "4242424242"\n' });
  });

  it('bad flags are usage errors (exit 2)', () => {
    const run = inDir(tempDir());
    expect(run('orders', 'dispute', '1000000005', '--outcome', 'half').stderr).toContain('--outcome: expected full, partial:AMOUNT (partial:500.00) or reshipment, got "half"');
    expect(run('orders', 'ship', '1000000005', '--refund', '1').stderr).toContain('--refund does not apply to "orders ship"');
    expect(run('orders', 'cancel').status).toBe(2);
  });

  it('R-CODE-2: renew places an expired order again and prints the new code; the SMS brings it', () => {
    const run = inDir(tempDir());
    const renewed = run('orders', 'renew', '1000000004', '--code', '2000000004');
    expect(renewed).toMatchObject({ status: 0, stdout: '2000000004\n' });
    expect(JSON.parse(run('orders', 'show', '2000000004', '--json').stdout)).toMatchObject({ status: 'awaiting', codeAmount: '1200.00', renewedFrom: '1000000004' });
    expect(run('orders', 'show', '1000000004').stdout).toContain('placed again as order 2000000004');
    expect(JSON.parse(run('phones', 'show', DEMO_PHONE, '--json').stdout).sms.at(-1)).toMatchObject({ kind: 'code', code: '2000000004' });
    expect(run('orders', 'renew', '1000000004').status).toBe(1);
  });
});
