/**
 * Build-time patch of Ink's output.js (the bundle only; the tests run Ink as installed).
 *
 * Ink turns every frame into text through a new `Output`, and each `Output` starts with empty
 * caches: every line is tokenised again (its ANSI codes into styled characters) and every
 * character measured again, though a kiosk screen repeats most of its lines frame after frame. In
 * colour that is most of a frame's cost (the tape report draws every step's frame in colour). Here
 * every `Output` shares one set of the same caches; the cached values are never mutated, so the
 * frames are the same bytes. The set is dropped when it holds `LIMIT` entries, which bounds memory.
 * Likewise every empty cell of the grid a frame is laid into is one frozen blank (Ink made a new
 * object and array per cell, 3,000 a 100×30 frame, for the collector); cells are replaced, never changed.
 */
import { readFile } from 'node:fs/promises';

/** entries (lines and characters) kept before the caches start afresh: a few MiB at most */
export const LIMIT = 4000;

const TARGET = 'caches = new OutputCaches();';
/** the grid's empty cell, as Ink writes it */
const BLANK = /row\.push\(\{\s*type: 'char',\s*value: ' ',\s*fullWidth: false,\s*styles: \[\],?\s*\}\);/g;

/** Ink's output.js with the shared caches; throws if Ink changed so that the patch no longer applies. */
export function shareOutputCaches(source) {
  if (source.split(TARGET).length !== 2) throw new Error(`ink/build/output.js: expected one "${TARGET}" to patch (did Ink change?)`);
  if ((source.match(BLANK) ?? []).length !== 1) throw new Error('ink/build/output.js: expected one empty cell pushed into the grid to patch (did Ink change?)');
  return `${source.replace(TARGET, 'caches = sharedOutputCaches();').replace(BLANK, 'row.push(BLANK_CELL);')}
// kiosk build (scripts/inkSharedCaches.mjs): one set of caches for every frame, bounded; one blank cell
const BLANK_CELL = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) });
let sharedCaches = new OutputCaches();
function sharedOutputCaches() {
  if (sharedCaches.styledChars.size + sharedCaches.widths.size + sharedCaches.blockWidths.size >= ${LIMIT}) sharedCaches = new OutputCaches();
  return sharedCaches;
}
`;
}

const DIFF = 'ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));';

/**
 * @alcalzone/ansi-tokenize's styledCharsToString, which Ink calls on every line of every frame,
 * works out the codes between each pair of neighbouring characters (`diffAnsiCodes`: three sets and
 * two filters a character). Neighbours nearly always share their style, and the diff of two equal
 * styles is empty, so equal ones are skipped: the same string, without the sets.
 */
export function skipEqualStyles(source) {
  if (source.split(DIFF).length !== 2) throw new Error(`@alcalzone/ansi-tokenize/build/styledChars.js: expected one "${DIFF}" to patch (did it change?)`);
  return `${source.replace(DIFF, 'if (!sameStyles(chars[i - 1].styles, char.styles)) ' + DIFF)}
// kiosk build (scripts/inkSharedCaches.mjs): equal styles need no codes between them
function sameStyles(a, b) {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k].code !== b[k].code || a[k].endCode !== b[k].endCode) return false;
  return true;
}
`;
}

/** The esbuild plugin that applies both. */
export const inkSharedCaches = {
  name: 'ink-shared-caches',
  setup(b) {
    b.onLoad({ filter: /[\\/]ink[\\/]build[\\/]output\.js$/ }, async (args) => ({ contents: shareOutputCaches(await readFile(args.path, 'utf8')), loader: 'js' }));
    b.onLoad({ filter: /[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/ }, async (args) => ({ contents: skipEqualStyles(await readFile(args.path, 'utf8')), loader: 'js' }));
  },
};
