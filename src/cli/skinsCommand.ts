/** `kiosk skins`: the terminal brands (R-TERM-4), each with its path to AliExpress; `--check FILE` checks a skin file. */
import { readFileSync } from 'node:fs';
import { parseOptions, parseLang, UsageError } from './args.js';
import { printHelp } from './helpText.js';
import { BUILT_IN_SKINS, DEFAULT_SKIN, MENU_NAMES, parseSkinFile, routeItem, type Skin } from '../domain/skins/index.js';
import type { Lang } from '../domain/money.js';

export const SKINS_USAGE = `kiosk skins — the terminal brands the kiosk can wear (--skin NAME)

Usage:
  kiosk skins [--lang ru|en]      each brand with its path to AliExpress
  kiosk skins --check FILE        check a skin file of your own (for --skin-file FILE)

A skin file is JSON: "id", "name", "header" and "receiptHeader" ({"ru": "…", "en": "…"}, the header
may hold {terminal}), "colors" (frame, headerBackground, headerText, button: Ink colour names),
"labels" (every screen title and button: idle.title, menu.title, services.title, catalogs.title,
order.title, check.title, phone.title, cash.title, receipt.title, help.title, button.back,
button.next, button.backspace, button.clear, button.operator, button.otherNumber,
button.mainMenu, button.done, button.pay, button.help, button.closeHelp), and "menus": "main",
"services", "catalogs", lists of {"id", "label", "hotkey", "opens"?}. In each menu exactly one item
opens the next: main → "services", services → "catalogs", catalogs → "aliexpress". Hotkeys are one
digit or letter, unique in their menu; L, H and Esc are the kiosk's own.
`;

/** One line a brand: its id, name and the labels of its path to AliExpress. */
export function skinLine(skin: Skin, lang: Lang): string {
  const path = MENU_NAMES.map((menu) => routeItem(skin, menu)?.label[lang] ?? '?').join(' → ');
  return `${skin.id.padEnd(10)} ${skin.name.padEnd(10)} ${path}${skin === DEFAULT_SKIN ? lang === 'ru' ? ' (по умолчанию)' : ' (default)' : ''}`;
}

export async function runSkins(argv: string[]): Promise<number> {
  const parsed = parseOptions(argv, { lang: { type: 'string' }, check: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } }, false);
  if (parsed.values.help) return void printHelp(SKINS_USAGE), 0;
  const lang = parseLang(parsed.values.lang, process.env, 'en');
  const file = parsed.values.check;
  if (file !== undefined) {
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch (error) {
      throw new UsageError(`--check: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 'skins');
    }
    const checked = parseSkinFile(source);
    if (!checked.ok) {
      process.stderr.write(`${file} is not a usable skin:\n${checked.errors.map((e) => `  ${e}`).join('\n')}\n`);
      return 1;
    }
    process.stdout.write(`${file}: OK\n${skinLine(checked.skin, lang)}\n`);
    return 0;
  }
  process.stdout.write(`${BUILT_IN_SKINS.map((s) => skinLine(s, lang)).join('\n')}\n`);
  return 0;
}
