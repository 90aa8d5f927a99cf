/** The buttons of each desk screen, as data. Labels are i18n keys; what cannot act yet is disabled with its reason. */
import { covers, sumNotes } from '../../src/domain/cash/settlement.js';
import type { Button } from '../buttons.js';
import type { DeskContext } from './deskContext.js';

export type DeskScreen = 'greeting' | 'code' | 'readBack' | 'cash' | 'receipt' | 'qr' | 'refused' | 'cashierRole';

export type DeskButtonEvent =
  | { type: 'desk.payAli' }
  | { type: 'desk.role' }
  | { type: 'desk.next' }
  | { type: 'desk.confirm' }
  | { type: 'desk.handOver' }
  | { type: 'desk.done' }
  | { type: 'desk.showQr' }
  | { type: 'nav.back' }
  | { type: 'input.backspace' };

export type DeskButton = Button<DeskButtonEvent>;

// every desk button has a key of its own (the desk has no unlabelled keys)
const button = (id: string, label: string, event: DeskButtonEvent, hotkey: string): DeskButton => ({ id, label, event, hotkey, enabled: true });
const disabled = (b: DeskButton, whyDisabled: string): DeskButton => ({ ...b, enabled: false, whyDisabled });

/** The code has the length of an order number (the SMS code). */
export const codeComplete = (c: Pick<DeskContext, 'code' | 'rules'>): boolean => c.code.length === c.rules.orderNumberLength;

/** The notes handed over cover what is due: the cashier takes nothing less. */
export const handedCovers = (c: Pick<DeskContext, 'handed' | 'readBack'>): boolean =>
  c.readBack !== null && covers(sumNotes(c.handed), c.readBack.due);

export function deskButtons(screen: DeskScreen, c: DeskContext): DeskButton[] {
  switch (screen) {
    case 'greeting':
      return [button('payAli', 'desk.button.payAli', { type: 'desk.payAli' }, '1'), button('role', 'desk.button.playCashier', { type: 'desk.role' }, 'r')];
    case 'code': {
      const next = button('next', 'button.next', { type: 'desk.next' }, 'enter');
      return [
        button('backspace', 'button.backspace', { type: 'input.backspace' }, 'backspace'),
        button('back', 'button.back', { type: 'nav.back' }, 'esc'),
        codeComplete(c) ? next : disabled(next, 'desk.codeIncomplete'),
      ];
    }
    case 'readBack':
      return [button('yes', 'desk.button.yes', { type: 'desk.confirm' }, 'enter'), button('other', 'desk.button.otherCode', { type: 'nav.back' }, 'esc')];
    case 'cash': {
      const give = button('handOver', 'desk.button.handOver', { type: 'desk.handOver' }, 'p');
      return [handedCovers(c) ? give : disabled(give, 'desk.notCovered'), button('takeBack', 'desk.button.takeBack', { type: 'nav.back' }, 'esc')];
    }
    case 'receipt':
      return [button('done', 'desk.button.done', { type: 'desk.done' }, 'enter'), button('qr', 'desk.button.qr', { type: 'desk.showQr' }, 'q')];
    case 'qr':
      return [button('back', 'desk.button.toReceipt', { type: 'nav.back' }, 'esc')];
    case 'refused':
      return [button('ok', 'desk.button.ok', { type: 'desk.done' }, 'enter')];
    case 'cashierRole':
      return [button('role', 'desk.button.playCustomer', { type: 'desk.role' }, 'r')];
  }
}
