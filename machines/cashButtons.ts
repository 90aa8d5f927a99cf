/** The buttons of the cash screen and of its "Need more time?" dialog. */
import { covers } from '../src/domain/settlement.js';
import type { Money } from '../src/domain/money.js';
import type { Button } from './buttons.js';

export type CashScreen = 'empty' | 'holding' | 'moreTime';

export type CashButtonEvent =
  | { type: 'cash.pay' }
  | { type: 'cash.cancel' }
  | { type: 'moreTime.yes' }
  | { type: 'moreTime.no' };

export function cashButtons(screen: CashScreen, facts: { inserted: Money; due: Money }): Button<CashButtonEvent>[] {
  switch (screen) {
    case 'empty':
      return [
        { id: 'pay', label: 'button.pay', hotkey: 'p', event: { type: 'cash.pay' }, enabled: false },
        { id: 'back', label: 'button.back', hotkey: 'esc', event: { type: 'cash.cancel' }, enabled: true },
      ];
    case 'holding':
      // Back is gone once a note is in: the terminal never hands cash back.
      return [{ id: 'pay', label: 'button.pay', hotkey: 'p', event: { type: 'cash.pay' }, enabled: covers(facts.inserted, facts.due) }];
    case 'moreTime':
      return [
        { id: 'yes', label: 'button.yes', hotkey: 'y', event: { type: 'moreTime.yes' }, enabled: true },
        { id: 'no', label: 'button.no', hotkey: 'n', event: { type: 'moreTime.no' }, enabled: true },
      ];
  }
}
