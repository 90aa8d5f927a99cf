/** Keys → the phone's events, per phone screen; Esc on its home screen gives the keys back (the world). */
import type { Key } from 'ink';
import type { PhoneEvent } from '../../machines/phone.js';
import type { WorldEvent } from '../../machines/world.js';
import type { PhoneScreen } from './worldView.js';

export type PhoneKeyAction = { kind: 'phone'; event: PhoneEvent } | { kind: 'world'; event: WorldEvent } | { kind: 'none' } | { kind: 'wait' };

const phone = (event: PhoneEvent): PhoneKeyAction => ({ kind: 'phone', event });
const NONE: PhoneKeyAction = { kind: 'none' };
const isDialKey = (input: string) => /^[0-9*#]$/.test(input);

export function mapPhoneKey(screen: PhoneScreen, input: string, key: Partial<Key>): PhoneKeyAction {
  if (screen === 'loading' || screen === 'sendingReply') return { kind: 'wait' };
  const back = key.escape === true;
  const enter = key.return === true;
  const erase = key.backspace === true || key.delete === true;
  const dial = !key.ctrl && !key.meta && isDialKey(input) ? phone({ type: 'phone.dial', key: input }) : null;
  switch (screen) {
    case 'home':
      if (back) return { kind: 'world', event: { type: 'place.back' } };
      if (key.upArrow) return phone({ type: 'phone.move', dir: 'up' });
      if (key.downArrow) return phone({ type: 'phone.move', dir: 'down' });
      if (enter) return phone({ type: 'phone.open' });
      if (input === 'r' && !key.ctrl && !key.meta) return phone({ type: 'phone.reply' });
      return dial ?? NONE;
    case 'reading':
      if (input === 'r' && !key.ctrl && !key.meta) return phone({ type: 'phone.reply' });
      return back || enter || erase ? phone({ type: 'phone.back' }) : NONE;
    case 'replying':
      if (back) return phone({ type: 'phone.back' });
      if (enter) return phone({ type: 'phone.send' });
      if (erase) return phone({ type: 'phone.erase' });
      return input && !key.ctrl && !key.meta ? phone({ type: 'phone.type', text: input }) : NONE;
    case 'dialing':
      if (back) return phone({ type: 'phone.back' });
      if (enter) return phone({ type: 'phone.call' });
      if (erase) return phone({ type: 'phone.erase' });
      return dial ?? NONE;
    case 'answered':
      if (back || enter) return phone({ type: 'phone.back' });
      return dial ?? NONE;
  }
}
