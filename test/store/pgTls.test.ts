/**
 * Issue 20's security: the TLS the README's salon asks for is taken from the URL. The test run's
 * server speaks no TLS, so a URL with `sslmode=verify-full` must be refused by the client rather than
 * fall back to plain text; `sslmode=disable` connects. The password stays masked in the error.
 */
import { describe, expect, it } from 'vitest';
import { PgStore } from '../../src/store/pg/pgStore.js';
import { freshSchema, usePgDatabase } from './pgServer.js';

const pgUrl = usePgDatabase();

const withParams = (url: string, params: Record<string, string>): string => {
  const parsed = new URL(url);
  for (const [name, value] of Object.entries(params)) parsed.searchParams.set(name, value);
  return parsed.toString();
};

describe('PgStore: sslmode in the URL reaches the pg client', () => {
  it('sslmode=verify-full against a server without TLS is refused, never sent in plain text; the password masked', async () => {
    const url = withParams(pgUrl(), { sslmode: 'verify-full' });
    const password = decodeURIComponent(new URL(url).password);
    const error = await PgStore.open(url, { schema: freshSchema() }).then(
      (store) => store.close().then(() => new Error('connected without TLS')),
      (refused: unknown) => refused as Error,
    );
    expect(error.message).toContain('The server does not support SSL connections');
    expect(error.message).toContain(':***@127.0.0.1');
    expect(error.message).not.toContain(password);
  });

  it('sslmode=disable connects (the same server, the same URL otherwise)', async () => {
    const store = await PgStore.open(withParams(pgUrl(), { sslmode: 'disable' }), { schema: freshSchema() });
    expect(await store.listOrders()).toEqual([]);
    await store.close();
  });
});
