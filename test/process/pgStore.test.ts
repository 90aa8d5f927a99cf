/**
 * Issue 20: the store commands and the kiosk on a PostgreSQL registry (`--store URL`, `KIOSK_STORE`),
 * as processes, against the test run's real server. The password never appears in any output.
 */
import { describe, expect, it } from 'vitest';
import { usePgDatabase } from '../store/pgServer.js';
import { kiosk } from './helpers.js';
import { PG_LATEST_VERSION } from '../../src/store/pg/pgMigrations.js';

const pgUrl = usePgDatabase();
const passwordOf = (url: string) => decodeURIComponent(new URL(url).password);

describe('kiosk on a PostgreSQL registry', () => {
  it('store commands share one registry: an order made through --store is listed through KIOSK_STORE', () => {
    const url = pgUrl();
    const made = kiosk(['orders', 'new', '--amount', '990', '--phone', '+79161234567', '--code', '7000000001', '--store', url]);
    expect(made).toMatchObject({ status: 0, stdout: '7000000001\n' });
    const listed = kiosk(['orders', 'list', '--json'], { KIOSK_STORE: url });
    expect(listed.status).toBe(0);
    const codes = (JSON.parse(listed.stdout) as Array<{ code: string }>).map((o) => o.code);
    // a new registry starts with the demo orders, as a new data directory does
    expect(codes).toEqual(['1000000001', '1000000002', '1000000003', '1000000004', '1000000005', '1000000006', '7000000001']);
    expect(kiosk(['orders', 'show', '7000000001', '--memory'], { KIOSK_STORE: url })).toMatchObject({ status: 1 });
  });

  it('a refused password, an unreachable server and a URL of another kind say so with the password masked', () => {
    const url = new URL(pgUrl());
    const password = passwordOf(url.toString());
    url.password = 'not-the-password';
    const refused = kiosk(['orders', 'list', '--store', url.toString()]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('postgres://kiosk_test:***@127.0.0.1');
    expect(refused.stderr).toContain('password authentication failed');
    url.password = password;
    url.port = '1';
    const away = kiosk(['orders', 'list', '--store', url.toString()]);
    expect(away.status).toBe(1);
    expect(away.stderr).toContain(':***@127.0.0.1:1/');
    const other = kiosk(['orders', 'list', '--store', `mysql://kiosk:${password}@db/kiosk`]);
    expect(other.status).toBe(2);
    expect(other.stderr).toContain('--store: expected a PostgreSQL URL');
    for (const result of [refused, away, other]) {
      expect(result.stdout + result.stderr).not.toContain(password);
      expect(result.stdout + result.stderr).not.toContain('not-the-password');
    }
  });

  it('kiosk store migrate brings a registry to its schema and says the version, the password masked', () => {
    const url = pgUrl();
    const first = kiosk(['store', 'migrate', '--store', url, '--json']);
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ store: expect.stringContaining(':***@127.0.0.1'), schemaVersion: PG_LATEST_VERSION });
    expect(kiosk(['store', 'migrate'], { KIOSK_STORE: url }).stdout).toMatch(new RegExp(`^The registry postgres://kiosk_test:\\*\\*\\*@.* has schema version ${PG_LATEST_VERSION}\\.\n$`));
    expect(first.stdout).not.toContain(passwordOf(url));
  });

  it('--store cannot be combined with --memory or --data-dir', () => {
    expect(kiosk(['orders', 'list', '--memory', '--store', pgUrl()])).toMatchObject({ status: 2 });
  });
});
