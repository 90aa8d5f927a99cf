/**
 * `kiosk tape run --shard K/N`: CI's parallel jobs (a matrix) each run one share of the tapes.
 * The split depends only on the tapes' paths, so every machine and every run agrees on it: the
 * paths, relative to the working folder with forward slashes, are sorted by code unit (not by the
 * locale, which differs between machines) and dealt round-robin, so shards differ by one tape at most.
 */
import { relative, sep } from 'node:path';
import { UsageError } from './args.js';

export interface Shard {
  /** 1-based, as written: 2 in "2/4" */
  index: number;
  total: number;
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || total < 1 || total > 10_000 || index < 1 || index > total) {
    throw new UsageError(`--shard: expected K/N with 1 ≤ K ≤ N (like 2/4), got "${text}"`, 'tape run');
  }
  return { index, total };
}

/** The path a tape is split by: the same on a laptop and a CI runner checked out elsewhere. */
export function shardKey(file: string, cwd: string = process.cwd()): string {
  return relative(cwd, file).split(sep).join('/');
}

/** This shard's tapes, in the order they were given. */
export function tapesOfShard(files: readonly string[], shard: Shard, cwd: string = process.cwd()): string[] {
  const keys = files.map((file) => shardKey(file, cwd));
  const sorted = [...new Set(keys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const mine = new Set(sorted.filter((_, i) => i % shard.total === shard.index - 1));
  return files.filter((_, i) => mine.has(keys[i] as string));
}
