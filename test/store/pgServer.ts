/**
 * The test file's own database on the run's PostgreSQL server (test/pgGlobalSetup.ts): made before
 * the file's first test, dropped after its last (connections left open are closed by the drop).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';

/** Registers the hooks; the returned function gives the database's URL once `beforeAll` has run. */
export function usePgDatabase(): () => string {
  const admin = inject('pgAdminUrl');
  const name = `kiosk_${randomBytes(6).toString('hex')}`;
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const query = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  beforeAll(() => query(`CREATE DATABASE ${name}`));
  afterAll(() => query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  return () => url.toString();
}

let schemas = 0;
/** a fresh schema name for one store in the file's database */
export const freshSchema = (): string => `s${++schemas}_${randomBytes(3).toString('hex')}`;
