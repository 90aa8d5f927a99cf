import { describe, expect, it } from 'vitest';
import { memoryMap } from '../../src/bench/smaps.js';

const SMAPS = `55d0c0a00000-55d0c0c00000 r-xp 00000000 08:01 1234                       /usr/bin/node
Size:               2048 kB
Rss:                1500 kB
55d0c2000000-55d0c2800000 rw-p 00000000 00:00 0                          [heap]
Size:               8192 kB
Rss:                7000 kB
7f4f84000000-7f4f84290000 rw-p 00000000 00:00 0 
Size:               2624 kB
Rss:                 780 kB
7f4f8f0c3000-7f4f8f0ff000 rwxp 00000000 00:00 0 
Rss:                  16 kB
7f4fa0000000-7f4fa0008000 rw-s 00000000 00:1a 99                         /dev/shm/kiosk-bench-x/kiosk.db-shm
Rss:                  32 kB
7ffd10000000-7ffd10021000 rw-p 00000000 00:00 0                          [stack]
Rss:                 132 kB
`;

describe('the memory rows read the process map by kind', () => {
  it('adds up RSS for the C heap, other anonymous memory, the WAL index and mapped files', () => {
    expect(memoryMap(SMAPS)).toEqual({ heap: 7000 * 1024, anon: (780 + 16 + 132) * 1024, shm: 32 * 1024, files: 1500 * 1024 });
  });

  it('reads this process on Linux and nothing elsewhere', () => {
    expect(memoryMap(null)).toBeNull();
    const own = memoryMap();
    if (process.platform === 'linux') expect(own!.heap + own!.anon + own!.files).toBeGreaterThan(0);
    else expect(own).toBeNull();
  });
});
