/**
 * R-TERM-4: a skin file of one's own, each of the checks that refuse it (src/domain/skins/validate.ts),
 * and the Help text's words taken from the skin (help.ts). skins.test.ts reads the built-in brands.
 */
import { describe, expect, it } from 'vitest';
import {
  checkSkin, CYBERPLAT, EUROSET, helpScreenOf, helpText, parseSkinFile, QIWI, skinById, skinLabel, type Skin,
} from '../../src/domain/skins/index.js';

// a user's file is untyped JSON: the tests bend it into the wrong shapes a person might write
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
const mine = (): Json => ({ ...(JSON.parse(JSON.stringify(QIWI)) as Json), id: 'mine' });
const errorsOf = (value: unknown): string[] => {
  const checked = checkSkin(value);
  return checked.ok ? [] : checked.errors;
};
const skinOf = (value: unknown): Skin => {
  const checked = checkSkin(value);
  if (!checked.ok) throw new Error(checked.errors.join('\n'));
  return checked.skin;
};

describe('R-TERM-4: the skin as a whole', () => {
  it('R-TERM-4: a good file gives back exactly the skin it describes', () => {
    expect(skinOf(mine())).toEqual({ ...QIWI, id: 'mine' });
  });

  it('R-TERM-4: the id is lower-case letters, digits and "-", at most 32; the name defaults to it', () => {
    expect(skinOf({ ...mine(), id: 'my-kiosk-2' }).id).toBe('my-kiosk-2');
    expect(skinOf({ ...mine(), id: 'a'.repeat(32) }).id).toBe('a'.repeat(32));
    for (const id of ['Mine', 'a'.repeat(33), '', 'x y', 7]) expect(errorsOf({ ...mine(), id })).toEqual(['id: missing (lower-case letters, digits, "-")']);
    expect(skinOf({ ...mine(), name: undefined }).name).toBe('mine');
    expect(skinOf({ ...mine(), name: '' }).name).toBe('mine');
    expect(skinOf({ ...mine(), name: 'My kiosk' }).name).toBe('My kiosk');
  });

  it('R-TERM-4: the header and the receipt header need both languages; a blank label is missing', () => {
    const skin = mine();
    skin.header = 'QIWI';
    skin.receiptHeader = { ru: '   ', en: 'Keep it' };
    expect(errorsOf(skin)).toEqual(['header: missing (give {"ru": "…", "en": "…"})', 'receiptHeader.ru: missing label']);
    expect(errorsOf({ ...mine(), header: ['QIWI'] })).toEqual(['header: missing (give {"ru": "…", "en": "…"})']);
    expect(errorsOf({ ...mine(), header: { ru: 'Киви', en: 5 } })).toEqual(['header.en: missing label']);
  });

  it('R-TERM-4: each colour is named, missing ones listed', () => {
    const skin = mine();
    delete skin.colors.frame;
    skin.colors.button = 3;
    expect(errorsOf(skin)).toEqual(['colors.frame: missing', 'colors.button: missing']);
    expect(errorsOf({ ...mine(), colors: 'green' })).toEqual(['colors.frame: missing', 'colors.headerBackground: missing', 'colors.headerText: missing', 'colors.button: missing']);
  });

  it('R-TERM-4: no labels at all lists the labels a skin must give', () => {
    const errors = errorsOf({ ...mine(), labels: undefined });
    expect(errors[0]).toBe('labels: missing (idle.title, menu.title, services.title, catalogs.title, order.title, check.title, phone.title, cash.title, receipt.title, help.title, button.back, button.next, button.backspace, button.clear, button.operator, button.otherNumber, button.mainMenu, button.done, button.pay, button.help, button.closeHelp)');
    expect(errors[1]).toBe('labels["idle.title"]: missing (give {"ru": "…", "en": "…"})');
    expect(errors).toHaveLength(22);
  });

  it('R-TERM-4: not JSON, or JSON that is no object', () => {
    expect(parseSkinFile('{"id": "x",')).toEqual({ ok: false, errors: [expect.stringMatching(/^not valid JSON: \S/)] });
    expect(parseSkinFile('null')).toEqual({ ok: false, errors: ['the skin must be a JSON object'] });
    expect(parseSkinFile(JSON.stringify(mine()))).toEqual({ ok: true, skin: { ...QIWI, id: 'mine' } });
  });
});

