/**
 * Issue 20: a kiosk process on a registry whose server stops in the middle of a payment. On a server
 * of its own (stopped and started again here): the payment is finished and its receipt shown, and once
 * the server is back the kiosk's own forwarder (real timers, backoff) sends it: one payment, once.
 * And an idle kiosk: its probe finds the server stopped (out of service, before anyone types a code)
 * and started again (back to idle by itself); and a server that stops answering with its connections
 * open (SIGSTOP: no error comes, as on a network that drops packets) is out of reach once the probe's
 * own timeout passes, not when the OS gives up on the connection.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startThrowawayServer, type ThrowawayServer } from '../../src/bench/pgServer.js';
import { descendants } from '../../src/bench/procCpu.js';
import { TerminalJournal } from '../../src/store/terminalJournal.js';
import { useTempDirs } from '../store/helpers.js';
import { headlessDrive } from './drives.js';
import { bundleHeadless, HeadlessKiosk } from './headlessKiosk.js';

const tempDir = useTempDirs();
const CODE = '1000000002';
let server: ThrowawayServer;

beforeAll(async () => {
  server = await startThrowawayServer({ user: 'kiosk_outage', password: 'outage-test-only', purpose: 'outage test', settings: ['fsync=off'] });
}, 60_000);
afterAll(() => server?.stop());

/** the registry answers again: the terminal is back in service by itself, takes a customer, and quits */
async function expectBackInService(kiosk: HeadlessKiosk): Promise<void> {
  expect(await kiosk.next('link')).toBe('link back idle');
  kiosk.send(' ');
  expect(await kiosk.next('view')).toBe('view menu - -');
  kiosk.send('\x03');
  await kiosk.died();
}

async function registryRows(): Promise<{ receipts: { accepted: string }[]; forwarded: number }> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    return {
      receipts: (await client.query<{ accepted: string }>('SELECT accepted FROM receipts WHERE code = $1', [CODE])).rows,
      forwarded: Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM forwarded_payments')).rows[0]!.n),
    };
  } finally {
    await client.end();
  }
}

describe('a kiosk process while its registry is stopped', () => {
  it('finishes the payment in progress with its receipt, and forwards it once when the server is back', async () => {
    await bundleHeadless();
    const dir = tempDir();
    const drive = headlessDrive(dir, { KIOSK_STORE: server.url });
    try {
      await drive.start(false);
      await drive.openCash(CODE);
      drive.pressNote(1000);
      await drive.noteShown(1000);
      await server.pause();
      try {
        drive.pressNote(2000);
        await drive.noteShown(3000);
        drive.pressPay();
        await drive.receiptShown();
        const journal = TerminalJournal.open(dir);
        expect(journal.outbox()).toHaveLength(1);
        journal.close();
      } finally {
        await server.resume();
      }
      // the forwarder's retries: 1 s, then 2 s, … after the failed forward
      await expect.poll(registryRows, { timeout: 20_000, interval: 250 }).toEqual({ receipts: [{ accepted: '3000.00' }], forwarded: 1 });
      await drive.finish();
      drive.quit();
      await drive.died();
    } finally {
      drive.dispose();
    }
    expect(await registryRows()).toEqual({ receipts: [{ accepted: '3000.00' }], forwarded: 1 });
  }, 60_000);

  it('idle: out of service while the server is stopped, before anyone types a code; idle again once it is back', async () => {
    await bundleHeadless();
    // the probe every 300 ms (the CLI's default is 5 s, --registry-probe)
    const kiosk = new HeadlessKiosk({ KIOSK_DATA_DIR: tempDir(), KIOSK_STORE: server.url, KIOSK_TEST_PROBE_MS: '300' });
    try {
      expect(await kiosk.next('ready')).toBe('ready');
      await server.pause();
      try {
        expect(await kiosk.next('link')).toBe('link lost outOfService');
        // a customer's key changes nothing
        kiosk.send(' ');
        expect(await kiosk.next('view')).toBe('view outOfService - -');
      } finally {
        await server.resume();
      }
      await expectBackInService(kiosk);
    } finally {
      kiosk.dispose();
    }
  }, 60_000);

  it('a server that stops answering (SIGSTOP, connections open): out of service within the probe\'s timeout; idle again once it answers (SIGCONT)', async () => {
    await bundleHeadless();
    // the probe every 300 ms, waiting 1 s for its answer (the CLI's defaults are 5 s and 3 s)
    const kiosk = new HeadlessKiosk({ KIOSK_DATA_DIR: tempDir(), KIOSK_STORE: server.url, KIOSK_TEST_PROBE_MS: '300', KIOSK_TEST_PROBE_TIMEOUT_MS: '1000' });
    try {
      expect(await kiosk.next('ready')).toBe('ready');
      const postmaster = server.pid();
      const stopped = [postmaster, ...descendants(postmaster)];
      const stoppedAt = performance.now();
      for (const pid of stopped) process.kill(pid, 'SIGSTOP');
      let lostAfterMs: number;
      try {
        expect(await kiosk.next('link')).toBe('link lost outOfService');
        lostAfterMs = performance.now() - stoppedAt;
      } finally {
        for (const pid of stopped) process.kill(pid, 'SIGCONT');
      }
      // a probe's wait and its timeout are 1.3 s; the bound is loose for a loaded CI machine, and still far
      // below the minutes the OS alone takes to give up on a silent connection
      expect(lostAfterMs).toBeLessThan(20_000);
      await expectBackInService(kiosk);
    } finally {
      kiosk.dispose();
    }
  }, 60_000);
});
