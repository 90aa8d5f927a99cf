/**
 * A skin a user writes (`kiosk --skin-file my.json`), checked with errors a person can act on: each
 * names where in the file it is. Written by hand rather than with a schema library: the checks that
 * matter here are across fields (a duplicated hotkey, a path that never reaches AliExpress), which a
 * JSON schema does not express, and the messages should speak of menus and labels, not of schemas.
 */
import { MENU_NAMES, RESERVED_HOTKEYS, ROUTE, ROUTE_BUTTON_ID, SKIN_LABEL_KEYS, type LocalText, type MenuItem, type MenuName, type Skin } from './skin.js';

export type SkinCheck = { ok: true; skin: Skin } | { ok: false; errors: string[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const COLOR_KEYS = ['frame', 'headerBackground', 'headerText', 'button'] as const;
/** Widest label that fits its button at 80×24: a main-menu column, or a list row. */
export const MAIN_LABEL_MAX = 19;
export const LIST_LABEL_MAX = 40;

function localText(value: unknown, where: string, errors: string[]): LocalText {
  if (!isObject(value)) {
    errors.push(`${where}: missing (give {"ru": "…", "en": "…"})`);
    return { ru: '', en: '' };
  }
  for (const lang of ['ru', 'en'] as const) {
    if (typeof value[lang] !== 'string' || (value[lang] as string).trim() === '') errors.push(`${where}.${lang}: missing label`);
  }
  return { ru: String(value.ru ?? ''), en: String(value.en ?? '') };
}

function menu(value: unknown, name: MenuName, errors: string[]): MenuItem[] {
  const where = `menus.${name}`;
  if (!Array.isArray(value) || value.length === 0) {
    errors.push(`${where}: missing (a list of items {"id", "label", "hotkey", "opens"?})`);
    return [];
  }
  const items: MenuItem[] = value.map((raw: unknown, i) => {
    const at = `${where}[${i}]`;
    const o = isObject(raw) ? raw : {};
    if (!isObject(raw)) errors.push(`${at}: not an object`);
    const id = typeof o.id === 'string' && o.id !== '' ? o.id : (errors.push(`${at}.id: missing`), `item${i}`);
    const label = localText(o.label, `${at}.label`, errors);
    const hotkey = typeof o.hotkey === 'string' && /^[0-9a-z]$/i.test(o.hotkey) ? o.hotkey.toLowerCase() : (errors.push(`${at}.hotkey: one digit or letter`), '');
    if ((RESERVED_HOTKEYS as readonly string[]).includes(hotkey)) errors.push(`${at}.hotkey "${hotkey}" is the kiosk's own (${RESERVED_HOTKEYS.join(', ')})`);
    // the main menu is two columns at 80×24: "▸[1] " and a space around the label leave it 19 columns (17 with "[A/Ф] ")
    const widest = name === 'main' ? (/^[0-9]$/.test(hotkey) ? MAIN_LABEL_MAX : MAIN_LABEL_MAX - 2) : LIST_LABEL_MAX;
    for (const lang of ['ru', 'en'] as const) {
      if ([...label[lang]].length > widest) errors.push(`${at}.label.${lang}: "${label[lang]}" is longer than ${widest} characters and would wrap at 80×24`);
    }
    const opens = o.opens;
    if (opens !== undefined && opens !== 'services' && opens !== 'catalogs' && opens !== 'aliexpress') errors.push(`${at}.opens: one of services, catalogs, aliexpress`);
    return { id, label, hotkey, ...(typeof opens === 'string' ? { opens: opens as MenuItem['opens'] & string } : {}) };
  });
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.hotkey);
    if (item.hotkey !== '' && first !== undefined) errors.push(`${where}[${i}].hotkey "${item.hotkey}" duplicated: ${where}[${first}] has it too`);
    else seen.set(item.hotkey, i);
    if (!item.opens && item.id === ROUTE_BUTTON_ID[name]) errors.push(`${where}[${i}].id "${item.id}" is kept for the item that opens ${ROUTE[name]}`);
  });
  const ids = items.map((i) => i.id);
  ids.forEach((id, i) => ids.indexOf(id) !== i && errors.push(`${where}[${i}].id "${id}" duplicated`));
  return items;
}

/** The path main → services → catalogs → AliExpress: each menu needs exactly one item that goes on. */
function checkPath(menus: Record<MenuName, MenuItem[]>, errors: string[]): void {
  for (const name of MENU_NAMES) {
    const onward = menus[name].filter((i) => i.opens === ROUTE[name]);
    const astray = menus[name].filter((i) => i.opens !== undefined && i.opens !== ROUTE[name]);
    for (const item of astray) errors.push(`menus.${name}: "${item.id}" opens ${item.opens}, but from ${name} only ${ROUTE[name]} can be opened`);
    if (onward.length === 0) errors.push(`the path never reaches AliExpress: no item of menus.${name} opens ${ROUTE[name]}`);
    if (onward.length > 1) errors.push(`menus.${name}: ${onward.length} items open ${ROUTE[name]}; exactly one may`);
  }
}

export function checkSkin(value: unknown): SkinCheck {
  const errors: string[] = [];
  if (!isObject(value)) return { ok: false, errors: ['the skin must be a JSON object'] };
  const id = typeof value.id === 'string' && /^[a-z0-9-]{1,32}$/.test(value.id) ? value.id : (errors.push('id: missing (lower-case letters, digits, "-")'), 'custom');
  const name = typeof value.name === 'string' && value.name !== '' ? value.name : id;
  const header = localText(value.header, 'header', errors);
  const receiptHeader = localText(value.receiptHeader, 'receiptHeader', errors);
  const rawColors = isObject(value.colors) ? value.colors : {};
  const colors = Object.fromEntries(COLOR_KEYS.map((k) => [k, typeof rawColors[k] === 'string' ? rawColors[k] : (errors.push(`colors.${k}: missing`), 'white')])) as unknown as Skin['colors'];
  const rawLabels = isObject(value.labels) ? value.labels : {};
  if (!isObject(value.labels)) errors.push(`labels: missing (${SKIN_LABEL_KEYS.join(', ')})`);
  const labels = Object.fromEntries(SKIN_LABEL_KEYS.map((k) => [k, localText(rawLabels[k], `labels["${k}"]`, errors)])) as Skin['labels'];
  const rawMenus = isObject(value.menus) ? value.menus : {};
  const menus = { main: menu(rawMenus.main, 'main', errors), services: menu(rawMenus.services, 'services', errors), catalogs: menu(rawMenus.catalogs, 'catalogs', errors) };
  checkPath(menus, errors);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, skin: { id, name, header, receiptHeader, colors, labels, menus } };
}

/** A skin file's text: its JSON, then its content. */
export function parseSkinFile(source: string): SkinCheck {
  try {
    return checkSkin(JSON.parse(source));
  } catch (error) {
    return { ok: false, errors: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
}
