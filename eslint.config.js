// The linter keeps the layers (README, "Architecture"): behaviour in machines/, rendering in screens/,
// pure rules in src/domain, I/O in src/adapters and src/store. It checks imports, not style.
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** Zones and tsconfig are found from here, whichever folder ESLint runs in. */
const repoRoot = fileURLToPath(new URL('.', import.meta.url));

/** Every Node built-in, both spellings (`fs`, `node:fs`): each one is I/O or a process-wide effect. */
const nodeBuiltins = builtinModules.flatMap((name) => (name.startsWith('node:') ? [name] : [name, `node:${name}`]));
/** Packages that draw, store or spawn: none of them belongs in rules or behaviour. */
const ioPackages = ['react', 'react/jsx-runtime', 'ink', '@xstate/react', 'better-sqlite3', 'node-pty', '@xterm/headless', 'chalk'];

/** `import-x/no-restricted-paths` zones: `from` is matched against the file an import resolves to. */
const zone = (target, from, message) => ({ target, from, message });
const layerZones = [
  ...['./src/cli', './src/adapters', './src/store', './src/tape', './src/bench'].map((from) =>
    zone('./screens', from, 'screens render a View snapshot: no I/O, no CLI, no tape runner.'),
  ),
  ...['./src/app', './src/cli', './src/adapters', './src/store', './src/tape', './src/bench', './screens'].map((from) =>
    zone('./machines', from, 'machines hold behaviour only: they must not depend on the app shell, CLI, screens or I/O.'),
  ),
  ...['./src/app', './src/cli', './src/adapters', './src/store', './src/tape', './src/bench', './machines', './screens'].map(
    (from) => zone('./src/domain', from, 'src/domain is pure: it depends on nothing but itself, i18n and decimal.js.'),
  ),
];

/** `no-restricted-imports` by name, for what has no file in the repo (packages, Node built-ins). */
const forbidNames = (names, message) => names.map((name) => ({ name, message }));

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/**', '.stryker-tmp/**', 'reports/**'] },
  // typescript-eslint's recommended set costs little here: it found only unused names.
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      // import-x follows imports into .ts/.tsx files only when told they are modules it can parse
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${repoRoot}tsconfig.json` })],
    },
    rules: {
      // A cycle makes load order decide what is `undefined` at import time. `import type` edges are
      // erased at build and not counted (keep them acyclic by hand: src/tape/run/stepContext.ts).
      'import-x/no-cycle': ['error', { ignoreExternal: true, allowUnsafeDynamicCyclicDependency: false }],
      'import-x/no-restricted-paths': ['error', { zones: layerZones, basePath: repoRoot }],
      // `_name` marks a parameter or element kept for its position (callbacks, tuples).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['screens/**'],
    rules: {
      // Screens may name machines' types (erased at build) but never run machine code.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: forbidNames([...nodeBuiltins, 'better-sqlite3', 'node-pty', '@xstate/react'], 'screens render a View snapshot: no I/O, no actors.'),
          patterns: [
            {
              group: ['**/machines', '**/machines/**'],
              allowTypeImports: true,
              message: 'screens render a View snapshot: import machines only with `import type`.',
            },
            {
              // the View's type, yes; the app shell's code (keymap, key feed, actors), no
              group: ['**/src/app/*'],
              allowTypeImports: true,
              message: 'screens render a View snapshot: import the app shell only with `import type`.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['machines/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: forbidNames([...ioPackages, ...nodeBuiltins], 'machines hold behaviour only: I/O and rendering live outside.') },
      ],
    },
  },
  {
    files: ['src/domain/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: forbidNames([...ioPackages, ...nodeBuiltins], 'src/domain is pure: no I/O, no rendering.') },
      ],
    },
  },
);
