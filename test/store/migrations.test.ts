import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/store/migrations.js';

const FOLDER = join(import.meta.dirname, '..', '..', 'src', 'store', 'migrations');

describe('the SQLite migrations, one file each', () => {
  it('are numbered 1 … N in order, with no gap, and the latest version is N', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it("every vNN-….ts file is in the list, and its number is its migration's version", () => {
    const files = readdirSync(FOLDER).filter((f) => /^v\d+-/.test(f)).sort();
    expect(files.map((f) => Number(/^v(\d+)-/.exec(f)![1]))).toEqual(MIGRATIONS.map((m) => m.version));
  });
});
