/**
 * One compiled statement per SQL text and connection. The store's rows modules call `db.prepare`
 * with the same constant texts on every payment; compiling each anew cost CPU on every call and
 * left SQLite's statement memory to the garbage collector, so the allocator's heap grew with the
 * number of payments (bench row 13: ~15 MiB over 8,000 mixed actions). Every text the store
 * prepares is a constant (no values spliced in), so the cache is bounded by the code.
 */
import type { Database as Connection, Statement } from 'better-sqlite3';

export function cacheStatements(db: Connection): Connection {
  const compiled = new Map<string, Statement>();
  const compile = db.prepare.bind(db);
  function prepareOnce<Row = unknown>(sql: string): Statement<Row> {
    let statement = compiled.get(sql);
    if (!statement) {
      statement = compile(sql);
      compiled.set(sql, statement);
    }
    return statement as Statement<Row>;
  }
  return Object.assign(db, { prepare: prepareOnce });
}
