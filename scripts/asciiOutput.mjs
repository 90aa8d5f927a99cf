/**
 * After the build: every non-ASCII character left in the bundle's JavaScript is written as a `\uXXXX`
 * escape, so each file is pure ASCII.
 *
 * esbuild already escapes strings (its default `charset: 'ascii'`), but it leaves comments it keeps
 * (JSDoc inside classes) and regular-expression literals as written: `/[│║|\s]/`, `/\s₽$/`, an
 * arrow or a dash in a comment. One such character anywhere makes V8 hold the whole file as a
 * two-byte string: Node decodes its UTF-8 the slow way and V8 scans twice the bytes. The kiosk's
 * largest chunk (Ink, React and the kiosk's own code, ~1 MB) was one of them; a bare Ink app has
 * none. In a comment the escape is only text; in a regular expression (with or without the `u` or
 * `v` flag) `\uXXXX` is the same character, and a surrogate pair of escapes is the same code
 * point; in an identifier it is the same name. In a string or a template it would not be the same
 * (`String.raw` keeps its escapes), so there the build stops instead: esbuild escapes those itself,
 * except in a raw template. The files are tokenised with acorn (ESLint's parser, a dev dependency
 * like esbuild) to tell the places apart. `test/build/asciiOutput.test.ts` checks all of it.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenizer, tokTypes } from 'acorn';

const NON_ASCII = /[^\x00-\x7F]/g;
const escape = (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * `text` (a JavaScript module) with every UTF-16 code unit above 0x7F in a comment, a regular
 * expression or an identifier written as `\uXXXX`; throws naming the place if one is in a string
 * or a template, where the escape would change the value.
 */
export function asciiOnly(text, name = 'the file') {
  if (!/[^\x00-\x7F]/.test(text)) return text;
  const inStrings = [];
  for (const token of tokenizer(text, { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true })) {
    if (token.type === tokTypes.string || token.type === tokTypes.template || token.type === tokTypes.invalidTemplate) inStrings.push([token.start, token.end]);
  }
  return text.replace(NON_ASCII, (ch, at) => {
    if (inStrings.some(([start, end]) => at >= start && at < end)) {
      const line = text.slice(0, at).split('\n').length;
      throw new Error(`${name}:${line}: a non-ASCII character in a string or template (${JSON.stringify(ch)}): esbuild should have escaped it`);
    }
    return escape(ch);
  });
}

/** Rewrites the .js files directly in `dir` that hold a non-ASCII character; returns their names. */
export function asciiFiles(dir) {
  const changed = [];
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.js')) continue;
    const path = join(dir, name);
    const text = readFileSync(path, 'utf8');
    const ascii = asciiOnly(text, path);
    if (ascii === text) continue;
    writeFileSync(path, ascii);
    changed.push(name);
  }
  return changed;
}
