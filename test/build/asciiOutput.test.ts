/**
 * The bundle is pure ASCII (scripts/asciiOutput.mjs): non-ASCII characters esbuild leaves in
 * comments, regular expressions and identifiers become `\uXXXX` escapes, which mean the same; one in
 * a string or a template stops the build.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

interface Patch {
  asciiOnly(text: string, name?: string): string;
}
const patch = (await import(pathToFileURL(resolve('scripts/asciiOutput.mjs')).href)) as Patch;

/** What a module's code gives, run as a function body. */
const run = (code: string): unknown => new Function(code)();

describe('the bundle in ASCII only', () => {
  it('comments, regular expressions (no flag, u, v; a character outside the BMP too) and names mean what they meant', () => {
    const code = [
      '/** an actor’s snapshot → its view: F1–F6 */',
      'const жи = 2; // ₽ in a comment',
      'const blank = (row) => row.replace(/[│║|\\s]/g, "") === "";',
      'const money = /-?\\d+[.,]\\d{2}\\s₽$/;',
      'const smile = /^😀+$/u;',
      'const set = /^[▸😀]$/v;',
      'const legacy = /^[😀]$/;',
      // the strings as escapes (esbuild writes them so): only the comments, the expressions and the name hold the characters
      'const [bar, bars, rouble, grin, tri, half] = ["\\u2502", "\\u2502 \\u2551 |", "12,00 \\u20bd", "\\ud83d\\ude00", "\\u25b8", "\\ud83d"];',
      'return [жи, blank(bars), blank(bar + "x"), money.test(rouble), money.test("12,00 $"), smile.test(grin + grin), smile.test(grin + "x"),',
      '  set.test(tri), set.test(grin), set.test(half), legacy.test(half), legacy.test(grin)];',
    ].join('\n');
    const ascii = patch.asciiOnly(code);
    expect(/[^\x00-\x7F]/.test(ascii)).toBe(false);
    expect(run(ascii)).toEqual(run(code));
    expect(run(code)).toEqual([2, true, false, true, false, true, false, true, true, false, true, false]);
  });

  it('stops at a non-ASCII character in a string or a template, where an escape would change the value', () => {
    expect(() => patch.asciiOnly('const a = String.raw`x₽y`;', 'raw.js')).toThrow(/raw\.js:1: a non-ASCII character in a string or template/);
    expect(() => patch.asciiOnly('// fine ₽\nconst a = "₽";', 'str.js')).toThrow(/str\.js:2/);
    expect(() => patch.asciiOnly('const a = `a ${1} ₽`;')).toThrow(/string or template/);
    expect(patch.asciiOnly('const a = 1;')).toBe('const a = 1;');
  });

  it("every JavaScript file of the built dist/ is ASCII, the kiosk's CommonJS script too (its loader reads it as latin1; npm test builds first)", () => {
    const dirs = ['dist', 'dist/chunks'].filter((dir) => existsSync(dir));
    expect(dirs).toEqual(['dist', 'dist/chunks']);
    const files = dirs.flatMap((dir) => readdirSync(dir).filter((name) => /\.c?js$/.test(name)).map((name) => join(dir, name)));
    expect(files.length).toBeGreaterThan(10);
    const nonAscii = files.filter((file) => /[^\x00-\x7F]/.test(readFileSync(file, 'utf8')));
    expect(nonAscii).toEqual([]);
  });
});
