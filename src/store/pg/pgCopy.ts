/**
 * `kiosk store copy`: a SQLite data directory's database into an empty PostgreSQL registry, every
 * table in one transaction (all of it or nothing). Columns are the ones both schemas have; what the
 * registry keeps differently is derived: which encashment took a journaled note (SQLite keeps the
 * last journal row an encashment took), the receipt and mobile payment counters, and the serial
 * columns' sequences. A registry that holds anything is refused: copying twice would double it.
 */
import Database, { type Database as Connection } from 'better-sqlite3';
import pg from 'pg';
import type { Sql } from './pgRows.js';

/** the registry's tables in an order their foreign keys allow, each read from the SQLite table of the same name */
export const COPIED_TABLES = [
  'orders', 'order_events', 'order_credits', 'phone_accounts', 'ledger', 'phone_settings',
  'cash_sessions', 'encashments', 'cash_journal', 'receipts', 'sms', 'program_clock',
  'training_attempts', 'training_checkpoints', 'training_drill',
  'desk_registers', 'desk_receipts', 'till_shifts', 'till_drawer', 'till_payments', 'till_sent_away',
  'mobile_payments', 'mobile_events', 'mobile_refunds',
] as const;

/** the registry's own tables, filled from the copied rows rather than read */
const DERIVED: Record<string, string> = {
  receipt_counters: 'INSERT INTO receipt_counters (terminal_id, seq) SELECT terminal_id, MAX(seq) FROM receipts GROUP BY terminal_id',
  mobile_counter: 'INSERT INTO mobile_counter (id, seq) SELECT 1, MAX(seq) FROM mobile_payments HAVING COUNT(*) > 0',
  kiosk_schema: '',
  // what terminals forwarded from their own journals: a data directory's payments never were
  forwarded_payments: '',
};

/** columns the registry has and SQLite computes another way: the expression giving each from a SQLite row */
const COMPUTED: Record<string, Record<string, string>> = {
  // the first encashment of the note's terminal whose last journal row is at or after it
  cash_journal: {
    encashment: `CASE WHEN kind = 'accepted' THEN (SELECT e.id FROM encashments e JOIN cash_sessions s ON s.terminal_id = e.terminal_id
      WHERE s.id = cash_journal.session_id AND e.last_journal_id >= cash_journal.id ORDER BY e.number LIMIT 1) END`,
  },
};

/** rows per INSERT: well under the protocol's 65,535 parameters for the widest table */
const BATCH = 500;

export type CopyCounts = Record<string, number>;

/** Refusing to copy: a usage-level problem with the source or the target, said in words. */
export class CopyRefused extends Error {}

async function registryTables(sql: Sql): Promise<string[]> {
  const found = await sql.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`);
  return found.rows.map((r) => r.table_name);
}

async function registryColumns(sql: Sql, table: string): Promise<{ name: string; serial: boolean }[]> {
  const found = await sql.query<{ column_name: string; column_default: string | null }>(
    `SELECT column_name, column_default FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table]);
  return found.rows.map((r) => ({ name: r.column_name, serial: (r.column_default ?? '').startsWith('nextval(') }));
}

const sqliteColumns = (db: Connection, table: string): Set<string> =>
  new Set((db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name));

/** Checks that this copy knows every table of the registry, and that the registry is empty. */
async function checkTarget(sql: Sql, where: string): Promise<void> {
  const tables = await registryTables(sql);
  const unknown = tables.filter((t) => !(COPIED_TABLES as readonly string[]).includes(t) && !(t in DERIVED));
  if (unknown.length > 0) throw new CopyRefused(`the registry ${where} has tables this kiosk cannot copy into (${unknown.join(', ')}): upgrade the kiosk`);
  const filled: string[] = [];
  for (const table of [...COPIED_TABLES, 'receipt_counters', 'mobile_counter', 'forwarded_payments']) {
    const { n } = (await sql.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM ${pg.escapeIdentifier(table)}`)).rows[0]!;
    if (n > 0) filled.push(`${table}: ${n}`);
  }
  if (filled.length > 0) {
    throw new CopyRefused(`the registry ${where} is not empty (${filled.join(', ')}); copy into a new, empty database (kiosk store migrate --store URL makes its tables)`);
  }
}

async function copyTable(db: Connection, sql: Sql, table: string): Promise<number> {
  const have = sqliteColumns(db, table);
  const computed = COMPUTED[table] ?? {};
  // serial columns SQLite does not have (orders.seq…) are numbered by the registry in the SQLite rows' order
  const columns = (await registryColumns(sql, table)).filter((c) => have.has(c.name) || c.name in computed).map((c) => c.name);
  const select = columns.map((c) => (c in computed ? `${computed[c]} AS "${c}"` : `"${c}"`)).join(', ');
  const source = db.prepare<unknown[]>(`SELECT ${select} FROM "${table}" ORDER BY rowid`).raw(true).iterate();
  const names = columns.map((c) => pg.escapeIdentifier(c)).join(', ');
  let batch: unknown[][] = [];
  let copied = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const values = batch.map((row, r) => `(${row.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
    await sql.query(`INSERT INTO ${pg.escapeIdentifier(table)} (${names}) VALUES ${values}`, batch.flat());
    copied += batch.length;
    batch = [];
  };
  for (const row of source) {
    batch.push(row.map((v) => (typeof v === 'bigint' ? v.toString() : v)));
    if (batch.length === BATCH) await flush();
  }
  await flush();
  return copied;
}

/** every serial column's sequence continues after the largest copied value, so new rows never collide */
async function advanceSequences(sql: Sql, table: string): Promise<void> {
  for (const column of (await registryColumns(sql, table)).filter((c) => c.serial)) {
    const [t, c] = [pg.escapeIdentifier(table), pg.escapeIdentifier(column.name)];
    await sql.query(`SELECT setval(pg_get_serial_sequence($1, $2), GREATEST(MAX(${c}), 1), MAX(${c}) IS NOT NULL) FROM ${t}`, [table, column.name]);
  }
}

/**
 * Copies `sqlitePath` (migrated to this kiosk's schema beforehand) into the registry at `url`
 * (migrated too). `where` is the URL as messages may show it (password masked).
 */
export async function copySqliteToPg(sqlitePath: string, url: string, where: string): Promise<CopyCounts> {
  const db = new Database(sqlitePath, { readonly: true, fileMustExist: true });
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('BEGIN');
    try {
      // nobody writes into the registry while it is being filled: a kiosk started meanwhile waits
      await client.query(`LOCK TABLE ${COPIED_TABLES.join(', ')} IN EXCLUSIVE MODE`);
      await checkTarget(client, where);
      const counts: CopyCounts = {};
      for (const table of COPIED_TABLES) counts[table] = await copyTable(db, client, table);
      for (const fill of Object.values(DERIVED)) if (fill) await client.query(fill);
      for (const table of [...COPIED_TABLES, ...Object.keys(DERIVED)]) await advanceSequences(client, table);
      await client.query('COMMIT');
      return counts;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    db.close();
    await client.end().catch(() => undefined);
  }
}
