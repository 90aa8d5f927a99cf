/**
 * The part of better-sqlite3 this store uses. The package ships no types and @types/better-sqlite3
 * is not installed, so we declare only what we call.
 */
declare module 'better-sqlite3' {
  export interface RunResult {
    changes: number;
    lastInsertRowid: number | bigint;
  }
  export interface Statement<Row = unknown> {
    run(...params: unknown[]): RunResult;
    get(...params: unknown[]): Row | undefined;
    all(...params: unknown[]): Row[];
    iterate(...params: unknown[]): IterableIterator<Row>;
    /** rows as arrays of values, in the columns' order */
    raw(toggle?: boolean): this;
  }
  export interface Transaction<F extends (...args: never[]) => unknown> {
    (...args: Parameters<F>): ReturnType<F>;
    immediate(...args: Parameters<F>): ReturnType<F>;
  }
  export interface Options {
    readonly?: boolean;
    fileMustExist?: boolean;
    /** busy timeout in milliseconds */
    timeout?: number;
  }
  export interface Database {
    readonly name: string;
    readonly open: boolean;
    readonly inTransaction: boolean;
    prepare<Row = unknown>(sql: string): Statement<Row>;
    exec(sql: string): this;
    pragma(source: string, options?: { simple?: boolean }): unknown;
    transaction<F extends (...args: never[]) => unknown>(fn: F): Transaction<F>;
    close(): this;
  }
  const Database: new (filename: string, options?: Options) => Database;
  export default Database;
}
