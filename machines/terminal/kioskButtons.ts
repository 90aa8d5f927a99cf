/** The buttons of each kiosk screen, as on a Euroset terminal. Labels are i18n keys. */
import { isValidPhoneDigits } from '../../src/domain/mobile/phone.js';
import type { Button, Grid } from '../buttons.js';

export type KioskScreen =
  | 'menu'
  | 'services'
  | 'catalogs'
  | 'orderEntry'
  | 'refused'
  | 'checkData'
  | 'phoneEntry'
  | 'topupPhone'
  | 'receipt';

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
  | { type: 'topup.submit' };

/** Main-menu categories; "Other services" is last, so it sits at the bottom right of the 2-column grid. */
export const MENU_CATEGORIES = ['mobile', 'internet', 'utilities', 'banking', 'transport', 'games', 'charity'] as const;
export const OTHER_SERVICES = ['fines', 'loans'] as const;
export const OTHER_CATALOGS = ['avon', 'oriflame', 'faberlic'] as const;

type KioskButton = Button<KioskButtonEvent | { type: 'receipt.done' }>;

const button = (id: string, label: string, event: KioskButton['event'], hotkey?: string, enabled = true): KioskButton =>
  hotkey === undefined ? { id, label, event, enabled } : { id, label, event, hotkey, enabled };
const back = () => button('back', 'button.back', { type: 'nav.back' }, 'esc');

export interface ButtonFacts {
  orderDigits: string;
  orderNumberLength: number;
  phoneDigits: string;
  operator: string | null;
}

/** The order number is complete: the Next button and the machine's guard both ask this. */
export const orderNumberComplete = (facts: Pick<ButtonFacts, 'orderDigits' | 'orderNumberLength'>): boolean =>
  facts.orderDigits.length === facts.orderNumberLength;

/** The phone for the change is complete (ten digits from 9, an operator): the Next button and the guard both ask this. */
export const phoneComplete = (facts: Pick<ButtonFacts, 'phoneDigits' | 'operator'>): boolean =>
  isValidPhoneDigits(facts.phoneDigits) && facts.operator !== null;

const phoneMissing = (facts: ButtonFacts): string =>
  isValidPhoneDigits(facts.phoneDigits) ? 'notice.chooseOperator' : 'notice.phoneIncomplete';

const next = (event: KioskButton['event'], enabled: boolean, whyDisabled: string): KioskButton =>
  enabled ? button('next', 'button.next', event) : { ...button('next', 'button.next', event, undefined, false), whyDisabled };

export function kioskButtons(screen: KioskScreen, facts: ButtonFacts): KioskButton[] {
  switch (screen) {
    case 'menu':
      return [
        ...MENU_CATEGORIES.map((id, i) => button(id, `menu.${id}`, { type: 'menu.category', id }, String(i + 1))),
        button('other', 'menu.other', { type: 'menu.other' }, '8'),
        button('lang', 'button.lang', { type: 'menu.lang' }, 'l'),
      ];
    case 'services':
      return [
        button('catalogs', 'services.catalogs', { type: 'services.catalogs' }, '1'),
        ...OTHER_SERVICES.map((id, i) => button(id, `services.${id}`, { type: 'services.other', id }, String(i + 2))),
        back(),
      ];
    case 'catalogs':
      return [
        button('aliexpress', 'catalogs.aliexpress', { type: 'catalogs.aliexpress' }, '1'),
        ...OTHER_CATALOGS.map((id, i) => button(id, `catalogs.${id}`, { type: 'catalogs.other', id }, String(i + 2))),
        back(),
      ];
    case 'orderEntry':
      return [
        button('backspace', 'button.backspace', { type: 'input.backspace' }, 'backspace'),
        button('clear', 'button.clear', { type: 'input.clear' }, '*'),
        back(),
        next({ type: 'order.submit' }, orderNumberComplete(facts), 'notice.orderIncomplete'),
      ];
    case 'refused':
      return [button('retry', 'button.otherNumber', { type: 'refused.retry' }, 'esc'), button('mainMenu', 'button.mainMenu', { type: 'refused.menu' }, 'm')];
    case 'checkData':
      return [back(), button('next', 'button.next', { type: 'check.confirm' })];
    case 'phoneEntry':
    case 'topupPhone':
      return [
        button('backspace', 'button.backspace', { type: 'input.backspace' }, 'backspace'),
        button('clear', 'button.clear', { type: 'input.clear' }, '*'),
        button('operator', 'button.operator', { type: 'phone.operator' }, 'tab'),
        back(),
        next({ type: screen === 'phoneEntry' ? 'phone.submit' : 'topup.submit' }, phoneComplete(facts), phoneMissing(facts)),
      ];
    case 'receipt':
      return [button('done', 'button.done', { type: 'receipt.done' })];
  }
}

export const kioskGrid = (screen: KioskScreen): Grid => ({ columns: screen === 'menu' ? 2 : 1 });
