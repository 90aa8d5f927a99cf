/**
 * The lint config keeps the layers: each fixture below is a small source text linted at a virtual
 * path inside the repo (its imports resolve to the real files), and must fail, or pass, for the
 * reason given. The cycle is linted from real files in a temporary folder.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: repoRoot });

/** The rule ids ESLint reports for `code` placed at `path` (relative to the repo root). */
async function ruleErrors(path: string, code: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot, path) });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId);
}

describe('layer rules', () => {
  it.each([
    ['a screen running a machine', 'screens/LintFixture.tsx', "import { cashMachine } from '../machines/cash.js';\nexport { cashMachine };\n", '@typescript-eslint/no-restricted-imports'],
    ['a screen running the app shell (the keymap)', 'screens/LintFixture.tsx', "import { mapKey } from '../src/app/keymap.js';\nexport { mapKey };\n", '@typescript-eslint/no-restricted-imports'],
    ['a screen reading the store', 'screens/LintFixture.tsx', "import { SqliteStore } from '../src/store/index.js';\nexport { SqliteStore };\n", 'import-x/no-restricted-paths'],
    ['a machine importing the app shell', 'machines/lintFixture.ts', "import { viewOf } from '../src/app/view.js';\nexport { viewOf };\n", 'import-x/no-restricted-paths'],
    ['a machine importing only a type from the app shell', 'machines/lintFixture.ts', "import type { View } from '../src/app/view.js';\nexport type { View };\n", 'import-x/no-restricted-paths'],
    ['a machine importing the CLI', 'machines/lintFixture.ts', "import { parseRunArgs } from '../src/cli/args.js';\nexport { parseRunArgs };\n", 'import-x/no-restricted-paths'],
    ['a machine importing ink', 'machines/lintFixture.ts', "import { Text } from 'ink';\nexport { Text };\n", '@typescript-eslint/no-restricted-imports'],
    ['a domain file reading files', 'src/domain/lintFixture.ts', "import { readFileSync } from 'node:fs';\nexport { readFileSync };\n", '@typescript-eslint/no-restricted-imports'],
    ['a domain file spawning (bare built-in name)', 'src/domain/lintFixture.ts', "import { spawn } from 'child_process';\nexport { spawn };\n", '@typescript-eslint/no-restricted-imports'],
    ['a domain file opening SQLite', 'src/domain/lintFixture.ts', "import Database from 'better-sqlite3';\nexport { Database };\n", '@typescript-eslint/no-restricted-imports'],
    ['a domain file importing the store adapter', 'src/domain/lintFixture.ts', "import { SqliteStore } from '../store/index.js';\nexport { SqliteStore };\n", 'import-x/no-restricted-paths'],
    ['a domain file importing a machine', 'src/domain/lintFixture.ts', "import { cashMachine } from '../../machines/terminal/cash.js';\nexport { cashMachine };\n", 'import-x/no-restricted-paths'],
  ])('forbids %s', async (_what, path, code, rule) => {
    expect(await ruleErrors(path, code)).toEqual([rule]);
  });

  it.each([
    ['a screen naming the View type', 'screens/LintFixture.tsx', "import type { View } from '../src/app/view.js';\nexport type { View };\n"],
    ['a screen naming a machine type', 'screens/LintFixture.tsx', "import type { CashNotice } from '../machines/cash.js';\nexport type { CashNotice };\n"],
    ['a screen naming a machine type inline', 'screens/LintFixture.tsx', "import { type CashNotice } from '../machines/cash.js';\nexport type { CashNotice };\n"],
    ['a screen using i18n and ink', 'screens/LintFixture.tsx', "import { Text } from 'ink';\nimport { t } from '../src/i18n/index.js';\nexport { Text, t };\n"],
    ['a machine using the domain', 'machines/lintFixture.ts', "import { setup } from 'xstate';\nimport { covers } from '../src/domain/settlement.js';\nexport { setup, covers };\n"],
    ['a domain file using decimal.js and i18n', 'src/domain/lintFixture.ts', "import Decimal from 'decimal.js';\nimport { t } from '../i18n/index.js';\nexport { Decimal, t };\n"],
    ['the store adapter reading files', 'src/store/lintFixture.ts', "import { readFileSync } from 'node:fs';\nimport Database from 'better-sqlite3';\nexport { readFileSync, Database };\n"],
  ])('allows %s', async (_what, path, code) => {
    expect(await ruleErrors(path, code)).toEqual([]);
  });
});

describe('import cycles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-lint-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // the repo's config, applied to files in a folder of their own
  const inTemp = new ESLint({ cwd: dir, overrideConfigFile: join(repoRoot, 'eslint.config.js') });
  const lintFiles = async (files: Record<string, string>, target: string) => {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const [result] = await inTemp.lintFiles([join(dir, target)]);
    return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId);
  };

  it('forbids two files importing each other', async () => {
    const errors = await lintFiles(
      {
        'ring.ts': "import { half } from './half.js';\nexport const whole = (): number => half() * 2;\n",
        'half.ts': "import { whole } from './ring.js';\nexport const half = (): number => whole() / 2;\n",
      },
      'ring.ts',
    );
    expect(errors).toEqual(['import-x/no-cycle']);
  });

  it('allows an import that goes one way', async () => {
    const errors = await lintFiles(
      {
        'top.ts': "import { leaf } from './leaf.js';\nexport const top = (): number => leaf() + 1;\n",
        'leaf.ts': 'export const leaf = (): number => 1;\n',
      },
      'top.ts',
    );
    expect(errors).toEqual([]);
  });
});
