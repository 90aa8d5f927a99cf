/**
 * The kiosk's buttons as data on the screens buttons.test.ts leaves out: service mode (the PIN, the
 * menu, its receipt), the idle and out-of-service screens, the phone top-up, Help over a screen, and
 * the grid each screen is laid out on. Service mode speaks the kiosk's own words (no skin text).
 */
import { describe, expect, it } from 'vitest';
import { EUROSET } from '../../src/domain/skins/index.js';
import type { Button } from '../../machines/buttons.js';
import { kioskButtons, kioskGrid, pinReady, type ButtonFacts } from '../../machines/terminal/kioskButtons.js';

const facts: ButtonFacts = { orderDigits: '', orderNumberLength: 10, phoneDigits: '', operator: null, skin: EUROSET };
const row = (b: Button) => [b.id, b.label, b.hotkey ?? null, b.event, b.enabled];
const JAM = { sessionId: 's1' };

describe('service mode', () => {
  it('the PIN screen: ⌫, Cancel (Esc), and OK once four digits are typed, saying why not before', () => {
    const short = kioskButtons('servicePin', { ...facts, pinDigits: '000' });
    expect(short.map(row)).toEqual([
      ['backspace', 'button.backspace', 'backspace', { type: 'input.backspace' }, true],
      ['cancel', 'service.cancel', 'esc', { type: 'service.exit' }, true],
      ['next', 'button.ok', null, { type: 'service.submit' }, false],
    ]);
    expect(short[2]?.whyDisabled).toBe('notice.pinIncomplete');
    const ready = kioskButtons('servicePin', { ...facts, pinDigits: '0000' })[2];
    expect(ready && [row(ready), ready.whyDisabled]).toEqual([['next', 'button.ok', null, { type: 'service.submit' }, true], undefined]);
    expect(short.map((b) => b.text)).toEqual([EUROSET.labels['button.backspace'], undefined, undefined]);
  });

  it('a locked service login keeps OK disabled, saying it is locked, whatever is typed', () => {
    const locked = kioskButtons('servicePin', { ...facts, pinDigits: '0000', serviceLocked: true })[2];
    expect([locked?.enabled, locked?.whyDisabled]).toEqual([false, 'notice.serviceLocked']);
    expect(pinReady({ pinDigits: '0000', serviceLocked: true })).toBe(false);
    expect(pinReady({ pinDigits: '12345678', serviceLocked: false })).toBe(true);
    expect(pinReady({ pinDigits: '123', serviceLocked: false })).toBe(false);
    expect(pinReady({ serviceLocked: false })).toBe(false);
  });

  it('the service menu: Remove cassette 1, Load paper 2, Clear jam 3 only while a note is held, Exit (Esc); its receipt: Done', () => {
    const encash = ['encash', 'service.remove', '1', { type: 'service.encash' }, true];
    const paper = ['paper', 'paper.load', '2', { type: 'service.loadPaper' }, true];
    const exit = ['exit', 'service.exit', 'esc', { type: 'service.exit' }, true];
    expect(kioskButtons('service', facts).map(row)).toEqual([encash, paper, exit]);
    expect(kioskButtons('service', { ...facts, jam: null }).map(row)).toEqual([encash, paper, exit]);
    expect(kioskButtons('service', { ...facts, jam: JAM }).map(row)).toEqual([encash, paper, ['clearJam', 'jam.clear', '3', { type: 'service.clearJam' }, true], exit]);
    expect(kioskButtons('serviceReceipt', facts).map(row)).toEqual([['done', 'button.done', null, { type: 'service.done' }, true]]);
  });
});

describe('the other screens, Help and the grid', () => {
  const help = ['help', 'button.help', 'h', { type: 'help.open' }, true];

  it('the idle and out-of-service screens offer only Help', () => {
    expect(kioskButtons('idle', facts).map(row)).toEqual([help]);
    expect(kioskButtons('outOfService', facts).map(row)).toEqual([help]);
  });

  it('R-TERM-2: the top-up number has the phone entry\'s buttons, its Next tops up', () => {
    const whole = kioskButtons('topupPhone', { ...facts, phoneDigits: '9161234567', operator: 'mts' });
    expect(whole.map((b) => b.id)).toEqual(['backspace', 'clear', 'operator', 'back', 'next', 'help']);
    expect(whole[4] && row(whole[4])).toEqual(['next', 'button.next', null, { type: 'topup.submit' }, true]);
  });

  it('R-TERM-4: with Help open every screen offers only Close (Esc), in the skin\'s words', () => {
    for (const screen of ['idle', 'menu', 'orderEntry', 'servicePin', 'service', 'receipt'] as const) {
      const buttons = kioskButtons(screen, { ...facts, help: true });
      expect(buttons.map(row)).toEqual([['closeHelp', 'button.closeHelp', 'esc', { type: 'help.close' }, true]]);
      expect(buttons[0]?.text).toEqual(EUROSET.labels['button.closeHelp']);
    }
  });

  it('the main menu and the receipt are two columns, one column once Help shows over them; the rest one column', () => {
    expect([kioskGrid('menu'), kioskGrid('receipt'), kioskGrid('menu', { help: false })]).toEqual([{ columns: 2 }, { columns: 2 }, { columns: 2 }]);
    expect([kioskGrid('menu', { help: true }), kioskGrid('receipt', { help: true })]).toEqual([{ columns: 1 }, { columns: 1 }]);
    expect([kioskGrid('catalogs'), kioskGrid('service'), kioskGrid('phoneEntry')]).toEqual([{ columns: 1 }, { columns: 1 }, { columns: 1 }]);
  });
});
