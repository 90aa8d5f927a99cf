/**
 * A PgStore's connection to its registry (issue 20): the pool, the password-masked URL messages may
 * show, and `tx`, which runs a method's work in one transaction on one pooled connection; with what
 * every method shares (the processing delay, the crash points, the sessions the store knows).
 */
import pg from 'pg';
import type { Checkpoint } from '../../domain/store.js';
import { StoreError } from '../errors.js';
import { KnownSessions } from './pgKnown.js';
import type { Sql } from './pgRows.js';
import { maskIn } from './pgUrl.js';

export interface PgStoreOptions {
  /** the schema to keep the registry in (tests: one per store); default the connection's search_path */
  schema?: string;
  /** R-CODE-6: how long terminal cash is "processing" */
  processingDelayMs?: number;
  checkpoint?: Checkpoint;
  /** connections in the pool (each terminal needs one at a time) */
  maxConnections?: number;
}

// bigint (int8) columns hold epoch milliseconds: well inside a double's exact range
const INT8 = 20;
const types = { getTypeParser: (oid: number, format?: string) => (oid === INT8 ? Number : pg.types.getTypeParser(oid, format as 'text')) };

/** the pool a store is opened with: `url`, at most `maxConnections`, epoch milliseconds as numbers, the schema's search_path */
export function openPool(url: string, options: PgStoreOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 4,
    types,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // an idle connection's error (the server restarting) must not end the process; the next query reports it
  pool.on('error', () => undefined);
  return pool;
}

export abstract class PgConnection {
  protected constructor(
    protected readonly pool: pg.Pool,
    /** the URL with its password masked: what messages may show */
    readonly path: string,
    private readonly url: string,
    protected readonly processingDelayMs: number,
    protected readonly checkpoint: Checkpoint,
  ) {}

  /** the sessions this store opened, their notes, orders and counters: a payment of one needs no read first */
  protected readonly known = new KnownSessions();

  /**
   * A StoreError naming the registry, the password masked wherever the driver quoted it. While
   * `opening`, any failure is one (TLS refused by the server has no SQLSTATE, a newer schema neither).
   */
  protected failure(error: unknown, opening = false): unknown {
    if (error instanceof StoreError || !(error instanceof Error)) return error;
    const code = (error as { code?: unknown }).code;
    // SQLSTATE classes 08 (connection), 28 (authorisation), 3D (no database), 57P (shut down); Node's socket
    // and DNS errors (ECONNRESET, EAI_AGAIN: no SQLSTATE class starts with E)
    if (opening || (typeof code === 'string' && /^(08|28|3D|57P|E[A-Z])/.test(code))) {
      return new StoreError('io', this.path, `${this.path}: ${maskIn(error.message, this.url)}`, { cause: error });
    }
    error.message = maskIn(error.message, this.url);
    return error;
  }

  /** Runs `work` in one transaction on one connection; any error rolls it all back. */
  protected async tx<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw this.failure(error);
    }
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw this.failure(error);
    } finally {
      client.release();
    }
  }

  /**
   * Runs `work`, one statement, on the pool without BEGIN/COMMIT: a statement alone is atomic, and
   * the two round trips a transaction adds around it buy nothing (bench row 17).
   */
  protected async once<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    try {
      return await work(this.pool);
    } catch (error) {
      throw this.failure(error);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
