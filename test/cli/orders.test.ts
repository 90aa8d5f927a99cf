/** Orders the kiosk cannot take are refused or warned about, the same way everywhere (issue 9, item 23). */
import { afterEach, describe, expect, it } from 'vitest';
import { demoOrders } from '../../src/domain/orders/demo.js';
import { DEMO_PHONE } from '../../src/domain/orders/demo.js';
import { newOrder } from '../../src/domain/orders/orders.js';
import { orderLengthWarning } from '../../src/cli/kioskData.js';
import { useTempDirs } from '../store/helpers.js';
import { inDir } from '../process/helpers.js';
import { PtyKiosk } from '../process/ptyKiosk.js';

const tempDir = useTempDirs();

describe('kiosk orders refuses what the kiosk could not take', () => {
  it('reprice of a paid order: exit 1 with a message, the price unchanged', () => {
    const run = inDir(tempDir());
    const refused = run('orders', 'reprice', '1000000005', '--price', '2000');
    expect(refused).toMatchObject({ status: 1, stdout: '', stderr: 'kiosk orders: order 1000000005 is paid: the price of a paid order cannot change\n' });
    expect(JSON.parse(run('orders', 'show', '1000000005', '--json').stdout)).toMatchObject({ status: 'paid', price: '990.00' });
    expect(run('orders', 'reprice', '1000000002', '--price', '3500').status).toBe(0);
  });

  it('new --code of another length than the kiosk takes: exit 2, unless --order-length says that length', () => {
    const run = inDir(tempDir());
    const short = run('orders', 'new', '--amount', '100', '--phone', DEMO_PHONE, '--code', '123456');
    expect(short.status).toBe(2);
    expect(short.stderr).toContain('--code: the kiosk takes order numbers of 10 digits, got "123456" (6 digits: add --order-length 6 and run the kiosk with it)');
    expect(run('orders', 'new', '--amount', '100', '--phone', DEMO_PHONE, '--code', '123456', '--order-length', '6'))
      .toMatchObject({ status: 0, stdout: '123456\n' });
    expect(run('orders', 'new', '--amount', '100', '--phone', DEMO_PHONE, '--code', '1234567', '--order-length', '6').status).toBe(2);
    expect(run('orders', 'new', '--amount', '100', '--phone', DEMO_PHONE, '--order-length', '6').stdout).toMatch(/^[1-9]\d{5}\n$/);
    expect(run('orders', 'new', '--amount', '100', '--phone', DEMO_PHONE, '--order-length', '3').stderr)
      .toContain('--order-length: expected a whole number from 4 to 20, got "3"');
    expect(run('orders', 'list', '--order-length', '6').stderr).toContain('--order-length does not apply to "orders list"');
  });
});

describe('the kiosk with --order-length other than its orders', () => {
  it('warns when unpaid orders (the demo ones) cannot be typed in; silent when all fit', () => {
    const demo = demoOrders(0);
    expect(orderLengthWarning(demo, { orderNumberLength: 10 })).toBeNull();
    const warning = orderLengthWarning(demo, { orderNumberLength: 6 });
    expect(warning).toContain('kiosk: warning: the kiosk takes 6-digit order numbers (--order-length 6),\n  but 5 unpaid orders in its data have');
    for (const line of warning!.split('\n')) expect(line.length).toBeLessThan(80);
    expect(warning).toContain('(1000000001, 1000000002, …; the demo orders on the idle screen too)');
    const fits = newOrder({ code: '123456', codeAmount: '100.00', phone: DEMO_PHONE, issuedAt: 0 });
    expect(orderLengthWarning([fits, { ...demo[4]!, status: 'paid' }], { orderNumberLength: 6 })).toBeNull();
  });

  let kiosk: PtyKiosk | null = null;
  afterEach(() => kiosk?.dispose());

  it('says so on start, where it stays readable after the kiosk quits', async () => {
    kiosk = new PtyKiosk(['--memory', '--lang', 'en', '--order-length', '6'], {});
    await kiosk.waitFor('EUROSET');
    kiosk.press('q');
    await kiosk.died();
    expect(kiosk.screen()).toContain('kiosk: warning: the kiosk takes 6-digit order numbers (--order-length 6),');
  });
});
