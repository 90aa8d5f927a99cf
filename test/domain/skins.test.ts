/** Skins as data (R-TERM-4): the built-in brands, a user's skin file and its errors, Help on every screen. */
import { describe, expect, it } from 'vitest';
import { kioskButtons, type KioskScreen } from '../../machines/terminal/kioskButtons.js';
import { cashButtons } from '../../machines/terminal/cashButtons.js';
import {
  BUILT_IN_SKINS, checkSkin, EUROSET, HELP_SCREENS, helpText, MENU_NAMES, parseSkinFile, QIWI, routeItem, SKIN_LABEL_KEYS, skinById, type Skin,
} from '../../src/domain/skins/index.js';
import { buttonText, t } from '../../src/i18n/index.js';

/** A user's copy of a skin, as JSON would give it back. */
const asJson = (skin: Skin): Record<string, unknown> => JSON.parse(JSON.stringify(skin)) as Record<string, unknown>;
const errorsOf = (value: unknown): string[] => {
  const checked = checkSkin(value);
  return checked.ok ? [] : checked.errors;
};
const facts = (skin: Skin) => ({ orderDigits: '', orderNumberLength: 10, phoneDigits: '', operator: null, skin });

describe('R-TERM-4: the built-in brands', () => {
  it('R-TERM-4: euroset, qiwi, svyaznoy and a fourth, Euroset the default; each passes the checks a skin file must pass', () => {
    expect(BUILT_IN_SKINS.map((s) => s.id)).toEqual(['euroset', 'qiwi', 'svyaznoy', 'cyberplat']);
    expect(skinById('QIWI')).toBe(QIWI);
    expect(skinById('beeline')).toBeUndefined();
    for (const skin of BUILT_IN_SKINS) expect({ id: skin.id, errors: errorsOf(asJson(skin)) }).toEqual({ id: skin.id, errors: [] });
  });

  it('R-TERM-4: the brands name the path differently, but every one reaches AliExpress by the same buttons (ids and events)', () => {
    const words = BUILT_IN_SKINS.map((s) => MENU_NAMES.map((m) => routeItem(s, m)?.label.en).join(' → '));
    expect(new Set(words).size).toBe(BUILT_IN_SKINS.length);
    for (const skin of BUILT_IN_SKINS) {
      const path = [['menu', 'other', 'menu.other'], ['services', 'catalogs', 'services.catalogs'], ['catalogs', 'aliexpress', 'catalogs.aliexpress']] as const;
      for (const [screen, id, event] of path) {
        const button = kioskButtons(screen, facts(skin)).find((b) => b.id === id);
        expect(button?.event.type).toBe(event);
        expect(button && buttonText('ru', button)).toBe(routeItem(skin, screen === 'menu' ? 'main' : screen)?.label.ru);
      }
    }
  });

  it("R-TERM-4: the kiosk's own buttons and the cash screen's take the brand's words", () => {
    const next = kioskButtons('checkData', facts(QIWI)).find((b) => b.id === 'next');
    expect(next && buttonText('en', next)).toBe('Forward');
    const pay = cashButtons('holding', { inserted: '5000.00', due: '4750.00', skin: QIWI })[0];
    expect(pay && buttonText('en', pay)).toBe('Make payment');
    const euroset = cashButtons('holding', { inserted: '5000.00', due: '4750.00', skin: EUROSET })[0];
    expect(euroset && buttonText('en', euroset)).toBe('Pay');
  });
});

