/**
 * Touch on the phone (issue 21: every place answers taps): a message of the inbox opens when tapped,
 * whichever is selected (screens/phone/PhoneScreen.tsx types the arrows to it and Enter, so the phone
 * machine is unchanged), and "Esc back" on its help line goes back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderKiosk, type Kiosk } from './harness.js';
import { ALIEXPRESS_SENDER } from '../../src/domain/orders/orderLife.js';
import { tapBytes } from '../../src/app/mouse.js';
import { cellOf } from './cellOf.js';
import { inboxKeys } from '../../screens/phone/PhoneScreen.js';

const PHONE = '+79161234567';
const F2 = '\x1bOQ';

let open: Kiosk[] = [];
afterEach(() => {
  for (const kiosk of open) kiosk.unmount();
  open = [];
});

const cellOfLast = (kiosk: Kiosk, text: string) => cellOf(kiosk.lastFrame(), text);

describe('the keys a tap on an inbox message types', () => {
  it('are the arrows from the selected message to it, then Enter', () => {
    expect(inboxKeys(0, 0)).toBe('Enter');
    expect(inboxKeys(2, 0)).toBe('Down Down Enter');
    expect(inboxKeys(0, 1)).toBe('Up Enter');
  });
});

describe('a tap on the phone', () => {
  it('R-MOB-2: on an inbox message that is not selected opens that one; "Esc back" returns to the inbox', async () => {
    const kiosk = renderKiosk({ lang: 'en', columns: 100, rows: 30 });
    open.push(kiosk);
    const now = kiosk.world.getSnapshot().context.now;
    kiosk.store.sendSms({ phone: PHONE, at: now - 120_000, sender: ALIEXPRESS_SENDER, kind: 'code', amount: '14990.00', code: '1000000001' });
    kiosk.store.sendSms({ phone: PHONE, at: now - 60_000, sender: ALIEXPRESS_SENDER, kind: 'refund', amount: '300.00', code: '1000000002' });
    await kiosk.press(F2);
    await kiosk.waitForText('Enter read');
    const phone = () => kiosk.world.getSnapshot().context.phone.getSnapshot();
    // newest first: the refund is selected, the code's SMS (older) is the second line
    const lines = kiosk.lastFrame().split('\n').filter((line) => / \d\d:\d\d /.test(line) && line.includes('AliExpress'));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    const second = lines[1]!.slice(lines[1]!.indexOf('║') + 1).trim();
    await kiosk.press(tapBytes(cellOfLast(kiosk, second)));
    await kiosk.waitForText('1000000001');
    expect(phone().context.inbox[phone().context.selected]?.kind).toBe('code');
    await kiosk.press(tapBytes(cellOfLast(kiosk, 'Esc back')));
    await kiosk.waitForText('Enter read');
  });
});
