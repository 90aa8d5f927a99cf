/**
 * The benchmark's entry: Ink decides at import time whether it runs in CI (and then draws only the
 * last frame), and ES modules evaluate every static import before the importer's first line. So the
 * CI variables are cleared here, and the benchmark itself is imported only afterwards.
 */
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
await import('./main.js');

export {};
