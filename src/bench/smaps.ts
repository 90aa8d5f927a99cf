/**
 * Where a process's resident memory is, by kind of mapping (Linux `/proc/self/smaps`): the C
 * allocator's `[heap]`, other anonymous memory (V8's heap, glibc's other arenas, thread stacks),
 * SQLite's `-shm` WAL index, and the mapped files (the node binary, native addons, libraries).
 * Elsewhere it reads nothing (`null`), and the memory rows report RSS alone.
 */
import { existsSync, readFileSync } from 'node:fs';

export interface MemoryMap {
  heap: number;
  anon: number;
  shm: number;
  files: number;
}

const SMAPS = '/proc/self/smaps';
const HEADER = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/;

export function memoryMap(text: string | null = existsSync(SMAPS) ? readFileSync(SMAPS, 'utf8') : null): MemoryMap | null {
  if (text === null) return null;
  const map: MemoryMap = { heap: 0, anon: 0, shm: 0, files: 0 };
  let kind: keyof MemoryMap = 'anon';
  for (const line of text.split('\n')) {
    const header = HEADER.exec(line);
    if (header) {
      const name = header[1]!;
      kind = name === '[heap]' ? 'heap' : name.endsWith('-shm') ? 'shm' : name.startsWith('/') ? 'files' : 'anon';
      continue;
    }
    if (line.startsWith('Rss:')) map[kind] += Number(/(\d+)/.exec(line)![1]) * 1024;
  }
  return map;
}
