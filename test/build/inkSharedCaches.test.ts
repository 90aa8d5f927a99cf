/**
 * The bundle's patch of Ink's output.js (scripts/inkSharedCaches.mjs): every frame's Output shares
 * one set of caches and one blank cell, and a frame comes out the same as with Ink's own file.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';

interface OutputLike {
  caches: unknown;
  write(x: number, y: number, text: string, options: { transformers: Array<(line: string, index: number) => string> }): void;
  get(): { output: string; height: number };
}
type OutputClass = new (size: { width: number; height: number }) => OutputLike;
interface Patch {
  LIMIT: number;
  shareOutputCaches(source: string): string;
  skipEqualStyles(source: string): string;
}
interface Tokenize {
  styledCharsToString(chars: unknown[]): string;
  styledCharsFromTokens(tokens: unknown[]): unknown[];
  tokenize(text: string): unknown[];
}

const patch = (await import(pathToFileURL(resolve('scripts/inkSharedCaches.mjs')).href)) as Patch;
// ink's package exports only its entry: its output.js is found beside the entry
const inkOutput = join(dirname(createRequire(import.meta.url).resolve('ink')), 'output.js');

/** The patched file, written where its imports (slice-ansi, …) resolve from the repo's node_modules. */
async function patchedOutput(): Promise<OutputClass> {
  const file = resolve('node_modules/.cache/kiosk-tests/inkOutputShared.mjs');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, patch.shareOutputCaches(readFileSync(inkOutput, 'utf8')));
  return ((await import(pathToFileURL(file).href)) as { default: OutputClass }).default;
}

const colour = new Chalk({ level: 3 });
const frame = (Output: OutputClass, lines: string[]) => {
  const output = new Output({ width: 30, height: lines.length });
  lines.forEach((line, y) => output.write(0, y, line, { transformers: [(text) => colour.bgBlue(text)] }));
  return output;
};

describe("Ink's output.js with shared caches (the bundle)", () => {
  it('applies to the installed Ink, and refuses a file it does not recognise', () => {
    const patched = patch.shareOutputCaches(readFileSync(inkOutput, 'utf8'));
    expect(patched).toContain('caches = sharedOutputCaches();');
    expect(patched).toContain('row.push(BLANK_CELL);');
    expect(() => patch.shareOutputCaches('export default class Output {}')).toThrow(/ink\/build\/output\.js.*did Ink change/);
    expect(() => patch.shareOutputCaches('class Output { caches = new OutputCaches(); }')).toThrow(/empty cell.*did Ink change/);
  });

  it("draws the same bytes as Ink's own Output, frame after frame, from one set of caches", async () => {
    const Shared = await patchedOutput();
    const Own = ((await import(pathToFileURL(inkOutput).href)) as { default: OutputClass }).default;
    const screens = [
      [colour.bold.inverse(' Оплатить '), colour.dim('4 750,00 ₽'), 'plain 中文 text'],
      [colour.bold.inverse(' Оплатить '), colour.red.strikethrough('5 000,00 ₽'), 'plain 中文 text'],
    ];
    const drawn = screens.map((lines) => frame(Shared, lines));
    expect(drawn.map((o) => o.get().output)).toEqual(screens.map((lines) => frame(Own, lines).get().output));
    expect(drawn[0]!.caches).toBe(drawn[1]!.caches);
  });

  it('starts afresh once the caches hold LIMIT entries, so memory stays bounded', async () => {
    const Shared = await patchedOutput();
    const first = frame(Shared, ['x']);
    first.get();
    for (let i = 0; frame(Shared, ['y']).caches === first.caches && i <= patch.LIMIT; i++) frame(Shared, [`line ${i}`]).get();
    expect(frame(Shared, ['z']).caches).not.toBe(first.caches);
  });
});

describe("ansi-tokenize's styledCharsToString skipping equal neighbours (the bundle)", () => {
  // ESM only (no `require` entry): Ink's copy, where Ink resolves it from
  const tokenizeDir = resolve('node_modules/@alcalzone/ansi-tokenize/build');

  it('applies to the installed file, and refuses one it does not recognise', () => {
    expect(patch.skipEqualStyles(readFileSync(join(tokenizeDir, 'styledChars.js'), 'utf8'))).toContain('if (!sameStyles(');
    expect(() => patch.skipEqualStyles('export function styledCharsToString() {}')).toThrow(/styledChars\.js.*did it change/);
  });

  it('turns styled characters into the same string as the original, for every kind of style and change between them', async () => {
    const file = join(tokenizeDir, 'styledCharsSkip.kiosk-test.js');
    writeFileSync(file, patch.skipEqualStyles(readFileSync(join(tokenizeDir, 'styledChars.js'), 'utf8')));
    try {
      const patched = (await import(pathToFileURL(file).href)) as Pick<Tokenize, 'styledCharsToString'>;
      const own = (await import(pathToFileURL(join(tokenizeDir, 'index.js')).href)) as Tokenize;
      const lines = [
        colour.bold.inverse(' Оплатить ') + colour.dim('4 750,00 ₽') + ' plain',
        colour.bgBlue(`${colour.red('a')}b${colour.bold.dim('cd')}${colour.italic.underline('e')} ${colour.hex('#ff8800')('f')}${colour.bgAnsi256(200)('g')}`),
        colour.strikethrough('x') + colour.strikethrough('y') + colour.inverse('中文') + 'z',
        'no styles at all',
        '',
      ];
      for (const line of lines) {
        const chars = own.styledCharsFromTokens(own.tokenize(line));
        expect(patched.styledCharsToString(chars)).toBe(own.styledCharsToString(chars));
      }
    } finally {
      rmSync(file, { force: true });
    }
  });
});
