import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtInFolder, CATALOG_FILE, catalogJson, readCatalog } from '../../src/training/catalog.js';
import { builtInExercises, loadExercises } from '../../src/training/load.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the built-in exercises' folder, as the build puts it in dist/exercises. */
function copyOfBuiltIns(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-catalog-test-'));
  dirs.push(dir);
  cpSync(builtInFolder(), dir, { recursive: true });
  return dir;
}

describe("the build's exercise catalog (the kiosk's start reads it instead of the YAML)", () => {
  it('reads back exactly the exercises the YAML loader makes of the same folder, files named the same', () => {
    const dir = copyOfBuiltIns();
    const loaded = loadExercises(dir);
    writeFileSync(join(dir, CATALOG_FILE), catalogJson(loaded, dir));
    const read = readCatalog(dir);
    expect(read).toHaveLength(loaded.length);
    expect(read).toEqual(loaded);
  });

  it('is absent from the sources, so tests and `kiosk train` from the sources parse the YAML', () => {
    expect(existsSync(join(builtInFolder(), CATALOG_FILE))).toBe(false);
    expect(readCatalog()).toBeNull();
    expect(builtInExercises()).toEqual(loadExercises(builtInFolder()));
  });
});
