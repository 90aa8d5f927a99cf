/**
 * Build-time patch of string-width (the bundle only; the tests run it as installed).
 *
 * Ink measures every line of text it lays out with string-width. Its fast path takes only printable
 * ASCII; any other line (a box-drawing rule, `·`, `₽`, `←`, every Russian word) goes through
 * Intl.Segmenter and three Unicode regular expressions a grapheme. On the kiosk's first screen that
 * was ~5 % of its cold start (issue 16), against nothing in an ASCII-only Ink hello.
 *
 * NARROW below is a class of characters that are each one column wide and never join a neighbour
 * into one grapheme (no combining marks, joiners, variation selectors, controls, format characters,
 * regional indicators, Hangul jamo): a line of them only is as wide as it is long, which is what the
 * original computes for it. Only with the default `ambiguousIsNarrow` (box drawing and Cyrillic are
 * East Asian "ambiguous"). `test/build/narrowWidths.test.ts` checks every character of the class
 * against the installed string-width, and random lines of them, and fails if the patch stops applying.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** Latin-1 and Latin Extended (not the soft hyphen), Cyrillic (not its combining marks), punctuation
 * (not the line separators and bidi controls), currency, letterlike, arrows, technical (not its
 * emoji), box drawing, blocks, geometric shapes (not its two emoji), dingbats up to ✧ (not ✅ ✊ ✋) */
export const NARROW =
  '\\u0020-\\u007E\\u00A0-\\u00AC\\u00AE-\\u02FF\\u0400-\\u0482\\u048A-\\u052F\\u2010-\\u2027\\u2030-\\u205E\\u20A0-\\u20C0\\u2100-\\u214F' +
  '\\u2190-\\u21FF\\u2300-\\u2319\\u231C-\\u2328\\u232B-\\u23E8\\u2500-\\u25FC\\u2700-\\u2704\\u2706-\\u2709\\u270C-\\u2727';

const FAST_PATH = 'if (/^[\\u0020-\\u007E]*$/.test(string)) {';

/** string-width's index.js with the wider fast path; throws if string-width changed so that it no longer applies. */
export function narrowFastPath(source) {
  if (source.split(FAST_PATH).length !== 2) throw new Error(`string-width/index.js: expected one "${FAST_PATH}" to patch (did string-width change?)`);
  if (!/ambiguousIsNarrow = true,/.test(source)) throw new Error('string-width/index.js: expected the option ambiguousIsNarrow (did string-width change?)');
  return source.replace(FAST_PATH, `if (/^[\\u0020-\\u007E]*$/.test(string) || (ambiguousIsNarrow && KIOSK_NARROW.test(string))) {`) +
    `\n// kiosk build (scripts/narrowWidths.mjs): one column a character, no grapheme joins\nconst KIOSK_NARROW = /^[${NARROW}]*$/;\n`;
}

/** string-width's file as Ink imports it (its own copy; wrap-ansi has an older one, left as it is) */
export const inkStringWidth = () => createRequire(createRequire(import.meta.url).resolve('ink')).resolve('string-width');

/** The esbuild plugin. */
export const narrowWidths = {
  name: 'narrow-widths',
  setup(b) {
    const file = inkStringWidth();
    b.onLoad({ filter: /[\\/]string-width[\\/]index\.js$/ }, async (args) =>
      args.path === file ? { contents: narrowFastPath(await readFile(args.path, 'utf8')), loader: 'js' } : undefined);
  },
};
