/**
 * scripts/mutation.mjs (`npm run mutation`): one PostgreSQL server for a whole Stryker run. Its bad
 * setting is refused before anything starts (no server, no Stryker), naming the value.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('npm run mutation', () => {
  it('refuses a MUTATION_PG it does not know, naming it, before starting a server or Stryker', () => {
    const run = spawnSync(process.execPath, ['scripts/mutation.mjs', '--mutate', 'src/domain/money.ts'], {
      env: { ...process.env, MUTATION_PG: 'of' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('mutation: MUTATION_PG=of: expected off (no PostgreSQL server) or on\n');
    expect(run.stdout).toBe('');
  });
});
