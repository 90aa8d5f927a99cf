/** The on-screen buttons as data: each screen's buttons as on a Euroset terminal, and how arrow keys move the focus. */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_SKINS, EUROSET } from '../../src/domain/skins/index.js';
import { moveFocus, resolveNav, type Button } from '../../machines/buttons.js';
import { cashButtons, payCovered } from '../../machines/terminal/cashButtons.js';
import { kioskButtons, kioskGrid, orderNumberComplete, phoneComplete, type ButtonFacts } from '../../machines/terminal/kioskButtons.js';

describe('moveFocus', () => {
  // the main menu: 9 buttons in 2 columns (0 1 / 2 3 / 4 5 / 6 7 / 8)
  it.each([
    [0, 'right', 1],
    [1, 'left', 0],
    [3, 'down', 5],
    [5, 'up', 3],
    [8, 'right', 0], // past the last button: back to the first
    [0, 'left', 8], // before the first: to the last
    [0, 'up', 8], // up from the top row: the bottom of the same column
    [1, 'up', 7],
    [8, 'down', 0], // down from the bottom: the top of the same column
    [7, 'down', 1],
    [6, 'down', 8],
  ] as const)('on a 2-column grid of 9, %i %s → %i', (focus, dir, next) => {
    expect(moveFocus(focus, 9, 2, dir)).toBe(next);
  });

  it('left from the first button of a 2-column grid of 8 goes to the last button (7), not to the bottom of its column (6)', () => {
    expect(moveFocus(0, 8, 2, 'left')).toBe(7);
    expect(moveFocus(0, 8, 2, 'up')).toBe(6);
  });

  it('right from the last button of a 2-column grid of 8 goes to the first button (0), not to the top of its column (1)', () => {
    expect(moveFocus(7, 8, 2, 'right')).toBe(0);
    expect(moveFocus(7, 8, 2, 'down')).toBe(1);
  });

  it('up from the top row of a 3-column grid of 7 (0 1 2 / 3 4 5 / 6) goes to the bottom of the same column', () => {
    expect([0, 1, 2].map((focus) => moveFocus(focus, 7, 3, 'up'))).toEqual([6, 4, 5]);
  });

  it('wraps a 1-column list both ways, and stays at 0 on a screen without buttons', () => {
    expect(moveFocus(0, 4, 1, 'up')).toBe(3);
    expect(moveFocus(3, 4, 1, 'down')).toBe(0);
    expect(moveFocus(1, 4, 1, 'down')).toBe(2);
    expect(moveFocus(2, 4, 1, 'up')).toBe(1);
    for (const dir of ['up', 'down', 'left', 'right'] as const) expect(moveFocus(0, 0, 2, dir)).toBe(0);
    expect(moveFocus(0, 1, 1, 'up')).toBe(0);
  });
});

describe('resolveNav', () => {
  const buttons: Button[] = [
    { id: 'a', label: 'A', event: { type: 'a' }, enabled: true },
    { id: 'b', label: 'B', event: { type: 'b' }, enabled: false },
  ];
  it('selects the pressed button by id, or the focused one on Enter; none when there is no such button', () => {
    expect(resolveNav(buttons, 0, { type: 'nav.press', id: 'b' })).toBe(buttons[1]);
    expect(resolveNav(buttons, 1, { type: 'nav.activate' })).toBe(buttons[1]);
    expect(resolveNav(buttons, 0, { type: 'nav.activate' })).toBe(buttons[0]);
    expect(resolveNav(buttons, 0, { type: 'nav.press', id: 'zz' })).toBeNull();
    expect(resolveNav(buttons, 5, { type: 'nav.activate' })).toBeNull();
  });
});

/** A button without the brand's words (`text`, tested in test/domain/skins.test.ts). */
const plain = ({ text: _, ...b }: Button) => b;
const cashPlain = (screen: Parameters<typeof cashButtons>[0], facts: Parameters<typeof cashButtons>[1]) => cashButtons(screen, facts).map(plain);
const HELP_BUTTON = { id: 'help', label: 'button.help', hotkey: 'h', event: { type: 'help.open' }, enabled: true };

