/**
 * The desk's buttons as data (machines/desk/deskButtons.ts): each screen's ids, i18n labels, events and
 * hotkeys, and what is disabled with its reason: the code until it is complete, the notes until they
 * cover what is due (R-CASH-2: the cashier takes exactly the amount, nothing less).
 */
import { describe, expect, it } from 'vitest';
import { codeComplete, deskButtons, handedCovers } from '../../machines/desk/deskButtons.js';
import { initialDeskContext, type DeskContext } from '../../machines/desk/deskContext.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';

const ctx = (over: Partial<DeskContext> = {}): DeskContext => ({ ...initialDeskContext({ place: 'cashier' }), ...over });
const readBack = { code: '1000000001', due: '4750.00', paidBefore: '0.00' };

describe('the desk\'s buttons', () => {
  it('each screen\'s buttons: id, label, event, hotkey', () => {
    expect(deskButtons('greeting', ctx())).toEqual([
      { id: 'payAli', label: 'desk.button.payAli', event: { type: 'desk.payAli' }, hotkey: '1', enabled: true },
      { id: 'role', label: 'desk.button.playCashier', event: { type: 'desk.role' }, hotkey: 'r', enabled: true },
    ]);
    expect(deskButtons('readBack', ctx())).toEqual([
      { id: 'yes', label: 'desk.button.yes', event: { type: 'desk.confirm' }, hotkey: 'enter', enabled: true },
      { id: 'other', label: 'desk.button.otherCode', event: { type: 'nav.back' }, hotkey: 'esc', enabled: true },
    ]);
    expect(deskButtons('receipt', ctx())).toEqual([
      { id: 'done', label: 'desk.button.done', event: { type: 'desk.done' }, hotkey: 'enter', enabled: true },
      { id: 'qr', label: 'desk.button.qr', event: { type: 'desk.showQr' }, hotkey: 'q', enabled: true },
    ]);
    expect(deskButtons('qr', ctx())).toEqual([{ id: 'back', label: 'desk.button.toReceipt', event: { type: 'nav.back' }, hotkey: 'esc', enabled: true }]);
    expect(deskButtons('refused', ctx())).toEqual([{ id: 'ok', label: 'desk.button.ok', event: { type: 'desk.done' }, hotkey: 'enter', enabled: true }]);
    expect(deskButtons('cashierRole', ctx())).toEqual([{ id: 'role', label: 'desk.button.playCustomer', event: { type: 'desk.role' }, hotkey: 'r', enabled: true }]);
  });

  it('the code screen: ⌫ and Back always, Next only once the code has the order number\'s length', () => {
    const edit = [
      { id: 'backspace', label: 'button.backspace', event: { type: 'input.backspace' }, hotkey: 'backspace', enabled: true },
      { id: 'back', label: 'button.back', event: { type: 'nav.back' }, hotkey: 'esc', enabled: true },
    ];
    const next = { id: 'next', label: 'button.next', event: { type: 'desk.next' }, hotkey: 'enter' };
    const short = '1'.repeat(DEFAULT_RULES.orderNumberLength - 1);
    expect(deskButtons('code', ctx({ code: short }))).toEqual([...edit, { ...next, enabled: false, whyDisabled: 'desk.codeIncomplete' }]);
    expect(deskButtons('code', ctx({ code: `${short}1` }))).toEqual([...edit, { ...next, enabled: true }]);
    expect(codeComplete(ctx({ code: `${short}12` }))).toBe(false);
    expect(codeComplete({ code: '123', rules: { ...DEFAULT_RULES, orderNumberLength: 3 } })).toBe(true);
  });

  it('R-CASH-2: the cash screen: Hand over only once the notes cover what is due; Take back always', () => {
    const give = { id: 'handOver', label: 'desk.button.handOver', event: { type: 'desk.handOver' }, hotkey: 'p' };
    const takeBack = { id: 'takeBack', label: 'desk.button.takeBack', event: { type: 'nav.back' }, hotkey: 'esc', enabled: true };
    expect(deskButtons('cash', ctx({ readBack, handed: [1000, 2000, 1000, 500, 200] }))).toEqual([{ ...give, enabled: false, whyDisabled: 'desk.notCovered' }, takeBack]);
    expect(deskButtons('cash', ctx({ readBack, handed: [5000] }))).toEqual([{ ...give, enabled: true }, takeBack]);
    expect(handedCovers({ readBack: { ...readBack, due: '4700.00' }, handed: [1000, 2000, 1000, 500, 200] })).toBe(true);
    expect(handedCovers({ readBack: null, handed: [5000] })).toBe(false);
  });

  it('a new visit: the customer\'s role, Russian, the default rules and cap, nothing typed, handed or read back', () => {
    expect(initialDeskContext({ place: 'post' })).toEqual({
      place: 'post', role: 'customer', lang: 'ru', rules: DEFAULT_RULES, cap: null, focus: 0, notice: null, ticket: 0, code: '',
      readBack: null, handed: [], refusal: null, returned: null, receipt: null, scroll: 0, fault: null,
    });
    expect(initialDeskContext({ place: 'cashier', role: 'cashier', lang: 'en', cap: '15000.00' })).toMatchObject({ role: 'cashier', lang: 'en', cap: '15000.00' });
    expect(initialDeskContext({ place: 'cashier', cap: null }).cap).toBeNull();
  });
});
