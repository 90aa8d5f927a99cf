/** The interactive kiosk's start on a data directory: refusals, and recovery that never takes a live terminal's cash. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../store/helpers.js';
import { headlessDrive } from './drives.js';
import { bundleHeadless } from './headlessKiosk.js';
import { inDir } from './helpers.js';
import { sessionOf } from './moneyAudit.js';
import { PtyKiosk } from './ptyKiosk.js';

const tempDir = useTempDirs();

describe('the kiosk on its data directory', () => {
  it('refuses a file that is not a database: names it, exits 1, leaves it byte-identical', async () => {
    const dir = tempDir();
    const path = join(dir, 'kiosk.db');
    writeFileSync(path, 'not a database\n'.repeat(50));
    const kiosk = new PtyKiosk(['--data-dir', dir], {});
    const exit = await kiosk.died();
    kiosk.dispose();
    expect(exit.exitCode).toBe(1);
    expect(kiosk.output).toContain(`${path} is not a SQLite database`);
    expect(kiosk.output).toContain('Nothing was changed');
    expect(readFileSync(path, 'utf8')).toBe('not a database\n'.repeat(50));
  });

  it("a second terminal does not take a live terminal's cash; once that one is killed, the next start finishes it", async () => {
    await bundleHeadless();
    const dir = tempDir();
    inDir(dir)('orders', 'list'); // creates the database with the demo orders
    const first = headlessDrive(dir, {});
    await first.start(false);
    await first.openCash('1000000002');
    first.pressNote(2000);
    await first.noteShown(2000);

    const second = headlessDrive(dir, {});
    expect(await second.start(false)).toEqual([]);
    expect(sessionOf(dir, '1000000002')?.receipts).toEqual([]);
    // the first terminal still owns its session: the customer can go on and pay
    first.pressNote(1000);
    await first.noteShown(3000);
    first.kill();
    await first.died();

    const third = headlessDrive(dir, {});
    expect(await third.start(true)).toEqual([{ amount: '3000.00', code: '1000000002' }]);
    expect(sessionOf(dir, '1000000002')).toMatchObject({ notes: [2000, 1000], receipts: [{ accepted: '3000.00', recovered: 1 }] });
    for (const k of [second, third]) {
      k.quit();
      await k.died();
      k.dispose();
    }
  });

  it('a key typed at once, before the store is open and the first frame drawn, is not lost', async () => {
    const dir = tempDir();
    const kiosk = new PtyKiosk(['--data-dir', dir, '--lang', 'en'], {});
    // typed before the program has even loaded: the idle screen's "any key" takes the customer to the menu
    kiosk.press('\r');
    try {
      expect(await kiosk.screenOrExit('Choose a service')).toBe('screen');
    } finally {
      kiosk.kill();
      await kiosk.died();
      kiosk.dispose();
    }
  });
});
