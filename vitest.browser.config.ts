import { defineConfig } from 'vitest/config';

/**
 * The browser suite (`npm run test:browser`): the HTML reports opened in Debian's chromium through
 * playwright-core (never a browser of Playwright's own). Kept apart from `npm test`, which stays
 * browser-free; its files end in .browser.ts so the main config never picks them up.
 */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // one browser at a time: the machine is shared, and screenshots want a quiet page
    fileParallelism: false,
    reporters: ['default'],
  },
});