describe('R-TERM-4: Help on every terminal screen, in every skin', () => {
  const SCREENS_WITH_HELP: KioskScreen[] = ['idle', 'menu', 'services', 'catalogs', 'orderEntry', 'refused', 'checkData', 'phoneEntry', 'receipt'];
  it.each(BUILT_IN_SKINS.map((s) => [s.id, s] as const))('R-TERM-4: %s: every screen has a Help button (H), and the cash screen too', (_, skin) => {
    for (const screen of SCREENS_WITH_HELP) expect(kioskButtons(screen, facts(skin)).find((b) => b.id === 'help')?.hotkey).toBe('h');
    for (const screen of ['empty', 'holding'] as const) {
      expect(cashButtons(screen, { inserted: '0.00', due: '1.00', skin }).find((b) => b.id === 'help')?.event).toEqual({ type: 'help.open' });
    }
    // while help shows, its only button closes it (Esc)
    expect(kioskButtons('menu', { ...facts(skin), help: true }).map((b) => [b.id, b.hotkey])).toEqual([['closeHelp', 'esc']]);
  });

  it.each(BUILT_IN_SKINS.flatMap((s) => (['ru', 'en'] as const).map((lang) => [s.id, lang, s] as const)))(
    "R-TERM-4: %s (%s): each screen's help says what it is for and ends with asking the salon's employee",
    (_, lang, skin) => {
      const ask = t(lang, 'helpText.ask');
      expect(ask).toMatch(lang === 'en' ? /ask the salon's employee/ : /спросите сотрудника салона/);
      const texts = HELP_SCREENS.map((screen) => helpText(skin, screen, lang, 10));
      for (const paragraphs of texts) {
        expect(paragraphs.at(-1)).toBe(ask);
        expect(paragraphs[0]).not.toMatch(/\{\w+\}/);
      }
      expect(new Set(texts.map((p) => p[0])).size).toBe(HELP_SCREENS.length);
      // on the menus, the help names the brand's own next step
      expect(texts[HELP_SCREENS.indexOf('menu')]?.[0]).toContain(routeItem(skin, 'main')?.label[lang]);
      expect(texts[HELP_SCREENS.indexOf('cash')]?.[0]).toContain(skin.labels['button.pay'][lang]);
    },
  );
});

describe('R-TERM-4: a skin file of your own is checked, with errors that say what to fix', () => {
  // a user's file is untyped JSON: the tests bend it into the wrong shapes a person might write
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const mine = () => ({ ...asJson(QIWI), id: 'mine' }) as Record<string, any>;

  it('R-TERM-4: a good file gives its skin', () => {
    const checked = parseSkinFile(JSON.stringify(mine()));
    expect(checked.ok && checked.skin.id).toBe('mine');
  });

  it('R-TERM-4: a missing label names the label and the language', () => {
    const skin = mine();
    delete skin.labels['button.pay'];
    skin.labels['menu.title'] = { ru: 'Меню' };
    expect(errorsOf(skin)).toEqual([
      'labels["menu.title"].en: missing label',
      'labels["button.pay"]: missing (give {"ru": "…", "en": "…"})',
    ]);
    expect(SKIN_LABEL_KEYS).toContain('button.help');
  });

  it('R-TERM-4: a duplicated hotkey names both items; the kiosk keeps L, H and Esc for itself', () => {
    const skin = mine();
    skin.menus.main[1].hotkey = '1';
    skin.menus.services[0].hotkey = 'h';
    expect(errorsOf(skin)).toEqual([
      'menus.main[1].hotkey "1" duplicated: menus.main[0] has it too',
      'menus.services[0].hotkey "h" is the kiosk\'s own (l, h, esc)',
    ]);
  });

  it('R-TERM-4: a path that never reaches AliExpress is refused, naming the menu where it stops', () => {
    const skin = mine();
    delete skin.menus.catalogs[1].opens;
    expect(errorsOf(skin)).toEqual([
      'menus.catalogs[1].id "aliexpress" is kept for the item that opens aliexpress',
      'the path never reaches AliExpress: no item of menus.catalogs opens aliexpress',
    ]);
    const astray = mine();
    astray.menus.main[2].opens = 'catalogs';
    expect(errorsOf(astray)).toEqual([
      'menus.main: "purchases" opens catalogs, but from main only services can be opened',
      'the path never reaches AliExpress: no item of menus.main opens services',
    ]);
  });

  it('R-TERM-4: a label too long for its button at 80×24, broken JSON, or no object at all', () => {
    const skin = mine();
    skin.menus.main[0].label.en = 'Mobile phones and tablets';
    expect(errorsOf(skin)).toEqual(['menus.main[0].label.en: "Mobile phones and tablets" is longer than 19 characters and would wrap at 80×24']);
    const broken = parseSkinFile('{"id": "x",');
    expect(!broken.ok && broken.errors[0]).toMatch(/^not valid JSON: /);
    expect(errorsOf([])).toEqual(['the skin must be a JSON object']);
  });
});
