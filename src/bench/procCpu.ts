/**
 * A process's descendants and their CPU time from /proc (Linux): a server's CPU per payment (bench row
 * 18, in milliseconds; the root's reaped children count too, its cutime/cstime), and a server's
 * processes to stop and continue (the registry-outage test). Elsewhere (no /proc): null or none.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc counts CPU in hundredths of a second on every architecture Node runs on */
const TICKS_PER_SECOND = 100;

interface Stat {
  ppid: number;
  ticks: number;
}

function stat(pid: number, withChildren: boolean): Stat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // the fields after the command's ")" start with the state (field 3): ppid is field 4, utime … cstime 14 … 17
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const at = (field: number) => Number(fields[field - 3]);
  return { ppid: at(4), ticks: at(14) + at(15) + (withChildren ? at(16) + at(17) : 0) };
}

/** every process's parent and CPU ticks so far (from /proc) */
function processes(): Map<number, Stat> {
  const all = new Map<number, Stat>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const found = stat(pid, false);
    if (found) all.set(pid, found);
  }
  return all;
}

function under(root: number, all: Map<number, Stat>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of all) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const found: number[] = [];
  const queue = [...(children.get(root) ?? [])];
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

/** the processes under `root` (children, theirs, …), e.g. a PostgreSQL server's backends; [] without /proc */
export const descendants = (root: number): number[] => under(root, processes());

/** the CPU time `root` and every process under it have used so far, or null without /proc */
export function treeCpuMs(root: number): number | null {
  const own = stat(root, true);
  if (!own) return null;
  const all = processes();
  const ticks = under(root, all).reduce((sum, pid) => sum + all.get(pid)!.ticks, own.ticks);
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** this process's CPU time so far (user + system), in milliseconds */
export const ownCpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
