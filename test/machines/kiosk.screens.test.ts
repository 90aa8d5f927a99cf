/**
 * The kiosk's customer screens from the order number to the cash screen, each transition read on
 * pure snapshots (no actors, no parent): where Back, Clear, ⌫, the operator key and the watchdog's
 * timeout lead, where the focus stands as a screen opens, and how the cash screen hands back. The
 * model walk (kiosk.model.test.ts) takes every transition too, but in about a minute; this file
 * states each one by itself, in milliseconds, so a mutation run can afford it.
 */
import { describe, expect, it } from 'vitest';
import { inactivityMs } from '../../machines/terminal/watchdog.js';
import {
  after, cash, catalogs, checkData, CODE, focused, indexOf, move, orderEntry, PHONE_MTS, phoneEntry, press, refused, TIMEOUTS, type, typedCode,
  typedPhone,
} from './kioskSnapshots.js';

describe('R-TERM-1: the order number screen', () => {
  it('opens with the focus on Next and the field empty', () => {
    expect([catalogs().value, orderEntry().value]).toEqual(['catalogs', 'orderEntry']);
    expect(focused(orderEntry())).toBe('next');
    expect(indexOf(orderEntry(), 'next')).toBeGreaterThan(0);
    expect(orderEntry().context.orderDigits).toBe('');
  });

  it('⌫ erases the last digit, Clear the whole field, by key or by button', () => {
    const typed = after(orderEntry(), type('12345'));
    expect(after(typed, { type: 'input.backspace' }).context.orderDigits).toBe('1234');
    expect(after(typed, press('backspace')).context.orderDigits).toBe('1234');
    expect(after(typed, { type: 'input.clear' }).context.orderDigits).toBe('');
    expect(after(typed, press('clear')).context.orderDigits).toBe('');
  });

  it('Back returns to Products by catalogs; the watchdog ends it on the idle screen with the entry timeout', () => {
    expect(after(typedCode(), { type: 'nav.back' }).value).toBe('catalogs');
    expect(after(typedCode(), { type: 'timer.inactivity' }).value).toBe('idle');
    expect(inactivityMs(orderEntry(), undefined, TIMEOUTS)).toBe(TIMEOUTS.entryMs);
  });
});

describe('R-TERM-3: a refused number', () => {
  it('"Other number" goes back to an empty order number; "Main menu" to the main menu; the watchdog to idle', () => {
    const refusedScreen = after(typedCode(), press('next'), refused);
    expect(refusedScreen.value).toBe('refused');
    const retry = after(refusedScreen, press('retry'));
    expect(retry.value).toBe('orderEntry');
    expect(retry.context.orderDigits).toBe('');
    expect(after(refusedScreen, press('mainMenu')).value).toBe('menu');
    expect(after(refusedScreen, { type: 'timer.inactivity' }).value).toBe('idle');
    expect(inactivityMs(refusedScreen, undefined, TIMEOUTS)).toBe(TIMEOUTS.menuMs);
  });
});

describe('R-TERM-1: the check screen', () => {
  it('opens with the focus on Next and has the menu timeout', () => {
    expect(checkData().value).toBe('checkData');
    expect(focused(checkData())).toBe('next');
    expect(indexOf(checkData(), 'next')).toBeGreaterThan(0);
    expect(inactivityMs(checkData(), undefined, TIMEOUTS)).toBe(TIMEOUTS.menuMs);
  });

  it('Back returns to the order number with the number kept; the watchdog ends it on the idle screen', () => {
    const back = after(checkData(), { type: 'nav.back' });
    expect(back.value).toBe('orderEntry');
    expect(back.context.orderDigits).toBe(CODE);
    expect(after(checkData(), { type: 'timer.inactivity' }).value).toBe('idle');
  });
});

describe('R-TERM-2: the phone for the change', () => {
  it('opens with the focus on Next and has the entry timeout', () => {
    expect(phoneEntry().value).toBe('phoneEntry');
    expect(focused(phoneEntry())).toBe('next');
    expect(indexOf(phoneEntry(), 'next')).toBeGreaterThan(0);
    expect(inactivityMs(phoneEntry(), undefined, TIMEOUTS)).toBe(TIMEOUTS.entryMs);
  });

  it('typing moves the focus to Next only once the number is whole', () => {
    const onBackspace = after(phoneEntry(), ...move('up', 4));
    expect(focused(onBackspace)).toBe('backspace');
    const half = after(onBackspace, type(PHONE_MTS.slice(0, 5)));
    expect(focused(half)).toBe('backspace');
    expect(focused(after(half, type(PHONE_MTS.slice(5))))).toBe('next');
  });

  it('⌫ erases the last digit, Clear the whole number, by key or by button', () => {
    expect(after(typedPhone(), { type: 'input.backspace' }).context.phoneDigits).toBe(PHONE_MTS.slice(0, -1));
    expect(after(typedPhone(), press('backspace')).context.phoneDigits).toBe(PHONE_MTS.slice(0, -1));
    expect(after(typedPhone(), { type: 'input.clear' }).context.phoneDigits).toBe('');
    expect(after(typedPhone(), press('clear')).context.phoneDigits).toBe('');
  });

  it('the operator key picks the next operator over the guessed one, and the choice sticks', () => {
    expect(typedPhone().context.operator).toBe('mts');
    const chosen = after(typedPhone(), { type: 'phone.operator' });
    expect(chosen.context).toMatchObject({ operator: 'megafon', operatorChosen: true });
    expect(after(typedPhone(), press('operator')).context.operator).toBe('megafon');
  });

  it('Back returns to the check screen; the watchdog ends it on the idle screen', () => {
    expect(after(typedPhone(), { type: 'nav.back' }).value).toBe('checkData');
    expect(after(typedPhone(), { type: 'timer.inactivity' }).value).toBe('idle');
  });
});

describe('R-TERM-2: the cash screen hands back', () => {
  it('Back with no note in returns to the phone step with everything typed kept', () => {
    expect(cash().value).toBe('cash');
    const back = after(cash(), { type: 'io.cashCancelled', back: true });
    expect(back.value).toBe('phoneEntry');
    expect(back.context).toMatchObject({ orderDigits: CODE, phoneDigits: PHONE_MTS, payable: { code: CODE, due: '4750.00' } });
  });

  it('a session ended any other way goes to the idle screen with the session forgotten', () => {
    const ended = after(cash(), { type: 'io.cashCancelled' });
    expect(ended.value).toBe('idle');
    expect(ended.context).toMatchObject({ orderDigits: '', phoneDigits: '', payable: null });
  });
});
