/**
 * Which registry failures the kiosk reports as the registry being out of reach (a StoreError 'io',
 * naming the registry) and which it passes on as they are: PostgreSQL's SQLSTATE classes of the
 * connection, authorisation, a missing database and a shut-down, and Node's socket errors.
 * The password is masked in both.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/store/errors.js';
import { PgConnection } from '../../src/store/pg/pgConnection.js';

const URL_WITH_PASSWORD = 'postgres://kiosk:s3cret@db.example:5432/kiosk';
const MASKED = 'postgres://kiosk:***@db.example:5432/kiosk';

/** A connection that never connects: only its error mapping is used. */
class Probe extends PgConnection {
  constructor() {
    super(new pg.Pool({ connectionString: URL_WITH_PASSWORD }), MASKED, URL_WITH_PASSWORD, 0, () => {});
  }
  mapped(error: unknown, opening = false): unknown {
    return this.failure(error, opening);
  }
  end(): Promise<void> {
    return this.pool.end();
  }
}

const probe = new Probe();
afterAll(() => probe.end());

const failing = (code: string) => Object.assign(new Error(`failed at ${URL_WITH_PASSWORD}`), { code });

describe('a registry failure', () => {
  it.each(['08006', '08001', '28P01', '3D000', '57P01', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EAI_AGAIN'])(
    '%s is the registry out of reach: a StoreError io naming the registry, the password masked',
    (code) => {
      const error = probe.mapped(failing(code));
      expect(error).toBeInstanceOf(StoreError);
      expect(error).toMatchObject({ code: 'io', path: MASKED, message: `${MASKED}: failed at ${MASKED}` });
      expect((error as StoreError).cause).toMatchObject({ code });
    },
  );

  it.each(['23505', '22008', '42P08', '40P01', 'XX000', 'E1234', 'NOTE08'])('%s is passed on as it is, the password masked', (code) => {
    const original = failing(code);
    const error = probe.mapped(original);
    expect(error).toBe(original);
    expect((error as Error).message).toBe(`failed at ${MASKED}`);
  });

  it('while the store is opening, any failure is the registry out of reach; a StoreError or a non-error is passed on untouched', () => {
    expect(probe.mapped(failing('23505'), true)).toMatchObject({ name: 'StoreError', code: 'io' });
    expect(probe.mapped(new Error('no SQLSTATE'), true)).toMatchObject({ name: 'StoreError', code: 'io' });
    const own = new StoreError('corrupt', MASKED, 'already said');
    expect(probe.mapped(own)).toBe(own);
    expect(probe.mapped('a string')).toBe('a string');
  });
});
