/** Picks the screen component, title and help line for what the terminal shows now. */
import React from 'react';
import type { View } from '../../src/app/view.js';
import { t } from '../../src/i18n/index.js';
import { formatMoney } from '../../src/i18n/format.js';
import { CashScreen } from './CashScreen.js';
import { CheckDataScreen } from './CheckDataScreen.js';
import { EntryScreen } from './EntryScreen.js';
import { IdleScreen } from './IdleScreen.js';
import { MenuScreen } from './MenuScreen.js';
import { MoreTimeDialog, QuitDialog } from './MoreTimeDialog.js';
import { ReceiptScreen } from './ReceiptScreen.js';
import { RefusedScreen } from './RefusedScreen.js';
import { FaultScreen, RecoveredScreen, WaitScreen } from './StatusScreens.js';

const TITLES: Record<View['screen'], string> = {
  idle: 'idle.title',
  menu: 'menu.title',
  services: 'services.title',
  catalogs: 'catalogs.title',
  orderEntry: 'order.title',
  lookingUp: 'order.title',
  refused: 'refused.title',
  checkData: 'check.title',
  phoneEntry: 'phone.title',
  topupPhone: 'topup.title',
  cash: 'cash.title',
  moreTime: 'cash.title',
  quitAsk: 'cash.title',
  processing: 'cash.title',
  receipt: 'receipt.title',
  recovered: 'recovered.title',
  fault: 'fault.title',
};

const HELP: Record<View['mode'], string> = {
  wake: 'help.idle',
  buttons: 'help.buttons',
  digits: 'help.entry',
  cash: 'help.cash',
  dialog: 'help.dialog',
  busy: 'help.wait',
  acknowledge: 'help.recovered',
  halted: 'help.halted',
  closed: 'help.wait',
};

export const screenTitle = (view: View): string => t(view.lang, TITLES[view.screen]);
export const screenHelp = (view: View): string => t(view.lang, view.screen === 'phoneEntry' || view.screen === 'topupPhone' ? 'help.phone' : HELP[view.mode]);

/** The kiosk's notice or hint under the body; the cash screen shows its own acceptor notices instead. */
/** The notice line: why a pressed button is disabled, a hint about the last key. */
export function screenNotice(view: View): string | null {
  if (view.mode === 'cash' || view.mode === 'dialog') {
    const locked = view.cash?.notice?.kind === 'payLocked' ? view.cash.notice : null;
    if (!locked) return null;
    // a top-up owes nothing: Pay waits for the first note, not for an amount
    return view.topUp ? t(view.lang, 'topup.cash.payLocked') : t(view.lang, 'cash.payLocked', { missing: formatMoney(locked.missing, view.lang) });
  }
  const notice = view.kiosk.notice;
  if (!notice) return null;
  // "Not available" names the next step: on Other services that is Products by catalogs, not Aliexpress yet.
  const key = notice === 'notice.notInEmulator' && view.screen === 'services' ? 'notice.notInEmulator.services' : notice;
  return t(view.lang, key, view.kiosk.noticeParams);
}

export function ScreenBody({ view }: { view: View }) {
  switch (view.screen) {
    case 'idle':
      return <IdleScreen view={view} />;
    case 'menu':
    case 'services':
    case 'catalogs':
      return <MenuScreen view={view} />;
    case 'orderEntry':
    case 'phoneEntry':
    case 'topupPhone':
      return <EntryScreen view={view} />;
    case 'lookingUp':
      return <WaitScreen view={view} message="lookup.busy" />;
    case 'refused':
      return <RefusedScreen view={view} />;
    case 'checkData':
      return <CheckDataScreen view={view} />;
    case 'cash':
      return <CashScreen view={view} />;
    case 'moreTime':
      return <MoreTimeDialog view={view} />;
    case 'quitAsk':
      return <QuitDialog view={view} />;
    case 'processing':
      return <WaitScreen view={view} message="processing" />;
    case 'receipt':
      return <ReceiptScreen view={view} />;
    case 'recovered':
      return <RecoveredScreen view={view} />;
    case 'fault':
      return <FaultScreen view={view} />;
  }
}
