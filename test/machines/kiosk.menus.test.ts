/**
 * The kiosk's menus, the phone top-up and the receipt, each transition read on pure snapshots (see
 * kioskSnapshots.ts): where each button, Back and the watchdog's timeout lead, where the focus
 * stands as a screen opens, what a menu item outside the emulator says. The model walk
 * (kiosk.model.test.ts) takes these transitions too, but in about a minute; here each is stated by
 * itself, in milliseconds, so a mutation run can afford it.
 */
import { describe, expect, it } from 'vitest';
import { OTHER_CATALOGS, OTHER_SERVICES } from '../../machines/terminal/kioskButtons.js';
import { inactivityMs } from '../../machines/terminal/watchdog.js';
import {
  after, catalogs, cash, focused, indexOf, menu, move, orderEntry, PHONE_MTS, press, RECEIPT, services, TIMEOUTS, topupCash, topupPhone, type,
  typedTopUp,
} from './kioskSnapshots.js';

const inactivity = { type: 'timer.inactivity' } as const;
const back = { type: 'nav.back' } as const;
const otherService = OTHER_SERVICES[0] ?? '';
const otherCatalog = OTHER_CATALOGS[0] ?? '';

describe('R-TERM-1: the menus on the way to the order number', () => {
  it('each menu has the menu timeout, and the watchdog ends it on the idle screen', () => {
    for (const screen of [menu(), services(), catalogs()]) {
      expect(inactivityMs(screen, undefined, TIMEOUTS)).toBe(TIMEOUTS.menuMs);
      expect(after(screen, inactivity).value).toBe('idle');
    }
  });

  it('Back goes up one menu, and each menu opens with the focus on its first button and no notice', () => {
    const fromServices = after(services(), ...move('down'), back);
    expect(fromServices.value).toBe('menu');
    expect(fromServices.context.focus).toBe(0);
    const fromCatalogs = after(catalogs(), ...move('down'), back);
    expect(fromCatalogs.value).toBe('services');
    expect(fromCatalogs.context.focus).toBe(0);
    const fromEntry = after(orderEntry(), back);
    expect(fromEntry.value).toBe('catalogs');
    expect(fromEntry.context.focus).toBe(0);
    expect(after(services(), press(otherService), back).context.notice).toBeNull();
    expect(after(menu(), ...move('right'), press('other')).context.focus).toBe(0);
  });

  it('an item this emulator does not have says so and stays; Aliexpress opens an empty order number', () => {
    expect(otherService).not.toBe('');
    const service = after(services(), press(otherService));
    expect([service.value, service.context.notice]).toEqual(['services', 'notice.notInEmulator']);
    const catalog = after(catalogs(), press(otherCatalog));
    expect([catalog.value, catalog.context.notice]).toEqual(['catalogs', 'notice.notInEmulator']);
    const again = after(orderEntry(), type('12345'), back, press('aliexpress'));
    expect([again.value, again.context.orderDigits]).toEqual(['orderEntry', '']);
  });

  it('a category of the main menu other than Mobile says payments go by the catalogs; the language button switches', () => {
    const category = after(menu(), press('internet'));
    expect([category.value, category.context.notice]).toEqual(['menu', 'topup.notice.otherCategory']);
    expect(after(menu(), press('lang')).context.lang).toBe('ru');
    expect(after(menu(), press('lang'), press('lang')).context.lang).toBe('en');
  });
});

describe('R-TERM-2: a phone top-up (Mobile)', () => {
  it('opens with the focus on Next, the entry timeout and an empty number, the operator guessed again', () => {
    const opened = topupPhone();
    expect(opened.value).toBe('topupPhone');
    expect(focused(opened)).toBe('next');
    expect(indexOf(opened, 'next')).toBeGreaterThan(0);
    expect(inactivityMs(opened, undefined, TIMEOUTS)).toBe(TIMEOUTS.entryMs);
    const again = after(typedTopUp(), { type: 'phone.operator' }, back, press('mobile'));
    expect(again.context).toMatchObject({ phoneDigits: '', operator: null, operatorChosen: false });
  });

  it('typing moves the focus to Next only once the number is whole', () => {
    const onBackspace = after(topupPhone(), ...move('up', 4));
    expect(focused(onBackspace)).toBe('backspace');
    const half = after(onBackspace, type(PHONE_MTS.slice(0, 5)));
    expect(focused(half)).toBe('backspace');
    expect(focused(after(half, type(PHONE_MTS.slice(5))))).toBe('next');
  });

  it('⌫, Clear and the operator key edit the number; Next goes on only with it whole', () => {
    const typed = typedTopUp();
    expect(after(typed, press('backspace')).context.phoneDigits).toBe(PHONE_MTS.slice(0, -1));
    expect(after(typed, press('clear')).context.phoneDigits).toBe('');
    expect(after(typed, press('operator')).context).toMatchObject({ operator: 'megafon', operatorChosen: true });
    expect(after(typed, press('backspace'), { type: 'topup.submit' }).value).toBe('topupPhone');
    expect(after(typed, { type: 'topup.submit' }).value).toBe('topupCash');
  });

  it('Back returns to the main menu; the watchdog ends it on the idle screen', () => {
    expect(after(typedTopUp(), back).value).toBe('menu');
    expect(after(typedTopUp(), inactivity).value).toBe('idle');
  });

  it('the cash screen hands back: Back with no note to the number, kept; any other end to the idle screen; paid to the receipt', () => {
    const returned = after(topupCash(), { type: 'io.cashCancelled', back: true });
    expect([returned.value, returned.context.phoneDigits]).toEqual(['topupPhone', PHONE_MTS]);
    const ended = after(topupCash(), { type: 'io.cashCancelled' });
    expect([ended.value, ended.context.phoneDigits]).toEqual(['idle', '']);
    const paid = after(topupCash(), { type: 'io.paymentCompleted', receipt: RECEIPT, bySms: true });
    expect(paid.value).toBe('receipt');
    expect(paid.context).toMatchObject({ receipt: RECEIPT, receiptBySms: true });
  });
});

describe('R-TERM-5: the receipt', () => {
  const paid = () => after(cash(), { type: 'io.paymentCompleted', receipt: RECEIPT });

  it('a paid order shows its receipt, printed, with the focus on Done and the menu timeout', () => {
    const shown = paid();
    expect(shown.value).toBe('receipt');
    expect(shown.context).toMatchObject({ receipt: RECEIPT, receiptBySms: false });
    expect(focused(shown)).toBe('done');
    expect(inactivityMs(shown, undefined, TIMEOUTS)).toBe(TIMEOUTS.menuMs);
  });

  it('Done, Esc or the watchdog end the session on the idle screen', () => {
    for (const end of [press('done'), back, inactivity]) {
      const ended = after(paid(), end);
      expect(ended.value).toBe('idle');
      expect(ended.context.receipt).toBeNull();
    }
  });
});
