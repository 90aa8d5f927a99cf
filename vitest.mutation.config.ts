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
 *
 * MUTATION_TESTS=<glob>[,<glob>…] runs only those test files (e.g. the unit tests of the one file being
 * mutated): a run over one small file then starts in seconds instead of minutes. Its survivors may be
 * killed by a test left out, so a score measured this way is a lower bound (the README says which set).
 *
 * MUTATION_PG=off starts no PostgreSQL server: Stryker restarts its test runner often, and each restart
 * started the run's server again (under load most of a store file's kills were then timeouts). The
 * contract suites then run against memory and SQLite only (test/store/adapters.ts reads the provided
 * `pgServerless`), and the files that need the server are left out. `npm test` (vitest.config.ts) has no
 * such switch: it always starts the server and runs every PostgreSQL test.
 *
 * MUTATION_PG_URL (set by `npm run mutation`, scripts/mutation.mjs) is the superuser URL of one server
 * started for the whole Stryker run: a runner's restart then starts nothing. Without it and without
 * MUTATION_PG=off (a bare `npx stryker run`), each runner starts its own (test/pgGlobalSetup.ts).
 */
const WITHOUT_PG = withoutPg(process.env.MUTATION_PG);
function withoutPg(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'on') return false;
  if (value === 'off') return true;
  throw new Error(`MUTATION_PG=${value}: expected off (no PostgreSQL server) or on`);
}
const RUN_SERVER = WITHOUT_PG ? undefined : process.env.MUTATION_PG_URL || undefined;
/** the in-process files that cannot run without the server: PgStore's own tests, and one that starts its own */
const NEED_PG = ['test/store/pg*.test.ts', 'test/store/contested.test.ts', 'test/store/journaledRegistry.test.ts'];

const FAST = ['test/domain/**/*.test.ts', 'test/store/**/*.test.ts', 'test/rules/**/*.test.ts'];
const ALL = [...FAST, 'test/machines/**/*.test.ts', 'test/training/**/*.test.ts'];
const pick = (set: string | undefined): string[] =>
  !set ? ALL : set === 'domain' ? FAST : set.split(',').map((glob) => glob.trim()).filter(Boolean);

export default defineConfig({
  test: {
    include: pick(process.env.MUTATION_TESTS),
    exclude: [
      // watches this process's main thread sleep on a lock; Stryker runs vitest in a worker thread
      'test/store/writeLock.test.ts',
      // replays every generated path of the kiosk: 60 s quiet, past its 150 s guard in Stryker's first
      // run at load 12 (every line counting its mutants' coverage); the focused kiosk tests stay
      'test/machines/kiosk.model.test.ts',
      // every exercise on every seed, and Try-from-here from every step of the catalog: 25 s and 37 s quiet,
      // each a minute of instrumented first run; the focused training tests (derive, variants, policy) stay
      'test/training/variants.property.test.ts',
      'test/training/tryFromHere.catalog.test.ts',
      'test/process/**',
      'test/cli/**',
      'test/bench/**',
      'test/lint/**',
      'test/ui/**',
      '**/*.test.tsx',
      ...(WITHOUT_PG ? NEED_PG : []),
    ],
    setupFiles: ['test/setup.ts'],
    // the store contract suites run against PostgreSQL too (test/store/adapters.ts), unless MUTATION_PG=off
    globalSetup: WITHOUT_PG || RUN_SERVER ? [] : ['test/pgGlobalSetup.ts'],
    provide: WITHOUT_PG ? { pgServerless: true } : RUN_SERVER ? { pgAdminUrl: RUN_SERVER } : {},
    // one module graph for all test files: a mutant run re-imports nothing (seconds per mutant saved)
    isolate: false,
    // the machine is shared: the model-based walks take tens of seconds under load
    testTimeout: 120_000,
    reporters: ['default'],
  },
});
