/** The buttons of the cash screen, its "Need more time?" dialog and its "Quit?" dialog. */
import { covers } from '../../src/domain/cash/settlement.js';
import type { Money } from '../../src/domain/money.js';
import { DEFAULT_SKIN, type Skin } from '../../src/domain/skins/index.js';
import type { Button } from '../buttons.js';

export type CashScreen = 'empty' | 'holding' | 'moreTime' | 'quitAsk';

export type CashButtonEvent =
  | { type: 'cash.pay' }
  | { type: 'cash.cancel' }
  | { type: 'moreTime.yes' }
  | { type: 'moreTime.no' }
  | { type: 'quit.pay' }
  | { type: 'quit.keep' }
  | { type: 'help.open' }
  | { type: 'help.close' };

/** What the cash screen's buttons depend on: the money, the brand's words (R-TERM-4), Help showing. */
export interface CashFacts {
  inserted: Money;
  due: Money;
  skin?: Skin;
  help?: boolean;
}

/** Pay is possible once the inserted cash covers the amount due: the Pay button and the machine's guard both ask this. */
export const payCovered = (facts: { inserted: Money; due: Money }): boolean => covers(facts.inserted, facts.due);

export function cashButtons(screen: CashScreen, facts: CashFacts): Button<CashButtonEvent>[] {
  const words = (facts.skin ?? DEFAULT_SKIN).labels;
  const help: Button<CashButtonEvent> = { id: 'help', label: 'button.help', text: words['button.help'], hotkey: 'h', event: { type: 'help.open' }, enabled: true };
  const onScreen = screen === 'empty' || screen === 'holding';
  if (facts.help && onScreen) return [{ id: 'closeHelp', label: 'button.closeHelp', text: words['button.closeHelp'], hotkey: 'esc', event: { type: 'help.close' }, enabled: true }];
  switch (screen) {
    case 'empty':
      return [
        { id: 'pay', label: 'button.pay', text: words['button.pay'], hotkey: 'p', event: { type: 'cash.pay' }, enabled: false },
        { id: 'back', label: 'button.back', text: words['button.back'], hotkey: 'esc', event: { type: 'cash.cancel' }, enabled: true },
        help,
      ];
    case 'holding':
      // Back is gone once a note is in: the terminal never hands cash back.
      return [{ id: 'pay', label: 'button.pay', text: words['button.pay'], hotkey: 'p', event: { type: 'cash.pay' }, enabled: payCovered(facts) }, help];
    case 'moreTime':
      return [
        { id: 'yes', label: 'button.yes', hotkey: 'y', event: { type: 'moreTime.yes' }, enabled: true },
        { id: 'no', label: 'button.no', hotkey: 'n', event: { type: 'moreTime.no' }, enabled: true },
      ];
    case 'quitAsk':
      return [
        { id: 'payQuit', label: 'button.payAndQuit', hotkey: 'p', event: { type: 'quit.pay' }, enabled: true },
        { id: 'keep', label: 'button.keepGoing', hotkey: 'esc', event: { type: 'quit.keep' }, enabled: true },
      ];
  }
}