describe('the cash screen', () => {
  const facts = { inserted: '4700.00', due: '4750.00' };
  it('with Help open the cash screen offers only Close help (Esc), with or without a note; the dialogs ignore Help', () => {
    const close = [{ id: 'closeHelp', label: 'button.closeHelp', hotkey: 'esc', event: { type: 'help.close' }, enabled: true }];
    expect(cashPlain('empty', { ...facts, help: true })).toEqual(close);
    expect(cashPlain('holding', { ...facts, help: true })).toEqual(close);
    expect(cashPlain('moreTime', { ...facts, help: true }).map((b) => b.id)).toEqual(['yes', 'no']);
    expect(cashPlain('quitAsk', { ...facts, help: true }).map((b) => b.id)).toEqual(['payQuit', 'keep']);
  });

  it('R-TERM-2: Pay is enabled once the cash covers the amount due, not before', () => {
    expect(payCovered({ inserted: '4750.00', due: '4750.00' })).toBe(true);
    expect(payCovered(facts)).toBe(false);
    expect(cashPlain('holding', facts)).toEqual([{ id: 'pay', label: 'button.pay', hotkey: 'p', event: { type: 'cash.pay' }, enabled: false }, HELP_BUTTON]);
    expect(cashButtons('holding', { inserted: '5000.00', due: '4750.00' })[0]?.enabled).toBe(true);
  });

  it('has Back only while no note is in, and the dialogs have their two answers', () => {
    expect(cashPlain('empty', facts)).toEqual([
      { id: 'pay', label: 'button.pay', hotkey: 'p', event: { type: 'cash.pay' }, enabled: false },
      { id: 'back', label: 'button.back', hotkey: 'esc', event: { type: 'cash.cancel' }, enabled: true },
      HELP_BUTTON,
    ]);
    expect(cashButtons('moreTime', facts)).toEqual([
      { id: 'yes', label: 'button.yes', hotkey: 'y', event: { type: 'moreTime.yes' }, enabled: true },
      { id: 'no', label: 'button.no', hotkey: 'n', event: { type: 'moreTime.no' }, enabled: true },
    ]);
    expect(cashButtons('quitAsk', facts)).toEqual([
      { id: 'payQuit', label: 'button.payAndQuit', hotkey: 'p', event: { type: 'quit.pay' }, enabled: true },
      { id: 'keep', label: 'button.keepGoing', hotkey: 'esc', event: { type: 'quit.keep' }, enabled: true },
    ]);
  });

  // The cash session (machines/terminal/cash.ts) reads its skin only through these buttons, and of them
  // only how many there are (moveFocus) and the id or focus (resolveNav): so cash.model.test.ts, which walks
  // the session, runs under the default skin alone (vitest.config.ts), and this is what makes that enough.
  it('R-TERM-4: every built-in skin gives each cash screen the same buttons but for their words', () => {
    const screens = ['empty', 'holding', 'moreTime', 'quitAsk'] as const;
    const cases = [
      { inserted: '0.00', due: '4750.00' }, { inserted: '4700.00', due: '4750.00' }, { inserted: '5000.00', due: '4750.00' },
      { inserted: '0.00', due: '4750.00', help: true }, { inserted: '5000.00', due: '4750.00', help: true },
    ];
    for (const skin of BUILT_IN_SKINS) {
      for (const screen of screens) {
        for (const facts of cases) {
          const theirs = cashButtons(screen, { ...facts, skin });
          expect(theirs.map(plain), `${skin.id} ${screen} ${JSON.stringify(facts)}`).toEqual(cashPlain(screen, { ...facts, skin: EUROSET }));
          // and the words are the skin's own
          for (const b of theirs) if (b.text !== undefined) expect(b.text).toEqual(skin.labels[b.label as keyof typeof skin.labels]);
        }
      }
    }
  });
});

