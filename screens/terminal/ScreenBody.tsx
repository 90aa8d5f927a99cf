/** Picks the screen component, title and help line for what the terminal shows now. */
import React from 'react';
import type { View } from '../../src/app/view.js';
import { buttonText, t } from '../../src/i18n/index.js';
import { formatMoney } from '../../src/i18n/format.js';
import { CashScreen } from './CashScreen.js';
import { CheckDataScreen } from './CheckDataScreen.js';
import { EntryScreen } from './EntryScreen.js';
import { IdleScreen } from './IdleScreen.js';
import { MenuScreen } from './MenuScreen.js';
import { MoreTimeDialog, QuitDialog } from './MoreTimeDialog.js';
import { ReceiptScreen } from './ReceiptScreen.js';
import { RefusedScreen } from './RefusedScreen.js';
import { FaultScreen, OutOfServiceScreen, RecoveredScreen, WaitScreen } from './StatusScreens.js';
import { HelpScreen } from './HelpScreen.js';
import { CassetteScreen, EncashmentScreen, ServicePinScreen } from './ServiceScreens.js';
import { routeItem, type LocalText, type SkinLabelKey } from '../../src/domain/skins/index.js';

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
  servicePin: 'service.pinTitle',
  serviceLoading: 'service.title',
  service: 'service.title',
  encashing: 'service.title',
  serviceReceipt: 'service.receiptTitle',
  outOfService: 'jam.title',
  clearingJam: 'service.title',
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

/** The title in the brand's words where it words it (R-TERM-4), else the kiosk's; with Help up, the brand's "Help". */
export function screenTitle(view: View): string {
  const key = view.help ? 'help.title' : TITLES[view.screen];
  const worded = view.skin.labels[key as SkinLabelKey] as LocalText | undefined;
  const title = worded ? worded[view.lang] : t(view.lang, key);
  // the receipt's title line carries the brand's receipt header (the receipt itself fills the screen)
  return view.screen === 'receipt' && !view.help ? `${title} · ${view.skin.receiptHeader[view.lang]}` : title;
}
export const screenHelp = (view: View): string =>
  t(view.lang, view.help ? 'help.buttons' : view.screen === 'phoneEntry' || view.screen === 'topupPhone' ? 'help.phone' : view.screen === 'outOfService' ? 'jam.helpLine' : HELP[view.mode]);

/** The kiosk's notice or hint under the body; the cash screen shows its own acceptor notices instead. */
/** The notice line: why a pressed button is disabled, a hint about the last key. */
export function screenNotice(view: View): string | null {
  if (view.mode === 'cash' || view.mode === 'dialog') {
    const locked = view.cash?.notice?.kind === 'payLocked' ? view.cash.notice : null;
    if (!locked) return null;
    // a top-up owes nothing: Pay waits for the first note, not for an amount
    return view.topUp ? t(view.lang, 'topup.cash.payLocked') : t(view.lang, 'cash.payLocked', { missing: formatMoney(locked.missing, view.lang) });
  }
  const notice = view.help ? null : view.kiosk.notice;
  if (!notice) return null;
  // "Not available" names the next step: on Other services that is Products by catalogs, not Aliexpress yet.
  const key = notice === 'notice.notInEmulator' && view.screen === 'services' ? 'notice.notInEmulator.services' : notice;
  // the next step in the brand's own words (R-TERM-4): the item of this menu that goes on to AliExpress
  const menu = view.screen === 'services' ? 'services' : view.screen === 'catalogs' ? 'catalogs' : 'main';
  const route = routeItem(view.skin, menu)?.label[view.lang] ?? '';
  // the main menu's other working category, Mobile, in the brand's words too
  const mobileButton = view.buttons.find((b) => b.id === 'mobile');
  const mobile = mobileButton ? buttonText(view.lang, mobileButton) : '';
  return t(view.lang, key, { route, mobile, ...view.kiosk.noticeParams });
}

export function ScreenBody({ view }: { view: View }) {
  if (view.help) return <HelpScreen view={view} />;
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
    case 'servicePin':
      return <ServicePinScreen view={view} />;
    case 'serviceLoading':
    case 'encashing':
      return <WaitScreen view={view} message="service.busy" />;
    case 'service':
      return <CassetteScreen view={view} />;
    case 'serviceReceipt':
      return <EncashmentScreen view={view} />;
    case 'outOfService':
      return <OutOfServiceScreen view={view} />;
    case 'clearingJam':
      return <WaitScreen view={view} message="jam.busy" />;
  }
}
