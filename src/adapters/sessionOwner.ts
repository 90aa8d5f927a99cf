/**
 * Who may finish an unfinished cash session on start. The default terminal id includes the pid, so
 * after a restart it differs: a session is taken when it was this terminal id's, or when the process
 * that opened it is gone — and never while that process still runs.
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import type { CashSession, SessionOwner } from '../domain/store.js';

export function currentOwner(): SessionOwner {
  return { host: hostname(), pid: process.pid };
}

/**
 * Whether a process on this host still runs. A zombie (killed, not yet reaped by its parent) counts
 * as gone: it will never write again.
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists, it is just someone else's
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return true; // no /proc (macOS): kill(0) said it exists
  }
}

export interface RecoveryPolicy {
  terminalId: string;
  /** this process; at start-up it has opened no session yet */
  me: SessionOwner;
  isAlive: (pid: number) => boolean;
}

export function mayRecover(session: Pick<CashSession, 'terminalId' | 'owner'>, policy: RecoveryPolicy): boolean {
  const { owner } = session;
  const mine = session.terminalId === policy.terminalId;
  // no owner recorded, or on another host we cannot look at: the terminal id decides
  if (!owner || owner.host !== policy.me.host) return mine;
  // our own pid before we opened anything: a previous process that had the same pid (a restart in a container)
  if (owner.pid === policy.me.pid) return true;
  return !policy.isAlive(owner.pid);
}
