import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cacheStatements } from '../../src/store/statementCache.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { DEMO_PHONE } from '../../src/domain/orders/demo.js';

describe('the statement cache', () => {
  it('compiles each SQL text once per connection and still runs each call with its own values', () => {
    const db = cacheStatements(new Database(':memory:'));
    db.exec('CREATE TABLE t (n INTEGER)');
    const insert = db.prepare('INSERT INTO t (n) VALUES (?)');
    expect(db.prepare('INSERT INTO t (n) VALUES (?)')).toBe(insert);
    insert.run(1);
    db.prepare('INSERT INTO t (n) VALUES (?)').run(2);
    expect(db.prepare<{ n: number }>('SELECT n FROM t ORDER BY n').all()).toEqual([{ n: 1 }, { n: 2 }]);
    expect(db.prepare('SELECT n FROM t')).not.toBe(db.prepare('SELECT n FROM t ORDER BY n'));
    const other = cacheStatements(new Database(':memory:'));
    other.exec('CREATE TABLE t (n INTEGER)');
    expect(other.prepare('INSERT INTO t (n) VALUES (?)')).not.toBe(insert);
  });

  it('a store answers the same after many calls of the same statements', () => {
    const store = SqliteStore.open(':memory:');
    for (let i = 0; i < 50; i++) store.setPhoneAccount(DEMO_PHONE, 'mts', `${i}.00`);
    expect(store.phoneAccount(DEMO_PHONE).balance).toBe('49.00');
    store.close();
  });
});
