/**
 * The kiosk's own bookkeeping (machines/terminal/kioskSetup.ts), read on pure snapshots (see
 * kioskSnapshots.ts): what a new customer's session forgets and what the terminal keeps, what each
 * field says while typing, how wrong PINs are counted, how the focus moves and what a disabled
 * button says. The screens' paths are in kiosk.screens/menus/service.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVICE_PIN, SERVICE_SEQUENCE } from '../../src/domain/cash/service.js';
import { guessOperator } from '../../src/domain/mobile/phone.js';
import { DEFAULT_SKIN, QIWI } from '../../src/domain/skins/index.js';
import {
  after, cash, checkData, CODE, focused, menu, move, orderEntry, payable, phoneEntry, press, refused, start, startWith, type, typedCode, type Kiosk, type KioskEvent,
} from './kioskSnapshots.js';

const inactivity = { type: 'timer.inactivity' } as const;
const JAM = { sessionId: 's1', code: '', phone: '+79161234567', held: [5000], inserted: '0.00' };
const sequence = (): KioskEvent[] => [...SERVICE_SEQUENCE].map((key) => ({ type: 'service.key', key }));
const wrongPin = (from: Kiosk) => after(from, ...sequence(), type('1111'), press('next'));

describe('a new session forgets the customer and keeps the terminal', () => {
  it('the language goes back to the terminal\'s; its number length, skin and service PIN stay', () => {
    const own = startWith({ lang: 'en', orderNumberLength: 6, skin: QIWI, servicePin: '4321' });
    const next = after(own, { type: 'kiosk.wake' }, press('lang'), press('other'), press('catalogs'), press('aliexpress'), type('123'), inactivity);
    expect(next.value).toBe('idle');
    expect(next.context).toMatchObject({ lang: 'en', defaultLang: 'en', orderNumberLength: 6, skin: QIWI, servicePin: '4321', orderDigits: '' });
    expect(after(next, ...sequence(), type('4321'), press('next')).value).toBe('serviceLoading');
  });

  it('a terminal that says nothing of its own gets Russian, ten-digit numbers, Euroset and PIN 0000', () => {
    const plain = startWith({});
    expect(plain.context).toMatchObject({ lang: 'ru', defaultLang: 'ru', orderNumberLength: 10, skin: DEFAULT_SKIN, servicePin: DEFAULT_SERVICE_PIN });
    expect(DEFAULT_SERVICE_PIN).toBe('0000');
  });

  it('each session starts on the idle screen with Help closed, even when the last one timed out under Help', () => {
    expect([start().context.help, start().context.focus]).toEqual([false, 0]);
    const timedOut = after(menu(), { type: 'help.open' }, inactivity);
    expect([timedOut.value, timedOut.context.help]).toEqual(['idle', false]);
  });

  it('wrong PINs are counted across sessions, the paper stays out, a held note and a lost registry keep it out of service', () => {
    const once = after(wrongPin(start()), press('cancel'));
    expect([once.value, once.context.serviceAttempts]).toEqual(['idle', 1]);
    const twice = wrongPin(once);
    expect([twice.context.notice, twice.context.noticeParams]).toEqual(['notice.wrongPin', { left: 1 }]);
    const noPaper = after(menu(), { type: 'printer.paper', out: true }, inactivity);
    expect([noPaper.value, noPaper.context.paperOut]).toEqual(['idle', true]);
    const jammed = after(start(), { type: 'io.jammed', jam: JAM }, ...sequence(), press('cancel'));
    expect([jammed.value, jammed.context.jam]).toEqual(['outOfService', JAM]);
    const lost = after(cash(), { type: 'registry.lost', reason: 'down' }, { type: 'io.cashCancelled' });
    expect([lost.value, lost.context.registryDown]).toEqual(['outOfService', 'down']);
  });

  it('the right PIN forgets the wrong ones: three more are needed to lock', () => {
    const right = after(wrongPin(start()), type('0000'), press('next'));
    expect([right.value, right.context.serviceAttempts, right.context.pinDigits]).toEqual(['serviceLoading', 0, '']);
    const again = wrongPin(after(right, { type: 'io.cassetteRead', cassette: {} as never, capacity: 0 }, press('exit')));
    expect([again.value, again.context.noticeParams]).toEqual(['servicePin', { left: 2 }]);
    const locked = after(again, type('1111'), press('next'), type('1111'), press('next'));
    expect([locked.value, locked.context.serviceLocked, locked.context.serviceAttempts, locked.context.pinDigits]).toEqual(['idle', true, 0, '']);
  });
});

describe('typing into a field', () => {
  it('digits only: a letter is dropped with a hint, the next digit clears it; a full field says so and keeps its length', () => {
    const letter = after(orderEntry(), type('12a'));
    expect([letter.context.orderDigits, letter.context.notice]).toEqual(['12', 'hint.digitsOnly']);
    expect(after(letter, type('3')).context.notice).toBeNull();
    const full = after(typedCode(), type('9'));
    expect([full.context.orderDigits, full.context.notice]).toEqual([CODE, 'hint.fieldFull']);
    expect(after(full, { type: 'input.backspace' }).context.notice).toBeNull();
    expect(after(full, { type: 'input.clear' }).context.notice).toBeNull();
  });

  it('a field filled exactly says nothing; a pasted number loses its dashes and spaces; a letter past the end says digits only, not full', () => {
    expect(typedCode().context).toMatchObject({ orderDigits: CODE, notice: null });
    expect(after(typedCode(), type('5x')).context).toMatchObject({ orderDigits: CODE, notice: 'hint.digitsOnly' });
    expect(after(orderEntry(), type('10-000 000-01')).context).toMatchObject({ orderDigits: CODE, notice: 'hint.digitsOnly' });
  });

  it('the PIN takes digits only, at most eight; ⌫ clears the hint', () => {
    const pin = after(start(), ...sequence());
    expect(after(pin, type('1x')).context).toMatchObject({ pinDigits: '1', notice: 'hint.digitsOnly' });
    const full = after(pin, type('123456789'));
    expect(full.context).toMatchObject({ pinDigits: '12345678', notice: 'hint.fieldFull' });
    expect(after(full, { type: 'input.backspace' }).context).toMatchObject({ pinDigits: '1234567', notice: null });
  });

  it('R-TERM-2: a letter on an empty phone says digits only, not that the phone starts with 9 (nothing was typed yet)', () => {
    expect(after(phoneEntry(), type('x')).context).toMatchObject({ phoneDigits: '', notice: 'hint.digitsOnly' });
  });

  it('R-TERM-2: the phone starts with 9; its operator is guessed, then kept once chosen, and the key goes round the four', () => {
    const eight = after(phoneEntry(), type('8916'));
    expect(eight.context).toMatchObject({ phoneDigits: '', notice: 'hint.phoneStartsWith9' });
    expect(guessOperator('940')).toBeNull();
    const unknown = after(phoneEntry(), type('9401234567'));
    expect(unknown.context.operator).toBeNull();
    const cycled = [1, 2, 3, 4].map((n) => after(unknown, ...Array.from({ length: n }, (): KioskEvent => ({ type: 'phone.operator' }))).context.operator);
    expect(cycled).toEqual(['mts', 'megafon', 'beeline', 'tele2']);
    const chosen = after(unknown, { type: 'phone.operator' }, { type: 'input.backspace' }, type('7'), { type: 'input.clear' });
    expect(chosen.context).toMatchObject({ phoneDigits: '', operator: 'mts', operatorChosen: true });
    const guessed = after(phoneEntry(), type('916'), { type: 'input.backspace' });
    expect(guessed.context).toMatchObject({ phoneDigits: '91', operator: null });
    expect(after(phoneEntry(), type('916'), { type: 'input.clear' }).context.operator).toBeNull();
  });
});

describe('the focus and the buttons', () => {
  it('the arrows move on the main menu\'s two columns and clear the notice', () => {
    const noticed = after(menu(), press('internet'));
    const down = after(noticed, ...move('down'));
    expect([focused(down), down.context.notice]).toEqual(['utilities', null]);
  });

  it('a disabled Next stays put and says why, with the number\'s length', () => {
    const early = after(orderEntry(), type('123'), press('next'));
    expect([early.value, early.context.notice, early.context.noticeParams]).toEqual(['orderEntry', 'notice.orderIncomplete', { digits: 10 }]);
    const enter = after(orderEntry(), type('123'), { type: 'nav.activate' });
    expect([enter.value, enter.context.notice]).toEqual(['orderEntry', 'notice.orderIncomplete']);
    expect(after(orderEntry(), type(CODE), { type: 'nav.activate' }).value).toBe('lookingUp');
  });

  it('R-TERM-3: a refusal keeps its reason and the amount when there is one (none otherwise); each answer forgets the other', () => {
    // strict: a refusal without an amount has no `due` at all, not one that is undefined
    expect(after(typedCode(), press('next'), refused).context.refusal).toStrictEqual({ code: CODE, reason: 'unknown' });
    const refusedAfterPayable = after(checkData(), { type: 'nav.back' }, press('next'), refused);
    expect([refusedAfterPayable.value, refusedAfterPayable.context.payable]).toEqual(['refused', null]);
    const payableAfterRefusal = after(typedCode(), press('next'), refused, press('retry'), type(CODE), press('next'), payable);
    expect([payableAfterRefusal.value, payableAfterRefusal.context.refusal]).toEqual(['checkData', null]);
    const overCap: KioskEvent = { type: 'io.orderLookedUp', result: { kind: 'refused', code: CODE, reason: 'overCap', due: '15000.01' } };
    const over = after(typedCode(), press('next'), overCap);
    expect([over.value, over.context.refusal, over.context.payable]).toEqual(['refused', { code: CODE, reason: 'overCap', due: '15000.01' }, null]);
  });
});
