/**
 * The bundle's patch of string-width (scripts/narrowWidths.mjs): a line of characters that are each
 * one column wide and never join into one grapheme takes the fast path, and measures what the
 * installed string-width measures.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { ru } from '../../src/i18n/ru.js';

interface Patch {
  NARROW: string;
  narrowFastPath(source: string): string;
  inkStringWidth(): string;
}
type Width = (text: string, options?: { ambiguousIsNarrow?: boolean }) => number;

const patch = (await import(pathToFileURL(resolve('scripts/narrowWidths.mjs')).href)) as Patch;
const original = readFileSync(patch.inkStringWidth(), 'utf8');

/** The patched file, written where its imports (strip-ansi, get-east-asian-width) resolve from the repo's node_modules. */
async function patchedWidth(): Promise<Width> {
  const file = resolve('node_modules/.cache/kiosk-tests/stringWidthNarrow.mjs');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, patch.narrowFastPath(original));
  return ((await import(pathToFileURL(file).href)) as { default: Width }).default;
}

/** Every code point of the class, from its ranges. */
function narrowCodePoints(): number[] {
  const points: number[] = [];
  for (const [, from, to] of patch.NARROW.matchAll(/\\u([0-9A-F]{4})-\\u([0-9A-F]{4})/g)) {
    for (let c = parseInt(from as string, 16); c <= parseInt(to as string, 16); c++) points.push(c);
  }
  return points;
}

/** Characters that make or change a grapheme with their neighbours, or take no column. */
const JOINS_OR_ZERO = new RegExp('[\\p{Grapheme_Extend}\\p{Mc}\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Regional_Indicator}\\p{Default_Ignorable_Code_Point}\\p{Cn}\\p{Co}\\p{Cs}\\p{Emoji_Presentation}]', 'v');
const HANGUL_JAMO = /[\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF]/;

describe('string-width with the kiosk\'s narrow fast path (the bundle)', () => {
  it('applies to the string-width Ink imports, and refuses a file it does not recognise', () => {
    expect(patch.narrowFastPath(original)).toContain('KIOSK_NARROW.test(string)');
    expect(() => patch.narrowFastPath(original.replace('[\\u0020-\\u007E]', '[\\u0020-\\u007F]'))).toThrow(/did string-width change/);
  });

  it('every character of the class is one column wide by the installed string-width, and joins no neighbour', () => {
    const points = narrowCodePoints();
    expect(points.length).toBeGreaterThan(1500);
    const wrong = points.filter((c) => {
      const ch = String.fromCodePoint(c);
      return stringWidth(ch) !== 1 || JOINS_OR_ZERO.test(ch) || HANGUL_JAMO.test(ch);
    });
    expect(wrong.map((c) => c.toString(16))).toEqual([]);
  });

  it('measures random lines of the class, and lines around it, as the installed string-width does', async () => {
    const width = await patchedWidth();
    const points = narrowCodePoints();
    // a fixed sequence (xorshift), so a failure repeats
    let seed = 0x2f6b_1d3a;
    const next = () => ((seed ^= seed << 13), (seed ^= seed >>> 17), (seed ^= seed << 5), (seed >>> 0) / 2 ** 32);
    const outside = ['\u0301', '\u200D', '\uFE0F', '✅', '世', '\u00AD', '\t', '\x1b[31m', '👍🏽', '\u1100\u1161'];
    for (let n = 0; n < 3000; n++) {
      let line = '';
      const length = Math.floor(next() * 40);
      for (let i = 0; i < length; i++) line += String.fromCodePoint(points[Math.floor(next() * points.length)] as number);
      // one line in three carries a character outside the class, which must take the long way
      if (n % 3 === 0) line = line.slice(0, length / 2) + outside[n % outside.length] + line.slice(length / 2);
      expect(width(line), JSON.stringify(line)).toBe(stringWidth(line));
      expect(width(line, { ambiguousIsNarrow: false }), JSON.stringify(line)).toBe(stringWidth(line, { ambiguousIsNarrow: false }));
    }
  });

  it("measures every line of the kiosk's own words (both languages) as the installed string-width does", async () => {
    const width = await patchedWidth();
    const lines = [...Object.values(en), ...Object.values(ru)].flatMap((text) => text.split('\n'));
    expect(lines.length).toBeGreaterThan(1000);
    const differ = lines.filter((line) => width(line) !== stringWidth(line));
    expect(differ).toEqual([]);
    // most of them take the fast path now: the point of the patch
    const fast = new RegExp(`^[${patch.NARROW}]*$`);
    expect(lines.filter((line) => !fast.test(line)).length).toBeLessThan(lines.length / 20);
  });
});
