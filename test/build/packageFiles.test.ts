/**
 * What `npm pack` puts in the tarball (package.json "files"): the built program and the tape
 * library's types, nothing of the checkout's tests, reports or sources, and every file the package's
 * bin and exports name.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface PackedFile { path: string }
interface Manifest {
  bin: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
  scripts: Record<string, string>;
}

/** The tarball's file list as npm would pack it now (the build has run: `npm test` builds first). */
function packedPaths(): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [packed] = JSON.parse(out) as Array<{ files: PackedFile[] }>;
  return (packed?.files ?? []).map((file) => file.path);
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
const strip = (path: string): string => path.replace(/^\.\//, '');

describe('the npm package', () => {
  const paths = packedPaths();

  it('holds only the built program, the types and npm\'s own files', () => {
    const outside = paths.filter((path) => !/^(dist|types)\//.test(path) && !['package.json', 'README.md'].includes(path));
    expect(outside).toEqual([]);
    expect(paths.some((path) => path.startsWith('test/') || path.startsWith('reports/'))).toBe(false);
  });

  it('holds every file its bin and exports name', () => {
    const named = [
      ...Object.values(manifest.bin),
      ...Object.values(manifest.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target))),
    ].map(strip);
    expect(named.filter((file) => file !== 'package.json' && !paths.includes(file))).toEqual([]);
    expect(named).toContain('dist/kiosk.js');
  });

  it('builds before it packs, so a fresh checkout packs a program and not an empty folder', () => {
    expect(manifest.scripts['prepack']).toMatch(/npm run build/);
  });
});
