/** asyncStore: a synchronous store behind the asynchronous interface, each call whole, its error a rejection. */
import { describe, expect, it } from 'vitest';
import { asyncStore } from '../../src/domain/asyncStore.js';

class Counter {
  readonly path = '/tmp/kiosk.db';
  count = 0;
  add(n: number): number {
    this.count += n;
    return this.count;
  }
  refuse(): never {
    throw new Error('refused: the order is paid');
  }
}

describe('asyncStore', () => {
  it('hands back each method\'s result as a promise, the method run on the store itself, at once', async () => {
    const sync = new Counter();
    const store = asyncStore(sync);
    const added = store.add(2);
    // the call ran whole before any await (one SQLite transaction never spans an await)
    expect(sync.count).toBe(2);
    expect(added).toBeInstanceOf(Promise);
    await expect(added).resolves.toBe(2);
    await expect(store.add(3)).resolves.toBe(5);
  });

  it('turns an error into a rejected promise, not a throw at the call', async () => {
    const store = asyncStore(new Counter());
    let thrown: unknown = null;
    let result: Promise<never> | null = null;
    try {
      result = store.refuse();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeNull();
    await expect(result).rejects.toThrow('refused: the order is paid');
  });

  it('reads plain properties through, as they are', () => {
    const store = asyncStore(new Counter());
    expect(store.path).toBe('/tmp/kiosk.db');
    expect(store.count).toBe(0);
  });
});
