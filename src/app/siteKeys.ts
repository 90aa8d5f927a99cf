/**
 * Keys → site events, as src/app/keymap.ts does for the terminal (arrows, Enter, hotkeys, Esc back;
 * digits on the checkout page). Pure; the world's key routing calls it while the site has the keys.
 */
import type { Key } from 'ink';
import type { SiteEvent } from '../../machines/site/siteContext.js';
import type { SiteView } from '../../machines/site/siteView.js';
import { hotkeyOf } from './keymap.js';

const DIRECTIONS = [['upArrow', 'up'], ['downArrow', 'down'], ['leftArrow', 'left'], ['rightArrow', 'right']] as const;

/** The site event a key press sends on this page, or null when it means nothing here. */
export function mapSiteKey(view: SiteView, input: string, key: Partial<Key>): SiteEvent | null {
  if (view.mode === 'busy') return null;
  const hotkey = hotkeyOf(input, key);
  const dir = DIRECTIONS.find(([name]) => key[name])?.[1];
  if (dir) return { type: 'nav.move', dir };
  if (hotkey === 'enter') return { type: 'nav.activate' };
  if (view.mode === 'digits' && hotkey === 'backspace') return { type: 'input.backspace' };
  const button = view.buttons.find((b) => b.hotkey === hotkey);
  if (button) return { type: 'nav.press', id: button.id };
  if (hotkey === 'esc') return { type: 'nav.back' };
  if (view.mode === 'digits' && input && !key.ctrl && !key.meta) return { type: 'input.text', text: input };
  return null;
}
