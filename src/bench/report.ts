/** A benchmark row, the printed table and bench/results.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname } from 'node:path';

export interface Target {
  /** what the target bounds: the ratio, or the figure itself */
  on: 'ratio' | 'figure';
  op: '<=' | '>=' | '<';
  limit: number;
}

export interface Row {
  id: number;
  name: string;
  /** the measured figure and its unit */
  figure: number;
  baseline: number;
  unit: string;
  /** figure ÷ baseline, except where the row says otherwise (throughput: baseline ÷ figure) */
  ratio: number;
  target: Target;
  met: boolean;
  /** how it was measured, and extra figures such as p50 */
  detail: string;
  samples?: Record<string, number[]>;
}

export function meets(value: number, target: Target): boolean {
  if (!Number.isFinite(value)) return false;
  if (target.op === '<=') return value <= target.limit;
  if (target.op === '>=') return value >= target.limit;
  return value < target.limit;
}

export function row(fields: Omit<Row, 'met'>): Row {
  const value = fields.target.on === 'ratio' ? fields.ratio : fields.figure;
  return { ...fields, met: meets(value, fields.target) };
}

const fmt = (n: number): string => {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  return abs >= 100 ? n.toFixed(0) : abs >= 10 ? n.toFixed(1) : abs >= 0.1 ? n.toFixed(2) : n.toFixed(3);
};

export function targetText(target: Target, unit: string): string {
  const op = target.op === '<=' ? '≤' : target.op === '>=' ? '≥' : '<';
  return target.on === 'ratio' ? `ratio ${op} ${target.limit}` : `${op} ${target.limit} ${unit}`;
}

export function formatTable(rows: readonly Row[]): string {
  const header = ['#', 'figure', 'value', 'baseline', 'ratio', 'target', ''];
  const lines = rows.map((r) => [
    String(r.id),
    r.name,
    `${fmt(r.figure)} ${r.unit}`,
    `${fmt(r.baseline)} ${r.unit}`,
    `${fmt(r.ratio)}×`,
    targetText(r.target, r.unit),
    r.met ? '✓' : '✗',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const details = rows.map((r) => `  ${r.id}. ${r.detail}`);
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...lines.map(line), '', ...details].join('\n');
}

export interface Machine {
  cores: number;
  cpu: string;
  node: string;
  platform: string;
}

export function machine(): Machine {
  return { cores: cpus().length, cpu: cpus()[0]?.model.trim() ?? 'unknown', node: process.version, platform: `${process.platform}-${process.arch}` };
}

export function writeResults(path: string, rows: readonly Row[], meta: Record<string, unknown>): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify({ at: new Date().toISOString(), machine: machine(), ...meta, rows }, null, 2)}\n`);
}
