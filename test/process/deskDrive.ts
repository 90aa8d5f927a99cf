/**
 * A desk (the phone shop's cashier or the Post's window 3) in the real kiosk under a pty, played as
 * the customer: pay a code in cash and read the desk's answer off the screen. Used by the mixed race
 * on one PostgreSQL registry (test/process/pgMixedRace.test.ts).
 */
import type { DeskPlace } from '../../src/domain/fiscal/desks.js';
import { noteKey, rubles, startKiosk } from './kioskDriver.js';
import type { Exit, PtyKiosk } from './ptyKiosk.js';

const ASK_CODE = 'The order code from the SMS, please.';
const READ_BACK = "Yes, that's right";
const ASK_MONEY = 'Your money, please.';
const PAID = 'Here is the receipt: keep it until the parcel arrives.';
/** the desk's answer when another place paid the code while it counted the money (machines/desk.ts `paidMeanwhile`) */
const PAID_MEANWHILE = 'While I was counting, the order was paid elsewhere. Here is your money back:';

/**
 * One panel of the screen as one line of text: the part of each row between the first two `edge`
 * characters (`│` the place's panel, `║` the phone holding the keys), joined with spaces, so a
 * sentence wrapped inside the panel reads whole and the panel beside it is left out. Only plain
 * spaces are collapsed: amounts keep their no-break spaces, as `rubles()` writes them.
 */
export function panelText(screen: string, edge: '│' | '║'): string {
  const inside = new RegExp(`${edge}([^${edge}]*)${edge}`);
  const rows = screen.split('\n').map((row) => inside.exec(row)?.[1]?.trim() ?? '');
  return rows.filter((row) => row !== '').join(' ').replace(/ +/g, ' ');
}

const deskText = (screen: string) => panelText(screen, '│');

export type DeskAnswer = { kind: 'paid' } | { kind: 'paidMeanwhile'; handedBack: string };

export interface DeskDrive {
  readonly place: DeskPlace;
  start(): Promise<void>;
  /** from the greeting to "Your money, please." for this code (its lookup found it payable) */
  openCash(code: string): Promise<void>;
  /** from the greeting to the desk's answer to a code it refuses at once (its lookup), as the screen says it */
  refusedAtLookUp(code: string): Promise<string>;
  /** hands one note and waits until the desk shows it handed */
  handNote(note: number): Promise<void>;
  pressHandOver(): void;
  /** the desk's answer to the hand-over: its receipt, or the money handed back as the screen says */
  answer(): Promise<DeskAnswer>;
  /** Enter on the receipt or the refusal: back to the greeting */
  finish(): Promise<void>;
  quit(): void;
  died(): Promise<Exit>;
  dispose(): void;
}

export function deskDrive(place: DeskPlace, dir: string, env: Record<string, string>): DeskDrive {
  const kiosk: PtyKiosk = startKiosk(dir, env, ['--place', place]);
  const until = async (want: (text: string) => boolean, label: string) => deskText(await kiosk.waitForScreen((s) => want(deskText(s)), `the ${place} desk: ${label}`));
  const greeting = () => until((t) => t.includes('Pay an AliExpress order in cash'), 'the greeting');
  return {
    place,
    start: async () => void (await greeting()),
    async openCash(code) {
      kiosk.press('1');
      await until((t) => t.includes(ASK_CODE), ASK_CODE);
      kiosk.press(`${code}\r`);
      await until((t) => t.includes(READ_BACK) && t.includes(`order ${code}`), `the read-back of ${code}`);
      kiosk.press('\r');
      await until((t) => t.includes(ASK_MONEY), ASK_MONEY);
    },
    async refusedAtLookUp(code) {
      kiosk.press('1');
      await until((t) => t.includes(ASK_CODE), ASK_CODE);
      kiosk.press(`${code}\r`);
      const text = await until((t) => /"[^"]*(cannot|expired|no such|cancelled)[^"]*"/.test(t), `the refusal of ${code}`);
      return /"[^"]*(cannot|expired|no such|cancelled)[^"]*"/.exec(text)![0];
    },
    async handNote(note) {
      kiosk.press(noteKey(note));
      await until((t) => t.includes(`Handed over: ${rubles(note)}`), `${note} handed over`);
    },
    pressHandOver: () => kiosk.press('p'),
    async answer() {
      const text = await until((t) => t.includes(PAID) || t.includes(PAID_MEANWHILE), 'the receipt or the money handed back');
      if (text.includes(PAID)) return { kind: 'paid' };
      const handedBack = new RegExp(`${PAID_MEANWHILE} ([\\d,.]+)\\s₽`).exec(text)?.[1];
      if (!handedBack) throw new Error(`the ${place} refused without naming the money handed back: ${text}`);
      return { kind: 'paidMeanwhile', handedBack: handedBack.replace(/,/g, '') };
    },
    async finish() {
      kiosk.press('\r');
      await greeting();
    },
    quit: () => kiosk.press('\x03'),
    died: () => kiosk.died(),
    dispose: () => kiosk.dispose(),
  };
}
