import { defineConfig } from 'vitest/config';

/**
 * The tests `npm run mutation` (Stryker) runs against each mutant: the in-process ones that reach
 * src/domain, src/store and machines/. Left out: what spawns the built kiosk or a pty (test/process,
 * test/cli, test/bench), the linter (test/lint), and the Ink screens (test/ui, slow and aimed at the
 * screens, which are not mutated).
 */
export default defineConfig({
  test: {
    include: [
      'test/domain/**/*.test.ts',
      'test/store/**/*.test.ts',
      'test/machines/**/*.test.ts',
      'test/rules/**/*.test.ts',
    ],
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
    testTimeout: 30_000,
    reporters: ['default'],
  },
});
