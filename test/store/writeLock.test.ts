import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { isMainThread } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { NOW, useTempDirs, seededDatabaseIn, openCashSessionSync } from './helpers.js';

// Its own file because it must run on the process's main thread (see below): `npm run mutation`
// runs vitest in a worker thread and leaves this file out (vitest.mutation.config.ts).

const tempDir = useTempDirs();

const seededDatabase = (): string => seededDatabaseIn(tempDir());

/** Syscall numbers of nanosleep and clock_nanosleep, where SQLite's busy handler waits. */
const SLEEP_SYSCALLS: Partial<Record<NodeJS.Architecture, number[]>> = { x64: [35, 230], arm64: [101, 115] };

describe('two processes on one file', () => {
  it('a write waits for another process holding the lock instead of failing', async () => {
    const path = seededDatabase();
    const store = SqliteStore.open(path);
    openCashSessionSync(store, 's1', '1000000001', '4750.00');

    // A second process takes the write lock and keeps it until this thread sleeps in SQLite's busy
    // handler, which proves the write below met the lock and waited; a store without a busy
    // timeout throws SQLITE_BUSY at once instead. (Linux: the holder reads /proc/<pid>/syscall.)
    expect(isMainThread).toBe(true); // the busy wait runs on this thread: its id is the process id
    expect(SLEEP_SYSCALLS[process.arch]).toBeDefined();
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const holder = spawn(process.execPath, [
      '-e',
      `const fs = require('node:fs');
       const db = new (require(${JSON.stringify(driver)}))(${JSON.stringify(path)});
       db.exec('BEGIN IMMEDIATE'); console.log('locked');
       fs.readSync(0, Buffer.alloc(1));
       const syscall = () => Number(fs.readFileSync('/proc/${process.pid}/task/${process.pid}/syscall', 'utf8').split(' ')[0]);
       const sleeps = ${JSON.stringify(SLEEP_SYSCALLS[process.arch] ?? [])};
       while (!sleeps.includes(syscall())) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
       db.exec('COMMIT'); db.close();`,
    ]);
    try {
      const exited = new Promise<number | null>((resolve) => holder.on('exit', resolve));
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
        holder.on('exit', (code) => reject(new Error(`lock holder exited early (${code})`)));
      });
      // Node writes to an idle pipe at once, so the holder hears this before the write blocks
      holder.stdin.write('w');
      store.journalNote('s1', 5000, NOW);
      expect(await exited).toBe(0);
    } finally {
      holder.kill();
    }
    expect(store.unfinishedSessions().map((s) => s.notes)).toEqual([[5000]]);
    store.close();
  });
});
