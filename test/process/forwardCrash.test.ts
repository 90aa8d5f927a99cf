/**
 * Issue 20: a terminal on a registry killed with SIGKILL between its journal's commit and the forward
 * (KIOSK_TEST_CRASH_AT=forward:before), between the registry's commit and the journal's mark
 * (forward:during), and after both (forward:after): the next start forwards its outbox first, and the
 * registry holds the payment once — one receipt, one forwarded key, the order credited once.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { TerminalJournal } from '../../src/store/terminalJournal.js';
import { useTempDirs } from '../store/helpers.js';
import { headlessDrive } from './drives.js';
import { bundleHeadless } from './headlessKiosk.js';

const tempDir = useTempDirs();
const CODE = '1000000002';

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('a terminal killed around the forward: one payment, once', () => {
  for (const when of ['before', 'during', 'after'] as const) {
    it(`forward:${when} — killed, restarted: the registry holds the payment once`, async () => {
      await bundleHeadless();
      const adminUrl = inject('pgAdminUrl');
      const name = `kiosk_fwd_${randomBytes(5).toString('hex')}`;
      await admin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const dir = tempDir();
      try {
        const first = headlessDrive(dir, { KIOSK_STORE: url.toString(), KIOSK_TEST_CRASH_AT: `forward:${when}` });
        try {
          await first.start(false);
          await first.openCash(CODE);
          for (const [i, note] of [1000, 1000, 1000].entries()) {
            first.pressNote(note);
            await first.noteShown(1000 * (i + 1));
          }
          first.pressPay();
          expect((await first.died()).signal).toBe(9);
        } finally {
          first.dispose();
        }
        const journal = TerminalJournal.open(dir);
        expect(journal.outbox()).toHaveLength(when === 'after' ? 0 : 1);
        journal.close();

        const second = headlessDrive(dir, { KIOSK_STORE: url.toString() });
        try {
          expect(await second.start(false)).toEqual([]);
          second.quit();
          await second.died();
        } finally {
          second.dispose();
        }
        const reopened = TerminalJournal.open(dir);
        expect(reopened.outbox()).toEqual([]);
        expect(reopened.payments()).toHaveLength(1);
        reopened.close();
        const registry = await admin(url.toString(), async (c) => ({
          receipts: (await c.query(`SELECT number, accepted FROM receipts WHERE code = $1`, [CODE])).rows,
          forwarded: Number((await c.query('SELECT count(*) AS n FROM forwarded_payments')).rows[0].n),
          order: (await c.query('SELECT status, paid FROM orders WHERE code = $1', [CODE])).rows[0],
        }));
        expect(registry).toMatchObject({ receipts: [{ accepted: '3000.00' }], forwarded: 1, order: { status: 'paid', paid: '3000.00' } });
      } finally {
        await admin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      }
    }, 60_000);
  }
});
