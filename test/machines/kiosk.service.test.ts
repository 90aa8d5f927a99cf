/**
 * The kiosk's own side of the terminal: the idle screen, service mode (the hidden sequence, the PIN,
 * encashment, paper, a jam) and the out-of-service screen, each transition read on pure snapshots
 * (see kioskSnapshots.ts). The terminal's side (the lock's timer, the store) is in
 * terminal.jam/registry/paper.test.ts; the model walk (kiosk.model.test.ts) takes these
 * transitions too, in about a minute.
 */
import { describe, expect, it } from 'vitest';
import type { CassetteCount } from '../../src/domain/cash/cassette.js';
import { SERVICE_SEQUENCE } from '../../src/domain/cash/service.js';
import { inactivityMs } from '../../machines/terminal/watchdog.js';
import { after, focused, menu, move, PHONE_MTS, press, RECEIPT, start, TIMEOUTS, type, typedPhone, type Kiosk, type KioskEvent, cash } from './kioskSnapshots.js';

const inactivity = { type: 'timer.inactivity' } as const;
const back = { type: 'nav.back' } as const;
const CASSETTE: CassetteCount = { terminalId: 'T-1', cassetteId: 'T-1-C1', since: null, notes: { 5000: 1 }, count: 1, total: '5000.00' };
const JAM = { sessionId: 's1', code: '', phone: `+7${PHONE_MTS}`, held: [5000], inserted: '0.00' };
const sequence = (): KioskEvent[] => [...SERVICE_SEQUENCE].map((key) => ({ type: 'service.key', key }));
const pinScreen = (from: Kiosk = start()) => after(from, ...sequence());
const service = (from: Kiosk = start()) => after(pinScreen(from), type('0000'), press('next'), { type: 'io.cassetteRead', cassette: CASSETTE, capacity: 1500 });
const jammed = () => after(start(), { type: 'io.jammed', jam: JAM });

describe('the idle screen', () => {
  it('a key wakes it to the main menu; Esc and the watchdog only close Help there', () => {
    expect(menu().value).toBe('menu');
    expect(inactivityMs(start(), undefined, TIMEOUTS)).toBeNull();
    for (const event of [back, inactivity]) {
      const s = after(start(), { type: 'help.open' }, event);
      expect([s.value, s.context.help]).toEqual(['idle', false]);
    }
  });

  it('Help opens over any screen with the focus on Close, and closing gives the focus back', () => {
    const entry = typedPhone();
    const open = after(entry, { type: 'help.open' });
    expect([open.context.help, focused(open)]).toEqual([true, 'closeHelp']);
    const closed = after(open, { type: 'help.close' });
    expect([closed.context.help, closed.context.focus]).toEqual([false, entry.context.focus]);
  });
});

describe('service mode', () => {
  it('the hidden sequence opens the PIN screen, empty, with the focus on OK; a wrong key starts it over', () => {
    const pin = pinScreen();
    expect(pin.value).toBe('servicePin');
    expect([pin.context.pinDigits, focused(pin)]).toEqual(['', 'next']);
    expect(inactivityMs(pin, undefined, TIMEOUTS)).toBe(TIMEOUTS.entryMs);
    const partial = after(start(), ...sequence().slice(0, -1));
    expect([partial.value, partial.context.serviceKeys]).toEqual(['idle', SERVICE_SEQUENCE.slice(0, -1)]);
  });

  it('the PIN is typed, erased and cleared; Cancel, Esc and the watchdog go back to the idle screen', () => {
    const typed = after(pinScreen(), type('123'));
    expect(typed.context.pinDigits).toBe('123');
    expect(after(typed, { type: 'input.backspace' }).context.pinDigits).toBe('12');
    expect(after(typed, { type: 'input.clear' }).context.pinDigits).toBe('');
    for (const event of [press('cancel'), back, inactivity]) expect(after(typed, event).value).toBe('idle');
  });

  it('the right PIN reads the cassette, then shows service mode; a short PIN is not tried', () => {
    expect(after(pinScreen(), type('000'), { type: 'service.submit' }).value).toBe('servicePin');
    const loading = after(pinScreen(), type('0000'), press('next'));
    expect(loading.value).toBe('serviceLoading');
    const shown = service();
    expect([shown.value, shown.context.cassette, shown.context.cassetteCapacity]).toEqual(['service', CASSETTE, 1500]);
    expect(inactivityMs(shown, undefined, TIMEOUTS)).toBe(TIMEOUTS.menuMs);
  });

  it('a wrong PIN says how many tries are left; the third goes back to the idle screen locked', () => {
    const once = after(pinScreen(), type('1111'), press('next'));
    expect([once.value, once.context.notice, once.context.noticeParams, once.context.pinDigits]).toEqual(['servicePin', 'notice.wrongPin', { left: 2 }, '']);
    const third = after(once, type('1111'), press('next'), type('1111'), press('next'));
    expect([third.value, third.context.serviceLocked]).toEqual(['idle', true]);
  });

  it('encashing shows its receipt, then the cassette is read again; the watchdog ends either screen', () => {
    const encashing = after(service(), press('encash'));
    expect(encashing.value).toBe('encashing');
    const receipt = after(encashing, { type: 'io.encashed', encashment: { ...CASSETTE, number: 1, at: 0 } });
    expect([receipt.value, receipt.context.encashment?.number]).toEqual(['serviceReceipt', 1]);
    expect(inactivityMs(receipt, undefined, TIMEOUTS)).toBe(TIMEOUTS.menuMs);
    expect(after(receipt, press('done')).value).toBe('serviceLoading');
    expect(after(receipt, back).value).toBe('serviceLoading');
    expect(after(receipt, inactivity).value).toBe('idle');
  });

  it('Load paper stays in service mode; Exit, Esc and the watchdog go back to the idle screen', () => {
    expect(after(service(), press('paper')).value).toBe('service');
    for (const event of [press('exit'), back, inactivity]) expect(after(service(), ...move('down'), event).value).toBe('idle');
    expect(after(service(), ...move('down'), press('exit')).context.focus).toBe(0);
  });
});

