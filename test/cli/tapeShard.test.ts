/**
 * `kiosk tape run --shard K/N`: CI matrix jobs each run a share of the tapes; together they run
 * every tape once, and every machine agrees on the split (it depends on the paths only).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseShard, tapesOfShard } from '../../src/cli/tapeShard.js';
import { findTapes } from '../../src/tape/files.js';

const ROOT = join(import.meta.dirname, '..', '..');
const KIOSK = join(ROOT, 'dist', 'kiosk.js');

function kiosk(cwd: string, ...args: string[]) {
  const env = { ...process.env, FORCE_COLOR: undefined };
  const r = spawnSync(process.execPath, [KIOSK, 'tape', ...args], { cwd, env, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('tape shards', () => {
  it('4 shards of the corpus (kiosk tape check --shard K/4, the built binary) list every tape exactly once, about a quarter each', () => {
    const corpus = findTapes(join(ROOT, 'test', 'tapes')).map((file) => relative(ROOT, file));
    const seen: string[] = [];
    for (let k = 1; k <= 4; k++) {
      const r = kiosk(ROOT, 'check', '--shard', `${k}/4`, 'test/tapes');
      expect(r.code).toBe(0);
      const mine = r.out.trim().split('\n').map((line) => /^ok (\S+) \(/.exec(line)?.[1]);
      expect(mine.every((file) => file !== undefined)).toBe(true);
      expect(Math.abs(mine.length - corpus.length / 4)).toBeLessThanOrEqual(1);
      seen.push(...(mine as string[]));
    }
    expect([...seen].sort()).toEqual([...corpus].sort());
  });

  it('run --shard runs only its share and counts only those', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tape-shard-'));
    const tape = 'Set Lang en\nLaunch\nExpect "EUROSET"\n';
    for (const name of ['a.tape', 'b.tape', 'c.tape']) writeFileSync(join(dir, name), tape);
    const r = kiosk(dir, 'run', '--shard', '2/2', '.');
    expect(r.out).toContain('PASS b.tape');
    expect(r.out).not.toContain('a.tape');
    expect(r.out.trim().split('\n').at(-1)).toBe('1 passed, 0 failed');
    expect(r.code).toBe(0);
    const empty = kiosk(dir, 'run', '--shard', '4/4', '.');
    expect(empty.out.trim()).toBe('0 passed, 0 failed');
    expect(empty.code).toBe(0);
  });

  it('the split depends on the paths only: absolute or relative, given in any order, from any checkout folder', () => {
    const relativeFiles = ['test/tapes/site/b.tape', 'test/tapes/a.tape', 'test/tapes/terminal/c.tape', 'test/tapes/terminal/d.tape', 'x.tape'];
    const shard = { index: 2, total: 3 };
    const here = tapesOfShard(relativeFiles, shard, '/home/me/kiosk');
    const ci = tapesOfShard(relativeFiles.map((f) => `/runner/work/kiosk/${f}`).reverse(), shard, '/runner/work/kiosk');
    expect(here).toEqual(['test/tapes/site/b.tape', 'x.tape']);
    expect(ci.map((f) => relative('/runner/work/kiosk', f)).sort()).toEqual([...here].sort());
  });

  it('bad --shard values are a usage error (exit 2) naming the value', () => {
    for (const bad of ['0/4', '5/4', '2', '2/0', 'a/b', '-1/4', '1/4/2', '']) {
      expect(() => parseShard(bad)).toThrow(`--shard: expected K/N with 1 ≤ K ≤ N (like 2/4), got "${bad}"`);
    }
    expect(parseShard(' 2/4 ')).toEqual({ index: 2, total: 4 });
    const r = kiosk(ROOT, 'run', '--shard', '5/4', 'test/tapes');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--shard: expected K/N with 1 ≤ K ≤ N (like 2/4), got "5/4"');
    expect(r.out).toBe('');
  });
});
