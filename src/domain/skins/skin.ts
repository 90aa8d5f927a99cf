/**
 * A terminal brand ("skin", R-TERM-4): the words on its buttons and screens, its menu path to
 * AliExpress, its header, colours and receipt header. Data only: the kiosk machine builds its
 * buttons from it and the screens print it; the principle (the machine) is the same in every skin.
 */
import type { Lang } from '../money.js';

/** A text in both languages of the kiosk. */
export type LocalText = Record<Lang, string>;

/** Every label a skin must give: screen titles and the buttons the kiosk shows on its own screens. */
export const SKIN_LABEL_KEYS = [
  'idle.title',
  'menu.title',
  'services.title',
  'catalogs.title',
  'order.title',
  'check.title',
  'phone.title',
  'cash.title',
  'receipt.title',
  'help.title',
  'button.back',
  'button.next',
  'button.backspace',
  'button.clear',
  'button.operator',
  'button.otherNumber',
  'button.mainMenu',
  'button.done',
  'button.pay',
  'button.help',
  'button.closeHelp',
] as const;
export type SkinLabelKey = (typeof SKIN_LABEL_KEYS)[number];

/** Where a menu item leads: the next menu of the path to AliExpress, AliExpress itself, or nowhere (not in this emulator). */
export type MenuTarget = 'services' | 'catalogs' | 'aliexpress';

export interface MenuItem {
  id: string;
  label: LocalText;
  /** one character (a digit or a letter) */
  hotkey: string;
  opens?: MenuTarget;
  /** the kiosk's own i18n key for this item, where the brand uses the kiosk's words (Euroset) */
  key?: string;
}

/** The three menus of the path: main menu → a service group → a catalog list → AliExpress (R-TERM-1). */
export interface SkinMenus {
  main: MenuItem[];
  services: MenuItem[];
  catalogs: MenuItem[];
}
export type MenuName = keyof SkinMenus;
export const MENU_NAMES: readonly MenuName[] = ['main', 'services', 'catalogs'];
/** The menu each menu's route item must open, in path order. */
export const ROUTE: Record<MenuName, MenuTarget> = { main: 'services', services: 'catalogs', catalogs: 'aliexpress' };
/** The route item's button id, the same in every skin, so tests and tapes press the path by id. */
export const ROUTE_BUTTON_ID: Record<MenuName, string> = { main: 'other', services: 'catalogs', catalogs: 'aliexpress' };

/** Ink colour names (https://github.com/chalk/chalk#colors). */
export interface SkinColors {
  frame: string;
  headerBackground: string;
  headerText: string;
  button: string;
}

export interface Skin {
  id: string;
  name: string;
  /** the header bar; `{terminal}` is the terminal id */
  header: LocalText;
  /** printed above the receipt */
  receiptHeader: LocalText;
  colors: SkinColors;
  labels: Record<SkinLabelKey, LocalText>;
  menus: SkinMenus;
}

/** Hotkeys the kiosk keeps for itself on menus: Esc (back), L (language), H (help). */
export const RESERVED_HOTKEYS = ['l', 'h', 'esc'] as const;

export const skinLabel = (skin: Skin, key: SkinLabelKey, lang: Lang): string => skin.labels[key][lang];

/** The item of a menu that goes on along the path to AliExpress. */
export const routeItem = (skin: Skin, menu: MenuName): MenuItem | undefined => skin.menus[menu].find((i) => i.opens === ROUTE[menu]);