describe('the kiosk screens', () => {
  // Euroset's menu, pinned so that every skin's test project checks the same table (R-TERM-4)
  const facts: ButtonFacts = { orderDigits: '', orderNumberLength: 10, phoneDigits: '', operator: null, skin: EUROSET };
  const row = (b: Button) => [b.id, b.label, b.hotkey ?? null, b.event, b.enabled];
  const back = ['back', 'button.back', 'esc', { type: 'nav.back' }, true];
  const help = ['help', 'button.help', 'h', { type: 'help.open' }, true];

  it('the main menu: seven categories with keys 1–7, Other services on 8, the language on L, in two columns', () => {
    expect(kioskButtons('menu', facts).map(row)).toEqual([
      ...['mobile', 'internet', 'utilities', 'banking', 'transport', 'games', 'charity'].map((id, i) => [
        id, `menu.${id}`, String(i + 1), { type: 'menu.category', id }, true,
      ]),
      ['other', 'menu.other', '8', { type: 'menu.other' }, true],
      ['lang', 'button.lang', 'l', { type: 'menu.lang' }, true],
      help,
    ]);
    expect(kioskGrid('menu')).toEqual({ columns: 2 });
    expect(kioskGrid('services')).toEqual({ columns: 1 });
  });

  it('other services lead to the catalogs, and the catalogs to AliExpress; each list ends with Back', () => {
    expect(kioskButtons('services', facts).map(row)).toEqual([
      ['catalogs', 'services.catalogs', '1', { type: 'services.catalogs' }, true],
      ['fines', 'services.fines', '2', { type: 'services.other', id: 'fines' }, true],
      ['loans', 'services.loans', '3', { type: 'services.other', id: 'loans' }, true],
      back,
      help,
    ]);
    expect(kioskButtons('catalogs', facts).map(row)).toEqual([
      ['aliexpress', 'catalogs.aliexpress', '1', { type: 'catalogs.aliexpress' }, true],
      ['avon', 'catalogs.avon', '2', { type: 'catalogs.other', id: 'avon' }, true],
      ['oriflame', 'catalogs.oriflame', '3', { type: 'catalogs.other', id: 'oriflame' }, true],
      ['faberlic', 'catalogs.faberlic', '4', { type: 'catalogs.other', id: 'faberlic' }, true],
      back,
      help,
    ]);
  });

  it('the order-number entry: Next is disabled, saying why, until the number has all its digits', () => {
    const entry = kioskButtons('orderEntry', { ...facts, orderDigits: '123456789' });
    expect(entry.map(row)).toEqual([
      ['backspace', 'button.backspace', 'backspace', { type: 'input.backspace' }, true],
      ['clear', 'button.clear', '*', { type: 'input.clear' }, true],
      back,
      ['next', 'button.next', null, { type: 'order.submit' }, false],
      help,
    ]);
    expect(entry[3]?.whyDisabled).toBe('notice.orderIncomplete');
    const complete = kioskButtons('orderEntry', { ...facts, orderDigits: '1234567890' })[3];
    expect(complete && plain(complete)).toEqual({ id: 'next', label: 'button.next', event: { type: 'order.submit' }, enabled: true });
    expect(orderNumberComplete({ orderDigits: '123456', orderNumberLength: 6 })).toBe(true);
    expect(orderNumberComplete({ orderDigits: '1234567', orderNumberLength: 6 })).toBe(false);
  });

  it('the phone entry: Next needs ten digits from 9 and an operator, and says which is missing', () => {
    const incomplete = kioskButtons('phoneEntry', { ...facts, phoneDigits: '916', operator: 'mts' });
    expect(incomplete.map(row)).toEqual([
      ['backspace', 'button.backspace', 'backspace', { type: 'input.backspace' }, true],
      ['clear', 'button.clear', '*', { type: 'input.clear' }, true],
      ['operator', 'button.operator', 'tab', { type: 'phone.operator' }, true],
      back,
      ['next', 'button.next', null, { type: 'phone.submit' }, false],
      help,
    ]);
    expect(incomplete[4]?.whyDisabled).toBe('notice.phoneIncomplete');
    expect(kioskButtons('phoneEntry', { ...facts, phoneDigits: '9161234567' })[4]?.whyDisabled).toBe('notice.chooseOperator');
    expect(kioskButtons('phoneEntry', { ...facts, phoneDigits: '9161234567', operator: 'mts' })[4]?.enabled).toBe(true);
    expect(phoneComplete({ phoneDigits: '9161234567', operator: 'beeline' })).toBe(true);
    expect(phoneComplete({ phoneDigits: '9161234567', operator: null })).toBe(false);
    expect(phoneComplete({ phoneDigits: '8161234567', operator: 'mts' })).toBe(false);
  });

  it('a refusal offers another number (Esc) or the main menu (M); check data Back/Next; the receipt Done', () => {
    expect(kioskButtons('refused', facts).map(row)).toEqual([
      ['retry', 'button.otherNumber', 'esc', { type: 'refused.retry' }, true],
      ['mainMenu', 'button.mainMenu', 'm', { type: 'refused.menu' }, true],
      help,
    ]);
    expect(kioskButtons('checkData', facts).map(row)).toEqual([back, ['next', 'button.next', null, { type: 'check.confirm' }, true], help]);
    expect(kioskButtons('receipt', facts).map(plain)).toEqual([{ id: 'done', label: 'button.done', event: { type: 'receipt.done' }, enabled: true }, HELP_BUTTON]);
  });
});
