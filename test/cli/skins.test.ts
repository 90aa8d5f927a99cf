/** R-TERM-4 from the command line: --skin, --skin-file (checked) and `kiosk skins`. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRunArgs, parseSkin, UsageError } from '../../src/cli/args.js';
import { QIWI } from '../../src/domain/skins/index.js';

const KIOSK = join(import.meta.dirname, '..', '..', 'dist', 'kiosk.js');
const dir = mkdtempSync(join(tmpdir(), 'kiosk-skins-'));
const file = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};
const usageError = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error('no usage error');
};

describe('R-TERM-4: --skin and --skin-file', () => {
  it('R-TERM-4: Euroset by default; --skin names a built-in brand, in any case', () => {
    expect(parseRunArgs([], {}).rules.skin?.id).toBe('euroset');
    expect(parseRunArgs(['--skin', 'qiwi'], {}).rules.skin?.id).toBe('qiwi');
    expect(parseRunArgs(['--skin', 'Svyaznoy'], {}).rules.skin?.id).toBe('svyaznoy');
  });

  it('R-TERM-4: an unknown brand, or both options, is a usage error naming the brands', () => {
    expect(usageError(() => parseRunArgs(['--skin', 'beeline'], {}))).toBe('--skin: expected euroset, qiwi, svyaznoy, cyberplat, got "beeline" (kiosk skins lists them)');
    expect(usageError(() => parseSkin('qiwi', 'my.json'))).toBe('--skin and --skin-file cannot be used together');
  });

  it('R-TERM-4: a skin file is read and checked; its errors are listed one a line', () => {
    const good = file('good.json', { ...QIWI, id: 'mine' });
    expect(parseRunArgs(['--skin-file', good], {}).rules.skin?.id).toBe('mine');
    const bad = file('bad.json', { ...QIWI, id: 'mine', menus: { ...QIWI.menus, main: QIWI.menus.main.map((i) => ({ ...i, hotkey: '1' })) } });
    const message = usageError(() => parseRunArgs(['--skin-file', bad], {}));
    expect(message.split('\n')[0]).toBe(`--skin-file ${bad} is not a usable skin:`);
    expect(message).toContain('  menus.main[1].hotkey "1" duplicated: menus.main[0] has it too');
    expect(usageError(() => parseSkin(undefined, join(dir, 'none.json')))).toBe(`--skin-file: cannot read ${join(dir, 'none.json')}: ENOENT`);
  });
});

describe('service mode options', () => {
  it('--service-pin (4 to 8 digits, default 0000) and --cassette-capacity (default 1,500 notes)', () => {
    expect(parseRunArgs([], {}).rules).toMatchObject({ servicePin: '0000', cassetteCapacity: 1500 });
    expect(parseRunArgs(['--service-pin', '123456', '--cassette-capacity', '20'], {}).rules).toMatchObject({ servicePin: '123456', cassetteCapacity: 20 });
    expect(usageError(() => parseRunArgs(['--service-pin', '12a4'], {}))).toBe('--service-pin: expected 4 to 8 digits, got "12a4"');
    expect(usageError(() => parseRunArgs(['--cassette-capacity', '0'], {}))).toBe('--cassette-capacity: expected a whole number of notes from 1 to 100000, got "0"');
  });

  it('--paper-receipts N: the printer runs out after N receipts; off by default', () => {
    expect(parseRunArgs([], {}).rules.paperReceipts).toBeUndefined();
    expect(parseRunArgs(['--paper-receipts', '3'], {}).rules).toMatchObject({ paperReceipts: 3 });
    expect(usageError(() => parseRunArgs(['--paper-receipts', 'x'], {}))).toBe('--paper-receipts: expected a whole number of receipts from 1 to 100000, got "x"');
  });
});

describe('R-TERM-4: kiosk skins', () => {
  const kiosk = (...args: string[]) => spawnSync(process.execPath, [KIOSK, 'skins', ...args], { encoding: 'utf8' });

  it('R-TERM-4: lists each brand with its path to AliExpress, Euroset the default', () => {
    const run = kiosk();
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n').filter(Boolean)).toEqual([
      'euroset    Euroset    Other services → Products by catalogs → Aliexpress (default)',
      'qiwi       QIWI       Purchases → Online shops → AliExpress',
      'svyaznoy   Svyaznoy   Pay for services → Internet shopping → AliExpress',
      'cyberplat  Cyberplat  Other payments → Goods and services → Aliexpress',
    ]);
  });

  it('R-TERM-4: --check FILE says OK, or lists what to fix with exit 1', () => {
    expect(kiosk('--check', file('ok.json', { ...QIWI, id: 'mine' })).stdout).toMatch(/: OK\nmine {7}QIWI/);
    const noRoute = { ...QIWI, id: 'mine', menus: { ...QIWI.menus, services: QIWI.menus.services.map(({ opens: _, ...i }) => i) } };
    const run = kiosk('--check', file('noroute.json', noRoute));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('the path never reaches AliExpress: no item of menus.services opens catalogs');
  });
});
