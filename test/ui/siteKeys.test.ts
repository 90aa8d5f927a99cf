/** The site's keymap (screens/site/siteKeys.ts): the kiosk's keys, read per page. */
import { describe, expect, it } from 'vitest';
import { mapSiteKey } from '../../src/app/siteKeys.js';
import { startSite } from '../machines/siteDriver.js';

describe('site keys', () => {
  it('arrows move, Enter presses, hotkeys press their button (in the Russian layout too), Esc goes back, nothing while busy', async () => {
    const site = startSite();
    const view = site.view();
    expect(mapSiteKey(view, '', { downArrow: true })).toEqual({ type: 'nav.move', dir: 'down' });
    expect(mapSiteKey(view, '\r', { return: true })).toEqual({ type: 'nav.activate' });
    expect(mapSiteKey(view, 'c', {})).toEqual({ type: 'nav.press', id: 'cart' });
    expect(mapSiteKey(view, 'с', {})).toEqual({ type: 'nav.press', id: 'cart' });
    expect(mapSiteKey(view, '', { escape: true })).toEqual({ type: 'nav.back' });
    expect(mapSiteKey(view, 'z', {})).toBeNull();
    expect(mapSiteKey({ ...view, mode: 'busy' }, 'c', {})).toBeNull();
  });

  it('on the checkout page digits type the phone and Backspace erases; letters are typed too and refused by the field', async () => {
    const site = startSite();
    await site.press('1', 'c', 'b');
    const view = site.view();
    expect(view.mode).toBe('digits');
    expect(mapSiteKey(view, '9', {})).toEqual({ type: 'input.text', text: '9' });
    expect(mapSiteKey(view, '', { backspace: true })).toEqual({ type: 'input.backspace' });
    expect(mapSiteKey(view, '\t', { tab: true })).toEqual({ type: 'nav.press', id: 'country' });
    await site.press('x9a');
    expect(site.view().phoneMasked).toBe('+7 (9__) ___-__-__');
  });
});
