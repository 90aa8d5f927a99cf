/**
 * The buttons of each kiosk screen. Menus and labels come from the terminal's skin (R-TERM-4): the
 * brand's words (`text`) over the kiosk's i18n keys (`label`); the events, and so the principle, are
 * the same in every skin. Every screen has Help (hotkey H); while help shows, only its Close button.
 */
import { isValidPhoneDigits } from '../../src/domain/mobile/phone.js';
import { DEFAULT_SKIN, ROUTE, ROUTE_BUTTON_ID, type MenuName, type Skin, type SkinLabelKey } from '../../src/domain/skins/index.js';
import type { Button, Grid } from '../buttons.js';

export type KioskScreen =
  | 'idle'
  | 'menu'
  | 'services'
  | 'catalogs'
  | 'orderEntry'
  | 'refused'
  | 'checkData'
  | 'phoneEntry'
  | 'topupPhone'
  | 'receipt'
  | 'servicePin'
  | 'service'
  | 'serviceReceipt'
  | 'outOfService';

export type KioskButtonEvent =
  | { type: 'menu.other' }
  | { type: 'menu.category'; id: string }
  | { type: 'menu.lang' }
  | { type: 'services.catalogs' }
  | { type: 'services.other'; id: string }
  | { type: 'catalogs.aliexpress' }
  | { type: 'catalogs.other'; id: string }
  | { type: 'nav.back' }
  | { type: 'input.backspace' }
  | { type: 'input.clear' }
  | { type: 'order.submit' }
  | { type: 'refused.retry' }
  | { type: 'refused.menu' }
  | { type: 'check.confirm' }
  | { type: 'phone.operator' }
  | { type: 'phone.submit' }
  | { type: 'help.open' }
  | { type: 'help.close' }
  | { type: 'service.submit' }
  | { type: 'service.encash' }
  | { type: 'service.loadPaper' }
  | { type: 'service.exit' }
  | { type: 'service.done' }
  | { type: 'service.clearJam' }
  | { type: 'topup.submit' };

/** Euroset's menus, for code that lists them (the skins hold every brand's). */
export const MENU_CATEGORIES = DEFAULT_SKIN.menus.main.filter((i) => !i.opens).map((i) => i.id);
export const OTHER_SERVICES = DEFAULT_SKIN.menus.services.filter((i) => !i.opens).map((i) => i.id);
export const OTHER_CATALOGS = DEFAULT_SKIN.menus.catalogs.filter((i) => !i.opens).map((i) => i.id);

type KioskButton = Button<KioskButtonEvent | { type: 'receipt.done' }>;

export interface ButtonFacts {
  orderDigits: string;
  orderNumberLength: number;
  phoneDigits: string;
  operator: string | null;
  /** the terminal's brand; omitted, Euroset */
  skin?: Skin;
  /** the Help text is showing */
  help?: boolean;
  pinDigits?: string;
  serviceLocked?: boolean;
  /** the bill acceptor holds a note: service mode offers Clear jam */
  jam?: object | null;
}

/** A PIN can be tried: at least 4 digits, and the service login is not locked. */
export const pinReady = (facts: Pick<ButtonFacts, 'pinDigits' | 'serviceLocked'>): boolean => (facts.pinDigits ?? '').length >= 4 && !facts.serviceLocked;

/** The order number is complete: the Next button and the machine's guard both ask this. */
export const orderNumberComplete = (facts: Pick<ButtonFacts, 'orderDigits' | 'orderNumberLength'>): boolean =>
  facts.orderDigits.length === facts.orderNumberLength;

/** The phone for the change is complete (ten digits from 9, an operator): the Next button and the guard both ask this. */
export const phoneComplete = (facts: Pick<ButtonFacts, 'phoneDigits' | 'operator'>): boolean =>
  isValidPhoneDigits(facts.phoneDigits) && facts.operator !== null;

const phoneMissing = (facts: ButtonFacts): string =>
  isValidPhoneDigits(facts.phoneDigits) ? 'notice.chooseOperator' : 'notice.phoneIncomplete';

