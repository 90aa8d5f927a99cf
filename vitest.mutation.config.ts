import { defineConfig } from 'vitest/config';

/**
 * The tests `npm run mutation` (Stryker) runs against each mutant: the in-process ones that reach
 * src/domain, src/store and machines/. Left out: what spawns the built kiosk or a pty (test/process,
 * test/cli, test/bench), the linter (test/lint), and the Ink screens (test/ui, slow and aimed at the
 * screens, which are not mutated).
 *
 * MUTATION_TESTS=domain keeps only the fast unit and contract tests (test/domain, test/store,
 * test/rules): a first pass over src/domain and src/store in minutes instead of hours. Its survivors
 * are rerun by the next full run (the machine tests then cover them), the killed ones are kept.
 */
const FAST = ['test/domain/**/*.test.ts', 'test/store/**/*.test.ts', 'test/rules/**/*.test.ts'];
const ALL = [...FAST, 'test/machines/**/*.test.ts'];

export default defineConfig({
  test: {
    include: process.env.MUTATION_TESTS === 'domain' ? FAST : ALL,
    exclude: [
      // watches this process's main thread sleep on a lock; Stryker runs vitest in a worker thread
      'test/store/writeLock.test.ts',
      'test/process/**',
      'test/cli/**',
      'test/bench/**',
      'test/lint/**',
      'test/ui/**',
      '**/*.test.tsx',
    ],
    setupFiles: ['test/setup.ts'],
    // the store contract suites run against PostgreSQL too (test/store/adapters.ts)
    globalSetup: ['test/pgGlobalSetup.ts'],
    // one module graph for all test files: a mutant run re-imports nothing (seconds per mutant saved)
    isolate: false,
    // the machine is shared: the model-based walks take tens of seconds under load
    testTimeout: 120_000,
    reporters: ['default'],
  },
});
