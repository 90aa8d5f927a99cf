/** The world: places switched with F1–F3, the phone beside them (R-MOB-9), the program's clock on F9/F10. */
import { afterEach, describe, expect, it } from 'vitest';
import { renderKiosk, type Kiosk } from './harness.js';
import { answerUssd } from '../../src/domain/mobile/ussd.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';

const F1 = '\x1bOP';
const F2 = '\x1bOQ';
const F3 = '\x1bOR';
const F6 = '\x1b[17~';
const F7 = '\x1b[18~';
const F9 = '\x1b[20~';
const ESC = '\x1b';

let k: Kiosk | null = null;
afterEach(() => k?.unmount());

const place = (kiosk: Kiosk) => String(kiosk.world.getSnapshot().value);

describe('places', () => {
  it('F1 shows the site, F3 the terminal again, with the half-typed order number kept', async () => {
    k = renderKiosk({ lang: 'en' });
    await k.press(' ', '8', '1', '1', '1', '0', '0');
    await k.settle();
    expect(k.view().kiosk.orderDigits).toBe('100');
    await k.press(F1);
    await k.waitForText('Products');
    expect(k.lastFrame()).toContain('1–4 add');
    expect(place(k)).toBe('site');
    await k.press('5');
    await k.press(F3);
    await k.waitForText('EUROSET');
    expect(k.view().kiosk.orderDigits).toBe('100');
  });

  it('the site follows the language switched on the terminal, both ways', async () => {
    k = renderKiosk({ lang: 'ru' });
    await k.press(' ');
    await k.settle();
    expect(k.view().screen).toBe('menu');
    await k.press('l');
    await k.settle();
    expect(k.view().lang).toBe('en');
    await k.press(F1);
    await k.waitForText('1–4 add');
    expect(k.lastFrame()).toContain('Products');
    await k.press(F3);
    await k.press('l');
    await k.settle();
    expect(k.view().lang).toBe('ru');
    await k.press(F1);
    await k.waitForText('Товары');
  });

  it('the place bar names F1 Site, F2 Phone, F3 Terminal, F4 Cashier, F5 Post, F6 Training and shows the program\'s date and time', async () => {
    k = renderKiosk({ lang: 'en', columns: 120 });
    await k.waitForText('F1 Site');
    const bar = k.lastFrame().split('\n')[0] ?? '';
    for (const text of ['F1 Site', 'F2 Phone', 'F3 Terminal', 'F4 Cashier', 'F5 Post', 'F6 Training', 'F9 +1 h', 'F10 +1 day', '2026-11-22 10:00:00']) expect(bar).toContain(text);
  });

  it('F9 moves the program\'s clock an hour: the status line shows it and the terminal\'s inactivity timer fires', async () => {
    k = renderKiosk({ lang: 'en' });
    await k.press(' ');
    await k.settle();
    expect(k.view().screen).toBe('menu');
    const before = k.clock.now();
    await k.press(F9);
    await k.settle();
    expect(k.clock.now() - before).toBe(3_600_000);
    expect(k.view().screen).toBe('idle');
    await k.waitForText('2026-11-22 11:00:00');
  });

  it('the terminal\'s timers keep running while another place has the keys', async () => {
    k = renderKiosk({ lang: 'en' });
    await k.press(' ');
    await k.press(F1);
    await k.settle();
    k.clock.increment(DEFAULT_RULES.timeouts.menuMs);
    await k.settle();
    expect(k.view().screen).toBe('idle');
  });

  for (const lang of ['ru', 'en'] as const) {
    it(`F6 gives the Training place the keys; the bar of six places and the time fits 80 columns (${lang})`, async () => {
      k = renderKiosk({ lang, columns: 80, rows: 24 });
      await k.press(F6);
      await k.waitForText(lang === 'en' ? 'who is training?' : 'кто учится?');
      expect(place(k)).toBe('training');
      const bar = k.lastFrame().split('\n')[0] ?? '';
      expect([...bar].length).toBeLessThanOrEqual(80);
      for (const text of lang === 'en' ? ['F1 Site', 'F5 Post', 'F6 Training', '2026-11-22 10:00'] : ['F1 Сайт', 'F5 Почта', 'F6 Учёба', '22.11.2026']) expect(bar).toContain(text);
    });
  }

  it('an unknown key (F7 outside the Training place) changes nothing and says so', async () => {
    k = renderKiosk({ lang: 'en' });
    await k.press(F7);
    await k.waitForText('F7: no such key');
    expect(place(k)).toBe('terminal');
    expect(k.view().screen).toBe('idle');
  });

  it('--place phone opens with the phone having the keys; Esc gives them to the terminal', async () => {
    k = renderKiosk({ lang: 'en', place: 'phone' });
    await k.waitForText('Balance');
    expect(place(k)).toBe('phone');
    await k.press(ESC);
    await k.settle();
    expect(place(k)).toBe('terminal');
  });
});

