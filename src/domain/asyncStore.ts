/**
 * A synchronous store (MemoryStore, SqliteStore) behind the asynchronous interface callers use.
 * Each call runs at once, whole (one SQLite transaction never spans an await), and its result or
 * error is handed back as a settled promise; plain properties (`path`) are read through.
 */
import type { Async } from './store.js';

export function asyncStore<T extends object>(sync: T): Async<T> {
  return new Proxy(sync, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        try {
          return Promise.resolve(value.apply(target, args));
        } catch (error) {
          return Promise.reject(error);
        }
      };
    },
  }) as unknown as Async<T>;
}