/** Builds a screen's buttons in one skin's words. */
function builder(skin: Skin) {
  const worded = (key: SkinLabelKey) => ({ label: key, text: skin.labels[key] });
  const button = (id: string, key: SkinLabelKey | string, event: KioskButton['event'], hotkey?: string, enabled = true): KioskButton => ({
    id,
    ...(key in skin.labels ? worded(key as SkinLabelKey) : { label: key }),
    event,
    enabled,
    // Stryker disable next-line ConditionalExpression: equivalent, because `false` only adds `hotkey: undefined`, which every reader (keys, screens, JSON) takes as no hotkey
    ...(hotkey === undefined ? {} : { hotkey }),
  });
  const back = () => button('back', 'button.back', { type: 'nav.back' }, 'esc');
  const help = () => button('help', 'button.help', { type: 'help.open' }, 'h');
  const next = (event: KioskButton['event'], enabled: boolean, whyDisabled: string): KioskButton =>
    enabled ? button('next', 'button.next', event) : { ...button('next', 'button.next', event, undefined, false), whyDisabled };
  /** A menu of the skin: its route item goes on along the path, the others say they are not in this emulator. */
  const menu = (name: MenuName, onward: KioskButton['event'], other: (id: string) => KioskButton['event']): KioskButton[] =>
    skin.menus[name].map((item) => {
      const route = item.opens === ROUTE[name];
      return { id: route ? ROUTE_BUTTON_ID[name] : item.id, label: item.key ?? item.label.en, text: item.label, event: route ? onward : other(item.id), hotkey: item.hotkey, enabled: true };
    });
  return { button, back, help, next, menu };
}

export function kioskButtons(screen: KioskScreen, facts: ButtonFacts): KioskButton[] {
  const { button, back, help, next, menu } = builder(facts.skin ?? DEFAULT_SKIN);
  if (facts.help) return [button('closeHelp', 'button.closeHelp', { type: 'help.close' }, 'esc')];
  switch (screen) {
    case 'idle':
    case 'outOfService':
      return [help()];
    case 'menu':
      return [...menu('main', { type: 'menu.other' }, (id) => ({ type: 'menu.category', id })), button('lang', 'button.lang', { type: 'menu.lang' }, 'l'), help()];
    case 'services':
      return [...menu('services', { type: 'services.catalogs' }, (id) => ({ type: 'services.other', id })), back(), help()];
    case 'catalogs':
      return [...menu('catalogs', { type: 'catalogs.aliexpress' }, (id) => ({ type: 'catalogs.other', id })), back(), help()];
    case 'orderEntry':
      return [
        button('backspace', 'button.backspace', { type: 'input.backspace' }, 'backspace'),
        button('clear', 'button.clear', { type: 'input.clear' }, '*'),
        back(),
        next({ type: 'order.submit' }, orderNumberComplete(facts), 'notice.orderIncomplete'),
        help(),
      ];
    case 'refused':
      return [button('retry', 'button.otherNumber', { type: 'refused.retry' }, 'esc'), button('mainMenu', 'button.mainMenu', { type: 'refused.menu' }, 'm'), help()];
    case 'checkData':
      return [back(), button('next', 'button.next', { type: 'check.confirm' }), help()];
    case 'phoneEntry':
    case 'topupPhone':
      return [
        button('backspace', 'button.backspace', { type: 'input.backspace' }, 'backspace'),
        button('clear', 'button.clear', { type: 'input.clear' }, '*'),
        button('operator', 'button.operator', { type: 'phone.operator' }, 'tab'),
        back(),
        next({ type: screen === 'phoneEntry' ? 'phone.submit' : 'topup.submit' }, phoneComplete(facts), phoneMissing(facts)),
        help(),
      ];
    case 'receipt':
      return [button('done', 'button.done', { type: 'receipt.done' }), help()];
    // service mode is for the salon's staff, in the kiosk's own words and without Help
    case 'servicePin':
      return [
        button('backspace', 'button.backspace', { type: 'input.backspace' }, 'backspace'),
        button('cancel', 'service.cancel', { type: 'service.exit' }, 'esc'),
        pinReady(facts) ? button('next', 'button.ok', { type: 'service.submit' })
          : { ...button('next', 'button.ok', { type: 'service.submit' }, undefined, false), whyDisabled: facts.serviceLocked ? 'notice.serviceLocked' : 'notice.pinIncomplete' },
      ];
    case 'service':
      return [
        button('encash', 'service.remove', { type: 'service.encash' }, '1'),
        button('paper', 'paper.load', { type: 'service.loadPaper' }, '2'),
        ...(facts.jam ? [button('clearJam', 'jam.clear', { type: 'service.clearJam' }, '3')] : []),
        button('exit', 'service.exit', { type: 'service.exit' }, 'esc'),
      ];
    case 'serviceReceipt':
      return [button('done', 'button.done', { type: 'service.done' })];
  }
}

/** The main menu is a two-column grid; the receipt's Done and Help share a row (the receipt fills the screen). */
export const kioskGrid = (screen: KioskScreen, facts?: Pick<ButtonFacts, 'help'>): Grid => ({ columns: (screen === 'menu' || screen === 'receipt') && !facts?.help ? 2 : 1 });
