/**
 * What the Help button says on each terminal screen (R-TERM-4): what the screen is for and what to
 * do, in the brand's own words for its buttons, always ending with "ask the salon's employee".
 */
import type { Lang } from '../money.js';
import { t } from '../../i18n/index.js';
import { routeItem, type Skin } from './skin.js';

/** The screens that have a Help button. */
export const HELP_SCREENS = ['idle', 'menu', 'services', 'catalogs', 'orderEntry', 'refused', 'checkData', 'phoneEntry', 'cash', 'receipt', 'outOfService'] as const;
export type HelpScreen = (typeof HELP_SCREENS)[number];

const MENU_OF = { menu: 'main', services: 'services', catalogs: 'catalogs' } as const;

/** The help text's paragraphs: what this screen is for and what to do, then the employee. */
export function helpText(skin: Skin, screen: HelpScreen, lang: Lang, orderNumberLength: number): string[] {
  const word = (key: keyof Skin['labels']) => skin.labels[key][lang];
  // Stryker disable next-line StringLiteral,OptionalChaining: equivalent, because a skin passes checkSkin only with one route item in each menu
  const route = screen in MENU_OF ? (routeItem(skin, MENU_OF[screen as keyof typeof MENU_OF])?.label[lang] ?? '') : '';
  const vars = {
    route,
    length: orderNumberLength,
    next: word('button.next'),
    pay: word('button.pay'),
    done: word('button.done'),
    retry: word('button.otherNumber'),
    mainMenu: word('button.mainMenu'),
  };
  return [t(lang, `helpText.${screen}`, vars), t(lang, 'helpText.ask')];
}

/** The help screen for a screen the view shows (a wait or dialog screen shows the cash help). */
export function helpScreenOf(screen: string): HelpScreen {
  if (screen === 'lookingUp') return 'orderEntry';
  if (screen === 'moreTime' || screen === 'quitAsk' || screen === 'processing') return 'cash';
  return (HELP_SCREENS as readonly string[]).includes(screen) ? (screen as HelpScreen) : 'idle';
}