describe('the phone', () => {
  it('R-MOB-9: *100# answers MTS and MegaFon, *102# Beeline, *105# Tele2; another operator\'s code is unknown for it', () => {
    expect(answerUssd('*100#', 'mts').kind).toBe('balance');
    expect(answerUssd('*100#', 'megafon').kind).toBe('balance');
    expect(answerUssd('*102#', 'beeline').kind).toBe('balance');
    expect(answerUssd('*105#', 'tele2').kind).toBe('balance');
    expect(answerUssd('*102#', 'mts').kind).toBe('otherOperator');
    expect(answerUssd('*100#', 'tele2').kind).toBe('otherOperator');
    expect(answerUssd('*123#', 'mts').kind).toBe('unknown');
    // a phone on no known operator gets no balance and no 'dial your own code' answer
    expect(answerUssd('*100#', null).kind).toBe('unknown');
  });

  it('R-MOB-9: a phone no payment has reached yet is on the operator its number names: *100# answers the fresh MTS demo phone', async () => {
    k = renderKiosk({ lang: 'en' });
    expect(k.store.phoneAccount('+79161234567').operator).toBeNull();
    await k.press(F2);
    await k.waitForText('+7 (916) 123-45-67');
    await k.press('*', '1', '0', '0', '#', '\r');
    await k.waitForText(/\*100#: balance\s0\.00/);
    expect(k.phone.getSnapshot().context.answer).toEqual({ kind: 'balance', code: '*100#' });
  });

  it('R-MOB-9: dialing *100# on the MTS demo phone shows its balance; *105# is unknown for MTS; *111# is unknown', async () => {
    k = renderKiosk({ lang: 'en' });
    k.store.setPhoneAccount('+79161234567', 'mts', '120.00');
    await k.press(F2);
    await k.waitForText('+7 (916) 123-45-67');
    await k.press('*', '1', '0', '0', '#', '\r');
    await k.waitForText(/\*100#: balance\s120\.00/);
    await k.press(ESC, '*', '1', '0', '5', '#', '\r');
    await k.waitForText('*105#: unknown');
    expect(k.phone.getSnapshot().context.answer).toEqual({ kind: 'otherOperator', code: '*105#' });
    expect(k.lastFrame()).toContain('*100#');
    await k.press(ESC, '*', '1', '1', '1', '#', '\r');
    await k.waitForText('*111#: unknown');
    expect(k.phone.getSnapshot().context.answer).toEqual({ kind: 'unknown', code: '*111#' });
  });

  it('the inbox lists SMS newest first and opens one whole', async () => {
    k = renderKiosk({ lang: 'en' });
    const sms = (at: number, receipt: string) => ({ phone: '+79161234567', at, sender: 'MTS', kind: 'topup' as const, amount: '250.00', receipt });
    const account = k.store.phoneAccount('+79161234567');
    // as a payment's change and the store's ledger leave them: the older first
    const phones = (k.store as unknown as { phones: Map<string, typeof account> }).phones;
    phones.set(account.phone, { ...account, operator: 'mts', sms: [sms(k.clock.now() - 60_000, 'T-1-000001'), sms(k.clock.now(), 'T-1-000002')] });
    await k.press(F2);
    await k.settle();
    const inbox = k.phone.getSnapshot().context.inbox;
    expect(inbox.map((s) => (s.kind === 'topup' ? s.receipt : null))).toEqual(['T-1-000002', 'T-1-000001']);
    await k.press('\r');
    await k.waitForText('receipt T-1-000002');
  });
});
