/** Driving the real kiosk through its menus with keys, as a customer would (English screens). */
import { formatMoney } from '../../src/domain/money.js';
import { keyOfNote } from '../../src/domain/cash/banknoteKeys.js';
import type { Banknote } from '../../src/domain/rules.js';
import { PtyKiosk } from './ptyKiosk.js';

export const IDLE = 'Press any key to start';
export const RECOVERED = /Unfinished payment recovered: ([\d,.]+)\s₽ for order (\d+)/;
export const RECEIPT_SHOWN = 'Keep this receipt until the parcel arrives';
const CASH_SCREEN = 'Insert banknotes';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const rubles = (amount: number | string) => formatMoney(typeof amount === 'number' ? `${amount}.00` : amount, 'en');
/** The cash screen's running total, once the last note is journaled and shown. */
export const insertedShows = (total: number) => new RegExp(`Inserted\\s+${escape(rubles(total))}`);
/** 1–8 insert 10 … 5000 ₽. */
export const noteKey = (note: number) => keyOfNote(note as Banknote, false);

export function startKiosk(dataDir: string, extraEnv: Record<string, string> = {}, args: string[] = []): PtyKiosk {
  return new PtyKiosk(['--lang', 'en', ...args], { KIOSK_DATA_DIR: dataDir, ...extraEnv });
}

/**
 * The recovered payments' lines the kiosk shows on start, when `expectRecovery` (decided from the
 * database before the start); else waits for the idle screen. The idle screen is also the first frame
 * drawn while recovery is still running, so it cannot tell by itself that nothing was recovered.
 */
export async function startScreen(kiosk: PtyKiosk, expectRecovery: boolean): Promise<Array<{ amount: string; code: string }>> {
  if (!expectRecovery) return await kiosk.waitFor(IDLE), [];
  const screen = await kiosk.waitFor(RECOVERED);
  return [...screen.matchAll(new RegExp(RECOVERED.source, 'g'))].map((m) => ({ amount: m[1]!, code: m[2]! }));
}

/** From the idle screen to the cash screen for an order: the R-TERM-1 path, then the phone for the change. */
export async function openCash(kiosk: PtyKiosk, code: string, phoneDigits = '9161234567'): Promise<void> {
  await kiosk.waitFor(IDLE);
  kiosk.press(`x811${code}\r`);
  await kiosk.waitFor('Check your data');
  kiosk.press('\r');
  await kiosk.waitFor('Phone number for the change');
  kiosk.press(`${phoneDigits}\r`);
  await kiosk.waitFor(CASH_SCREEN);
}
