/**
 * The phone place in the real kiosk under a pty (the demo phone, +7 916 123-45-67): it answers the
 * operator's SMS of a mobile payment (R-MOB-2) and reads the answer that comes back by SMS. Used by
 * the mixed race on one PostgreSQL registry (test/process/pgMixedRace.test.ts).
 */
import { panelText } from './deskDrive.js';
import { startKiosk } from './kioskDriver.js';
import type { Exit, PtyKiosk } from './ptyKiosk.js';

const F2 = '\x1bOQ';
const F3 = '\x1bOR';
const DOWN = '\x1b[B';
/** the phone's home screen's keys (its inbox, one row per SMS) */
const HOME = 'Enter read';
/** a message read whole shows its full date and time (an inbox row shows `12-02 08:37`) */
const READING = /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/;
/** the last line of a message read whole: its keys */
const READ_HELP = /Esc back( · r reply)?$/;
/** how far down the inbox the answer may be: the terminals' receipt SMS of the same moment may be newer */
const ANSWER_WITHIN = 8;

export type PhoneAnswer = 'paid' | 'refused';

export interface PhoneDrive {
  start(): Promise<void>;
  /** the phone gets the keys again (so it reads the store), then `r` on the payment's request SMS */
  openReply(transaction: string): Promise<void>;
  /** types the reply; Enter is not pressed yet */
  typeReply(text: string): Promise<void>;
  pressSend(): void;
  /** the operator's answer SMS to this payment, read whole: paid, or refused as the order needs no payment now */
  answer(transaction: string, code: string): Promise<PhoneAnswer>;
  quit(): void;
  died(): Promise<Exit>;
  dispose(): void;
}

export function phoneDrive(dir: string, env: Record<string, string>): PhoneDrive {
  const kiosk: PtyKiosk = startKiosk(dir, env, ['--place', 'phone']);
  const screenText = (screen: string) => panelText(screen, '║');
  const until = async (want: (text: string) => boolean, label: string) =>
    screenText(await kiosk.waitForScreen((s) => want(screenText(s)), `the phone: ${label}`));
  return {
    start: async () => void (await until((t) => t.includes(HOME), 'its home screen')),
    async openReply(transaction) {
      kiosk.press(F3);
      // the phone beside a place is drawn single-lined (┌), the phone holding the keys double-lined (╔)
      await kiosk.waitForScreen((s) => s.includes('┌') && !s.includes('╔'), 'the phone: the keys given to the terminal');
      // F2 makes the phone read the store; keys wait while it loads, so `r` replies to the newest request
      // (waiting for the "r reply" hint first found the phone's help squashed by a long inbox: fixed in PhoneScreen)
      kiosk.press(F2);
      kiosk.press('r');
      await until((t) => t.includes(`Payment ${transaction}:`) && t.includes('> '), `the reply to ${transaction}`);
    },
    async typeReply(text) {
      kiosk.press(text);
      await until((t) => t.includes(`> ${text}`), 'the reply typed');
    },
    pressSend: () => kiosk.press('\r'),
    async answer(transaction, code) {
      const paid = `Payment ${transaction} succeeded`;
      const refused = `Payment for order ${code} refused. The order needs no payment now`;
      let previous = '';
      const read: string[] = [];
      for (let i = 0; i < ANSWER_WITHIN; i++) {
        if (i > 0) {
          // back to the inbox, then ↓ to the next SMS
          kiosk.press('\x1b');
          await until((t) => !READING.test(t), 'the inbox');
          kiosk.press(DOWN);
        }
        kiosk.press('\r');
        // whole: the answer, or a frame drawn down to the reading screen's help (a frame may arrive in parts)
        const text = await until((t) => READING.test(t) && t !== previous && (t.includes(paid) || t.includes(refused) || READ_HELP.test(t)), `message ${i + 1} read whole`);
        if (text.includes(paid)) return 'paid';
        if (text.includes(refused)) return 'refused';
        previous = text;
        read.push(text);
      }
      throw new Error(`the phone: no answer to ${transaction} among its newest ${ANSWER_WITHIN} SMS:\n${read.join('\n')}`);
    },
    quit: () => kiosk.press('\x03'),
    died: () => kiosk.died(),
    dispose: () => kiosk.dispose(),
  };
}
