/** Ctrl+C with cash in the acceptor, in the built kiosk on disk: the cash is paid before the program ends. */
import { expect, it } from 'vitest';
import { useTempDirs } from '../store/helpers.js';
import { inDir } from './helpers.js';
import { IDLE, insertedShows, openCash, RECOVERED, startKiosk } from './kioskDriver.js';
import { sessionOf } from './moneyAudit.js';

const tempDir = useTempDirs();

it('Ctrl+C with 1,000 ₽ in asks "Quit?"; "Pay and quit" commits the payment, prints it, exits 0, and the next start recovers nothing', async () => {
  const dir = tempDir();
  inDir(dir)('orders', 'list'); // creates the database with the demo orders
  const kiosk = startKiosk(dir);
  await openCash(kiosk, '1000000001');
  kiosk.press('6');
  await kiosk.waitFor(insertedShows(1000));
  kiosk.press('\x03');
  await kiosk.waitFor('Quit?');
  // asking does not pay yet
  expect(sessionOf(dir, '1000000001')?.receipts).toEqual([]);
  kiosk.press('p');
  const exit = await kiosk.died();
  kiosk.dispose();
  expect(exit.exitCode).toBe(0);
  expect(kiosk.output).toMatch(/Paid 1,000\.00\s₽ with the cash inserted before quitting: receipt \S+/);
  expect(sessionOf(dir, '1000000001')).toMatchObject({ notes: [1000], receipts: [{ accepted: '1000.00', recovered: 0 }] });

  const next = startKiosk(dir);
  const start = await next.waitFor(IDLE);
  expect(start).not.toMatch(RECOVERED);
  next.press('\x03');
  expect((await next.died()).exitCode).toBe(0);
  expect(next.output).not.toContain('Paid');
  next.dispose();
  expect(sessionOf(dir, '1000000001')?.receipts).toHaveLength(1);
});
