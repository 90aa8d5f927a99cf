// @ts-check
/**
 * Mutation testing (`npm run mutation`, README "Tests"): Stryker changes src/domain, src/store and
 * machines/ in small ways and counts the changes no in-process test notices. Not part of `npm test`.
 * `--incremental` reuses reports/stryker-incremental.json (committed), so a re-run after a change
 * tests only the mutants whose code or covering tests changed.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  // A static mutant (a module-level constant) is covered by every test, so each costs a whole run of
  // the suite (minutes here); they are left out of the score rather than making a run take hours.
  ignoreStatic: true,
  mutate: [
    'src/domain/**/*.ts',
    'src/store/**/*.ts',
    'machines/**/*.ts',
    '!src/store/better-sqlite3.d.ts',
  ],
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['html', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  // The machine is shared: two test processes at most (override with --concurrency).
  concurrency: 2,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  // A mutant that loops is cut off this long after its tests' normal time (the machine is shared and slow).
  timeoutMS: 8_000,
  // The first run of every in-process test, one worker thread, gathering each test's coverage: minutes
  // on a quiet machine, more than Stryker's default 5 under load.
  dryRunTimeoutMinutes: 40,
};
