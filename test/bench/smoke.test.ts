/**
 * `npm run bench` in one short iteration, so the benchmark cannot rot. Never asserts on timings:
 * only that every row is produced with numbers and that bench/results.json-style output is written.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BENCH = 'dist/bench.js';
const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface ResultRow {
  id: number;
  detail: string;
  figure: number;
  baseline: number;
  ratio: number;
  met: boolean;
  target: { on: string; op: string; limit: number };
  samples?: Record<string, number[]>;
}

describe('npm run bench --smoke', () => {
  it('prints every row and writes them with numbers to the results file', { timeout: 180_000 }, async () => {
    const out = join(dir, 'results.json');
    const { stdout } = await run(process.execPath, [BENCH, '--smoke', '--out', out], { maxBuffer: 16 << 20 });
    const results = JSON.parse(readFileSync(out, 'utf8')) as { rows: ResultRow[]; failures: string[]; smoke: boolean; machine: { cores: number } };
    expect(results.failures).toEqual([]);
    expect(results.smoke).toBe(true);
    expect(results.machine.cores).toBeGreaterThan(0);
    expect(results.rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
    for (const row of results.rows) {
      expect(Number.isFinite(row.figure), `row ${row.id} figure ${row.figure}`).toBe(true);
      expect(Number.isFinite(row.baseline), `row ${row.id} baseline ${row.baseline}`).toBe(true);
      expect(Number.isFinite(row.ratio), `row ${row.id} ratio ${row.ratio}`).toBe(true);
      expect(typeof row.met).toBe('boolean');
      expect(row.target.limit).toBeGreaterThan(0);
      // each row is on the printed table with its mark
      expect(stdout).toMatch(new RegExp(`^${row.id}  .*[✓✗]$`, 'm'));
    }
    // inside npm test, row 16's busy loop yields to the suite's workers instead of taking a core from them
    expect(results.rows.find((r) => r.id === 16)?.detail).toMatch(/a busy loop on one core beside them at nice 19$/);
    // row 18: every round's payments made the server write its log (each payment is durable), and the row says how much
    const contested = results.rows.find((r) => r.id === 18)!;
    expect(contested.samples?.storeWalBytes?.length).toBeGreaterThan(0);
    for (const bytes of contested.samples!.storeWalBytes!) expect(bytes).toBeGreaterThan(0);
    expect(contested.detail).toMatch(/write-ahead log a payment \(median of the rounds\) \d+ B vs \d+ B raw$/);
  });

  it('answers --help with its usage and exit 0, and a bad --only with exit 2 naming the value', async () => {
    const help = await run(process.execPath, [BENCH, '--help']);
    expect(help.stdout).toContain('Usage: node dist/bench.js');
    const bad = await run(process.execPath, [BENCH, '--only', '99']).catch((error: { code: number; stderr: string }) => error);
    expect(bad).toMatchObject({ code: 2 });
    expect((bad as { stderr: string }).stderr).toContain('"99"');
  });
});
