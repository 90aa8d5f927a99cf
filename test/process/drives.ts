/**
 * Two ways the kill test drives a kiosk process through one payment: the real dist/kiosk.js under a
 * pseudo-terminal (keys in, screen text out), or the headless terminal (same machine, adapters, store
 * and keymap, no Ink) for the bulk, which starts several times faster.
 */
import type { Money } from '../../src/domain/money.js';
import { HeadlessKiosk } from './headlessKiosk.js';
import { IDLE, insertedShows, noteKey, openCash, RECEIPT_SHOWN, startKiosk, startScreen } from './kioskDriver.js';
import type { Exit, PtyKiosk } from './ptyKiosk.js';

export interface Recovered {
  amount: Money;
  code: string;
}

export interface Drive {
  /** waits for the start screen: the recovered payments when `expectRecovery`, then the idle screen */
  start(expectRecovery: boolean): Promise<Recovered[]>;
  /** the phone for the change: `phoneDigits` (10 digits), else the demo phone */
  openCash(code: string, phoneDigits?: string): Promise<void>;
  pressNote(note: number): void;
  /** waits until the screen shows this running total (the note is journaled) */
  noteShown(total: number): Promise<void>;
  pressPay(): void;
  receiptShown(): Promise<void>;
  /** Done on the receipt: back to the idle screen for the next customer */
  finish(): Promise<void>;
  quit(): void;
  kill(): void;
  died(): Promise<Exit>;
  dispose(): void;
}

export function ptyDrive(dir: string, env: Record<string, string>): Drive {
  const kiosk: PtyKiosk = startKiosk(dir, env);
  return {
    async start(expectRecovery) {
      const lines = await startScreen(kiosk, expectRecovery);
      if (lines.length > 0) kiosk.press(' ');
      return lines.map((l) => ({ code: l.code, amount: l.amount.replace(/,/g, '') }));
    },
    openCash: (code, phoneDigits) => openCash(kiosk, code, phoneDigits),
    pressNote: (note) => kiosk.press(noteKey(note)),
    noteShown: async (total) => void (await kiosk.waitFor(insertedShows(total))),
    pressPay: () => kiosk.press('p'),
    receiptShown: async () => void (await kiosk.waitFor(RECEIPT_SHOWN)),
    async finish() {
      kiosk.press('\r');
      await kiosk.waitFor(IDLE);
    },
    quit: () => kiosk.press('\x03'),
    kill: () => kiosk.kill(),
    died: () => kiosk.died(),
    dispose: () => kiosk.dispose(),
  };
}

/** The headless terminal also tells why a code was refused at its lookup. */
export interface HeadlessDrive extends Drive {
  /** from the idle screen, types the code: the lookup's refusal reason (`alreadyPaid`, …); the refusal stays on screen */
  refusedAtLookUp(code: string): Promise<string>;
}

export function headlessDrive(dir: string, env: Record<string, string>): HeadlessDrive {
  const kiosk = new HeadlessKiosk({ KIOSK_DATA_DIR: dir, ...env });
  const view = async (want: (fields: string[]) => boolean, what: string) => {
    const line = await kiosk.next('view');
    const fields = line!.split(' ');
    if (!want(fields)) throw new Error(`headless kiosk: expected ${what}, got "${line}"`);
  };
  return {
    async start() {
      const recovered: Recovered[] = [];
      for (let line = await kiosk.next(''); line !== 'ready'; line = await kiosk.next('')) {
        const [kind, amount, code] = line!.split(' ');
        if (kind === 'recovered') recovered.push({ amount: amount!, code: code! });
      }
      if (recovered.length > 0) {
        kiosk.send(' ');
        await view(() => true, 'the idle screen');
      }
      return recovered;
    },
    async openCash(code, phoneDigits = '9161234567') {
      kiosk.send(`x811${code}\r\r${phoneDigits}\r`);
      await view((f) => f[1] === 'cash', 'the cash screen');
    },
    async refusedAtLookUp(code) {
      kiosk.send(`x811${code}\r`);
      const line = await kiosk.next('view');
      const [, screen, , , reason] = line!.split(' ');
      if (screen !== 'refused' || reason === undefined) throw new Error(`headless kiosk: expected the refusal of ${code}, got "${line}"`);
      return reason;
    },
    pressNote: (note) => kiosk.send(noteKey(note)),
    noteShown: (total) => view((f) => f[2] === `${total}.00`, `${total}.00 inserted`),
    pressPay: () => kiosk.send('p'),
    receiptShown: () => view((f) => f[1] === 'receipt' && f[3] !== '-', 'the receipt'),
    async finish() {
      kiosk.send('\r');
      await view((f) => f[1] === 'idle', 'the idle screen');
    },
    quit: () => kiosk.send('\x03'),
    kill: () => kiosk.kill(),
    died: () => kiosk.died(),
    dispose: () => kiosk.dispose(),
  };
}
