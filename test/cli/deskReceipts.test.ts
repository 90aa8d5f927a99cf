/**
 * `kiosk receipts list|show` with the desks' receipts (issue 12): the cashier's and the Post's
 * receipts are listed with the terminal's, oldest first, and shown in their own form with the QR
 * payload tax checkers read. Runs the built kiosk on a data directory paid at both desks.
 */
import { describe, expect, it } from 'vitest';
import { openDataStore } from '../../src/store/dataDir.js';
import { insertNotesSync, NOW, openCashSessionSync, useTempDirs } from '../store/helpers.js';
import { inDir } from '../process/helpers.js';

const tempDir = useTempDirs();

/** A terminal receipt, then one at the cashier with 250 ₽ change, then one at the Post. */
function paidAtDesks(): string {
  const dir = tempDir();
  expect(inDir(dir)('orders', 'list').status).toBe(0); // creates and seeds the database
  const store = openDataStore(dir);
  openCashSessionSync(store, 'old', '1000000002', '3000.00');
  insertNotesSync(store, 'old', [1000, 2000]);
  store.completePayment('old', 'pay', NOW + 10_000);
  store.payAtDesk({ place: 'cashier', code: '1000000001', due: '4750.00', received: '5000.00', at: NOW + 20_000 });
  store.payAtDesk({ place: 'post', code: '1000000003', due: '16990.00', received: '20000.00', at: NOW + 30_000 });
  store.close();
  return dir;
}

describe('kiosk receipts with the desks', () => {
  it('R-CASH-4: list shows the cashier\'s and the Post\'s receipts with the terminal\'s, oldest first; --json carries the desk and its QR payload', () => {
    const run = inDir(paidAtDesks());
    const lines = run('receipts', 'list').stdout.trimEnd().split('\n');
    expect(lines[1]).toMatch(/^T1-000001\s/);
    expect(lines[2]).toMatch(/^K-1-000001\s+2025-01-15T12:00:20\.000Z\s+1000000001\s+4,750\.00\s₽\s+-$/);
    expect(lines[3]).toMatch(/^P-101000-000001\s+\S+Z\s+1000000003\s+16,990\.00\s₽\s+-$/);
    expect(lines[4]).toBe('3 receipts');
    const json = JSON.parse(run('receipts', 'list', '--json').stdout);
    expect(json[1]).toMatchObject({ number: 'K-1-000001', place: 'cashier', code: '1000000001', total: '4750.00', change: '250.00', qr: expect.stringMatching(/^t=\d{8}T\d{4}&s=4750\.00&fn=\d{16}&i=1&fp=\d+&n=1$/) });
    expect(json[2]).toMatchObject({ number: 'P-101000-000001', place: 'post', change: '3010.00' });
    // --since counts desk receipts too
    expect(JSON.parse(run('receipts', 'list', '--since', new Date(NOW + 15_000).toISOString(), '--json').stdout).map((r: { number: string }) => r.number)).toEqual(['K-1-000001', 'P-101000-000001']);
  });

  it('R-CASH-4 R-CASH-3: show prints a desk receipt in its own form with the QR payload; the Post\'s header differs', () => {
    const run = inDir(paidAtDesks());
    const cashier = run('receipts', 'show', 'K-1-000001', '--lang', 'en');
    expect(cashier.status).toBe(0);
    expect(cashier.stdout).toMatch(/QR: t=\d{8}T\d{4}&s=4750\.00&fn=\d{16}&i=1&fp=\d+&n=1\n/);
    expect(cashier.stdout).toContain('Keep this receipt until the parcel arrives');
    const post = run('receipts', 'show', 'P-101000-000001', '--lang', 'en');
    expect(post.stdout).toContain('RUSSIAN POST · CASH RECEIPT');
    expect(post.stdout).toMatch(/QR: t=\d{8}T\d{4}&s=16990\.00&/);
    expect(JSON.parse(run('receipts', 'show', 'P-101000-000001', '--json').stdout)).toMatchObject({ number: 'P-101000-000001', place: 'post', qr: expect.stringContaining('&n=1'), text: expect.stringContaining('QR: t=') });
    expect(run('receipts', 'show', 'K-1-000009')).toMatchObject({ status: 1, stderr: 'kiosk receipts: no receipt "K-1-000009"\n' });
  });
});
