/**
 * The tape corpus as a whole: every tape is dealt to one shard (test/tape/corpus.shard-N.test.ts plays
 * each with --parity, test/tape/corpusShard.ts), every place has tapes, and the README's tutorial tape
 * passes through the package's tape entry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTape as runLibraryTape } from 'aliexpress-kiosk/tape';
import { corpusTapes, PARITY_EVERY, parityEvery, shardTapes, SHARDS, underParity } from './corpusShard.js';

/** The README's tapes run as a reader's vitest test would run them: through the package's tape entry (dist/tape.js). */
describe('README', () => {
  const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');

  it('R-TERM-2: the tutorial tape in the README ("pay 4,750 ₽ with a 5,000 ₽ note") passes as written', async () => {
    const section = readme.slice(readme.indexOf('### A first tape'));
    const source = /```\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    expect(source).toContain('Insert 5000');
    const result = await runLibraryTape({ source, file: 'README.md' });
    if (result.failure) expect.fail(result.failure.text);
    expect(result.totalSteps).toBe(20);
  });
});

describe('tape corpus', () => {
  it('has tapes to run, every one in exactly one shard (each is played there with --parity)', () => {
    const tapes = corpusTapes();
    expect(tapes.length).toBeGreaterThanOrEqual(15);
    const dealt = Array.from({ length: SHARDS }, (_, i) => shardTapes(i + 1)).flat();
    expect(dealt.sort()).toEqual([...tapes].sort());
    expect(new Set(dealt).size).toBe(tapes.length);
  });

  it('plays every tape under --parity unless KIOSK_PARITY_EVERY asks for one in N, and refuses a bad N by name', () => {
    expect(parityEvery(undefined)).toBe(1);
    expect(parityEvery('')).toBe(1);
    expect(parityEvery('3')).toBe(3);
    for (const bad of ['0', '-2', '1.5', 'all']) expect(() => parityEvery(bad)).toThrow(`not "${bad}"`);
    if (process.env.KIOSK_PARITY_EVERY === undefined) expect(corpusTapes().every(underParity)).toBe(true);
  });

  it('plays tapes of every place under --parity, one in PARITY_EVERY of each', () => {
    const tapes = corpusTapes();
    const folders = new Set(tapes.map((file) => file.split('/')[0]));
    for (const folder of folders) expect(tapes.some((file) => file.startsWith(`${folder}/`) && underParity(file)), folder).toBe(true);
    expect(tapes.filter(underParity).length).toBeGreaterThanOrEqual(Math.floor(tapes.length / PARITY_EVERY));
  });

  it('covers every place', () => {
    const places = new Set(corpusTapes().map((file) => file.split('/')[0]));
    for (const place of ['cashier', 'mobile', 'order-life', 'phone', 'post', 'site', 'terminal', 'training']) expect(places, place).toContain(place);
  });
});