describe('R-TERM-4: the menus of a skin file', () => {
  it.each([['main', undefined], ['services', []], ['catalogs', { aliexpress: 1 }]])('R-TERM-4: menus.%s missing or empty', (name, value) => {
    const skin = mine();
    skin.menus[name] = value;
    expect(errorsOf(skin)).toEqual([
      `menus.${name}: missing (a list of items {"id", "label", "hotkey", "opens"?})`,
      `the path never reaches AliExpress: no item of menus.${name} opens ${({ main: 'services', services: 'catalogs', catalogs: 'aliexpress' } as Json)[name]}`,
    ]);
  });

  it('R-TERM-4: an item that is no object, and items without ids, each named once', () => {
    const skin = mine();
    skin.menus.services.push('tickets');
    delete skin.menus.main[0].id;
    skin.menus.main[1].id = '';
    expect(errorsOf(skin)).toEqual([
      'menus.main[0].id: missing',
      'menus.main[1].id: missing',
      'menus.services[3]: not an object',
      'menus.services[3].id: missing',
      'menus.services[3].label: missing (give {"ru": "…", "en": "…"})',
      'menus.services[3].hotkey: one digit or letter',
    ]);
  });

  it('R-TERM-4: a hotkey is one digit or letter, either case; a repeated id is named', () => {
    const skin = mine();
    skin.menus.services[1].hotkey = 'T';
    expect(skinOf(skin).menus.services[1]?.hotkey).toBe('t');
    for (const hotkey of ['12', '#', '', 4]) {
      const bad = mine();
      bad.menus.services[1].hotkey = hotkey;
      expect(errorsOf(bad)).toEqual(['menus.services[1].hotkey: one digit or letter']);
    }
    const twoBad = mine();
    twoBad.menus.services[1].hotkey = '##';
    twoBad.menus.services[2].hotkey = '!';
    expect(errorsOf(twoBad)).toEqual(['menus.services[1].hotkey: one digit or letter', 'menus.services[2].hotkey: one digit or letter']);
    const twice = mine();
    twice.menus.catalogs[2].id = 'ozon';
    expect(errorsOf(twice)).toEqual(['menus.catalogs[2].id "ozon" duplicated']);
  });

  it('R-TERM-4: L and Esc are the kiosk\'s own too', () => {
    const skin = mine();
    skin.menus.catalogs[0].hotkey = 'L';
    expect(errorsOf(skin)).toEqual(['menus.catalogs[0].hotkey "l" is the kiosk\'s own (l, h, esc)']);
  });

  it('R-TERM-4: a main-menu label fits 19 columns behind a digit, 17 behind a letter; a list row 40', () => {
    const fits = mine();
    fits.menus.main[0].label.ru = 'я'.repeat(19);
    fits.menus.services[1].label.en = 'x'.repeat(40);
    expect(errorsOf(fits)).toEqual([]);
    const lettered = mine();
    lettered.menus.main[0].hotkey = 'm';
    lettered.menus.main[0].label.en = 'x'.repeat(18);
    expect(errorsOf(lettered)).toEqual([`menus.main[0].label.en: "${'x'.repeat(18)}" is longer than 17 characters and would wrap at 80×24`]);
    lettered.menus.main[0].label.en = 'x'.repeat(17);
    expect(errorsOf(lettered)).toEqual([]);
    const long = mine();
    long.menus.services[1].label.ru = 'я'.repeat(41);
    expect(errorsOf(long)).toEqual([`menus.services[1].label.ru: "${'я'.repeat(41)}" is longer than 40 characters and would wrap at 80×24`]);
  });

  it('R-TERM-4: an item opens only a menu of the path; two items going on are one too many', () => {
    const skin = mine();
    skin.menus.catalogs[0].opens = 'checkout';
    expect(errorsOf(skin)).toEqual([
      'menus.catalogs[0].opens: one of services, catalogs, aliexpress',
      'menus.catalogs: "ozon" opens checkout, but from catalogs only aliexpress can be opened',
    ]);
    const two = mine();
    two.menus.catalogs[2].opens = 'aliexpress';
    expect(errorsOf(two)).toEqual(['menus.catalogs: 2 items open aliexpress; exactly one may']);
    const none = skinOf(mine()).menus.catalogs[0];
    expect(none && 'opens' in none).toBe(false);
  });

  it('R-TERM-4: the route button\'s id is kept for the item that goes on', () => {
    const skin = mine();
    skin.menus.services[1].id = 'catalogs';
    expect(errorsOf(skin)).toEqual(['menus.services[1].id "catalogs" is kept for the item that opens catalogs']);
  });
});

describe('R-TERM-4: the brand in the kiosk\'s words', () => {
  it('R-TERM-4: a built-in skin by its id, in any case', () => {
    expect(skinById('Euroset')).toBe(EUROSET);
    expect(skinById('cyberplat')).toBe(CYBERPLAT);
    expect(skinLabel(QIWI, 'button.next', 'en')).toBe('Forward');
    expect(skinLabel(QIWI, 'button.next', 'ru')).toBe('Вперёд');
  });

  it('R-TERM-4: Help on a wait or dialog screen is the help of the screen behind it', () => {
    expect(helpScreenOf('lookingUp')).toBe('orderEntry');
    for (const screen of ['moreTime', 'quitAsk', 'processing']) expect(helpScreenOf(screen)).toBe('cash');
    for (const screen of ['receipt', 'refused', 'outOfService']) expect(helpScreenOf(screen)).toBe(screen);
    expect(helpScreenOf('somewhere')).toBe('idle');
  });

  it('R-TERM-4: the help names the brand\'s own buttons and route', () => {
    const en = (screen: Parameters<typeof helpText>[1]) => helpText(QIWI, screen, 'en', 12)[0];
    expect(en('services')).toBe('Groups of payments. For an AliExpress order choose "Online shops".');
    expect(en('catalogs')).toBe('Shops and catalogs. Choose "AliExpress" to pay an AliExpress order.');
    expect(en('orderEntry')).toBe('Type the order number from the SMS (12 digits), then "Forward".');
    expect(en('refused')).toBe('This order cannot be paid here; the reason is on the screen. Try "' + QIWI.labels['button.otherNumber'].en + '" or go to "' + QIWI.labels['button.mainMenu'].en + '".');
    expect(en('receipt')).toBe('Your payment is done. Keep the receipt until the parcel arrives, then press "To main menu".');
    expect(en('cash')).toBe('Insert banknotes one by one, then press "Make payment". Cash is not returned; the rest goes to the phone.');
  });
});
