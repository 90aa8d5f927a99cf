import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    setupFiles: ['test/setup.ts'],
    // Model-based and property tests walk many paths; none waits on real time.
    testTimeout: 30_000,
    reporters: ['default'],
  },
});
