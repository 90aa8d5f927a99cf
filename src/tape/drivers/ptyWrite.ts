/**
 * Keys into a pseudo-terminal, written before this returns. node-pty queues writes and sends them
 * later from the thread pool; if the program is killed meanwhile, its master descriptor is closed
 * and the next pty opened can get the same number, so the queued keys land in the next program (a
 * crash-and-restart would see keys typed before the crash).
 */
import { writeSync } from 'node:fs';
import type { IPty } from 'node-pty';

export function writeNow(pty: IPty, data: string): void {
  const fd = (pty as IPty & { fd?: number }).fd;
  if (typeof fd !== 'number') return void pty.write(data); // not a Unix pty: its own queue it is
  let bytes = Buffer.from(data, 'utf8');
  const giveUpAt = performance.now() + FULL_QUEUE_MS;
  while (bytes.length > 0) {
    try {
      bytes = bytes.subarray(writeSync(fd, bytes));
    } catch (error) {
      // the master is non-blocking: a full input queue says "try again" while the program reads;
      // a program that stopped reading gets the rest through node-pty's queue
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      if (performance.now() > giveUpAt) return void pty.write(bytes.toString('utf8'));
    }
  }
}

/** how long a full input queue may hold the writer before the rest is queued instead */
const FULL_QUEUE_MS = 200;
