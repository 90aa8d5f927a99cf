/**
 * Placing an order on the site writes the order and its code SMS in one transaction (R-CODE-1): the
 * built kiosk, killed with SIGKILL between the two writes (KIOSK_TEST_CRASH_AT=order:during), leaves
 * neither; killed right after the write, both. Nothing is ever an order whose code never reached the phone.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PHONE, demoOrders } from '../../src/domain/orders/demo.js';
import { useTempDirs } from '../store/helpers.js';
import { inDir } from './helpers.js';
import { startKiosk } from './kioskDriver.js';

const tempDir = useTempDirs();

/** Opens the site, buys the earbuds for the demo phone and chooses Cash, with the crash hook set at `point`. */
async function placeUntilKilled(dir: string, point: string) {
  const kiosk = startKiosk(dir, { KIOSK_TEST_CRASH_AT: point }, ['--place', 'site']);
  try {
    await kiosk.waitFor('1–4 add');
    kiosk.press('1');
    await kiosk.waitFor('In the cart: 1');
    kiosk.press('c');
    await kiosk.waitFor('Buy now');
    kiosk.press('b');
    await kiosk.waitFor('Delivery country');
    kiosk.press('\r');
    await kiosk.waitFor('Other payment methods');
    kiosk.press('m');
    await kiosk.waitFor('Mobile payment');
    kiosk.press('c');
    return await kiosk.died();
  } finally {
    kiosk.dispose();
  }
}

const stored = (dir: string) => {
  const orders = JSON.parse(inDir(dir)('orders', 'list', '--json').stdout) as { code: string }[];
  const phone = JSON.parse(inDir(dir)('phones', 'show', DEMO_PHONE, '--json').stdout) as { sms: { kind: string; code?: string }[] };
  return { orders: orders.map((o) => o.code), codeSms: phone.sms.filter((s) => s.kind === 'code').map((s) => s.code) };
};

describe('placing a site order survives kill -9', () => {
  const demoCodes = demoOrders(0).map((o) => o.code);

  it('R-CODE-1: killed between the order and its SMS, the store holds neither', async () => {
    const dir = tempDir();
    inDir(dir)('orders', 'list'); // creates the database with the demo orders
    const exit = await placeUntilKilled(dir, 'order:during');
    expect(exit.signal).toBe(9);
    expect(stored(dir)).toEqual({ orders: demoCodes, codeSms: [] });
  }, 60_000);

  it('R-CODE-1: killed right after the write, the store holds both: the new order and its code SMS', async () => {
    const dir = tempDir();
    inDir(dir)('orders', 'list');
    const exit = await placeUntilKilled(dir, 'order:after');
    expect(exit.signal).toBe(9);
    const after = stored(dir);
    const placed = after.orders.filter((code) => !demoCodes.includes(code));
    expect(placed).toHaveLength(1);
    expect(after.codeSms).toEqual(placed);
  }, 60_000);
});