describe('where the focus stands as each service and out-of-service screen opens', () => {
  it('service mode opens on its first button, its receipt on Done, whatever was focused before', () => {
    const pin = pinScreen();
    expect(focused(pin)).toBe('next');
    expect([focused(service()), service().context.focus]).toEqual(['encash', 0]);
    const receipt = after(service(), ...move('down'), press('encash'), { type: 'io.encashed', encashment: { ...CASSETTE, number: 1, at: 0 } });
    expect([receipt.value, focused(receipt)]).toEqual(['serviceReceipt', 'done']);
  });

  it('the PIN screen always opens empty and over Help: a PIN half typed before a jam is gone when the sequence opens it again', () => {
    expect(pinScreen().context.serviceKeys).toBe('');
    const half = after(pinScreen(), type('12'), { type: 'io.jammed', jam: JAM });
    expect([half.value, half.context.pinDigits]).toEqual(['outOfService', '12']);
    const again = after(half, ...sequence());
    expect([again.value, again.context.pinDigits, again.context.serviceKeys, focused(again)]).toEqual(['servicePin', '', '', 'next']);
    const overHelp = after(start(), { type: 'help.open' }, ...sequence());
    expect([overHelp.value, overHelp.context.help, focused(overHelp)]).toEqual(['servicePin', false, 'next']);
  });

  it('a jam takes any screen out of service with the focus on its one button, Help closed and no notice', () => {
    const out = after(typedPhone(), { type: 'input.text', text: 'x' }, { type: 'help.open' }, { type: 'io.jammed', jam: JAM });
    expect([out.value, out.context.focus, out.context.help, out.context.notice]).toEqual(['outOfService', 0, false, null]);
    const fromEntry = after(typedPhone(), { type: 'io.jammed', jam: JAM });
    expect(fromEntry.context.focus).toBe(0);
  });
});

describe('out of service', () => {
  it('a jam puts any screen out of service; it stays so after the idle screen until the jam is cleared', () => {
    expect(after(typedPhone(), { type: 'io.jammed', jam: JAM }).value).toBe('outOfService');
    const out = jammed();
    expect([out.value, out.context.jam]).toEqual(['outOfService', JAM]);
    expect(inactivityMs(out, undefined, TIMEOUTS)).toBeNull();
    expect(after(out, { type: 'help.open' }, back).context.help).toBe(false);
    expect(after(out, { type: 'help.open' }, inactivity).context.help).toBe(false);
    expect(after(out, { type: 'help.open' }, move('down')[0] as KioskEvent).value).toBe('outOfService');
  });

  it('service mode is reached from out of service; Clear jam appears only with a jam, and its payment ends on the receipt', () => {
    expect(after(service(), { type: 'service.clearJam' }).value).toBe('service');
    const withJam = service(jammed());
    expect(withJam.value).toBe('service');
    const clearing = after(withJam, press('clearJam'));
    expect(clearing.value).toBe('clearingJam');
    const paid = after(clearing, { type: 'io.paymentCompleted', receipt: RECEIPT });
    expect([paid.value, paid.context.jam, paid.context.receipt]).toEqual(['receipt', null, RECEIPT]);
    expect(after(paid, press('done')).value).toBe('idle');
  });

  it('the registry lost before any cash: out of service with the reason; during cash the payment goes on; back: in service', () => {
    const lost = after(typedPhone(), { type: 'registry.lost', reason: 'down' });
    expect([lost.value, lost.context.registryDown]).toEqual(['outOfService', 'down']);
    const paying = after(cash(), { type: 'registry.lost', reason: 'down' });
    expect([paying.value, paying.context.registryDown]).toEqual(['cash', 'down']);
    const back = after(lost, { type: 'registry.back' });
    expect([back.value, back.context.registryDown]).toEqual(['idle', null]);
  });

  it('the service lock, the paper and Help are kept on any screen', () => {
    const locked = after(menu(), { type: 'service.locked' });
    expect([locked.value, locked.context.serviceLocked]).toEqual(['menu', true]);
    expect(after(locked, { type: 'service.unlocked' }).context.serviceLocked).toBe(false);
    const out = after(menu(), { type: 'printer.paper', out: true });
    expect([out.value, out.context.paperOut]).toEqual(['menu', true]);
    expect(after(out, { type: 'printer.paper', out: false }).context.paperOut).toBe(false);
  });
});
