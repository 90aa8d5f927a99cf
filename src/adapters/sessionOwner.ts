/**
 * Who may finish an unfinished cash session on start. The default terminal id includes the pid, so
 * after a restart it differs: a session is taken when the process that opened it is gone (on this
 * host), or — when that cannot be known — when it was this terminal id's; never while its process runs.
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import type { CashSession, SessionOwner } from '../domain/store.js';

interface ProcStat {
  state: string;
  /** field 22, the start time in clock ticks since boot: with the pid, it names one process */
  started: string;
}

/** Linux's view of a process; null where there is no /proc or no such process. */
function procStat(pid: number): ProcStat | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may hold spaces and parentheses: count fields after the last ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', started: fields[19] ?? '' };
  } catch {
    return null;
  }
}

export function currentOwner(): SessionOwner {
  return { host: hostname(), pid: process.pid, started: procStat(process.pid)?.started ?? null };
}

/**
 * Whether the owner process still runs on this host. A zombie (killed, not yet reaped) is gone: it
 * will never write again; so is a process that has the owner's pid but started at another time.
 */
export function ownerAlive(owner: SessionOwner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: it exists, it is just someone else's
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const stat = procStat(owner.pid);
  if (!stat) return true; // no /proc (macOS): kill(0) said it exists
  if (stat.state === 'Z' || stat.state === 'X') return false;
  return !owner.started || stat.started === owner.started;
}

export interface RecoveryPolicy {
  terminalId: string;
  /** this process; at start-up it has opened no session yet */
  me: SessionOwner;
  isAlive: (owner: SessionOwner) => boolean;
}

export function mayRecover(session: Pick<CashSession, 'terminalId' | 'owner'>, policy: RecoveryPolicy): boolean {
  const { owner } = session;
  // no owner recorded, or on another host we cannot look at: the terminal id decides
  if (!owner || owner.host !== policy.me.host) return session.terminalId === policy.terminalId;
  // our own pid before we opened anything: a previous process that had the same pid (a restart in a container)
  if (owner.pid === policy.me.pid) return true;
  return !policy.isAlive(owner);
}
