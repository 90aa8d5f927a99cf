/**
 * Issue 10, item 1: the screens show the rules the running terminal enforces, never the defaults.
 * Each test starts the real kiosk (Ink, keys, SimulatedClock) with non-default rules — a 10,000 ₽
 * cap, 6-digit order numbers, a 40 s "Need more time?", 24-hour codes — and reads the values off the screen.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CODE_LENGTH } from '../../src/domain/orders/demo.js';
import type { Lang } from '../../src/domain/money.js';
import { DEFAULT_RULES, HOUR_MS, SECOND_MS, type KioskRules } from '../../src/domain/rules.js';
import { renderKiosk, screenText, submitOrder, toCash, toOrderEntry, waitForTitle, type Kiosk } from './harness.js';

const RULES: KioskRules = {
  ...DEFAULT_RULES,
  terminalCap: '10000.00',
  codeValidityMs: 24 * HOUR_MS,
  timeouts: { ...DEFAULT_RULES.timeouts, moreTimeMs: 40 * SECOND_MS },
};

let kiosk: Kiosk | null = null;
const open = (lang: Lang, rules: KioskRules) => (kiosk = renderKiosk({ lang, rules }));
afterEach(() => {
  kiosk?.unmount();
  kiosk = null;
});

const TEXTS = {
  en: {
    cap: 'this terminal takes at most 10,000.00 ₽',
    validity: 'codes are valid for 24 hours',
    prompt: 'Enter the order number from the SMS (6 digits)',
    noDemo: 'No demo order has 6 digits: add one with $ kiosk orders new --order-length 6',
    demo: 'Demo orders: 1000000001 … 1000000006',
    moreTime: 'With no answer the payment is cancelled in 40 s.',
  },
  ru: {
    cap: 'терминал принимает не более 10 000,00 ₽',
    validity: 'код действует 24 часа.',
    prompt: '(6 цифр)',
    noDemo: 'Нет демо-заказов из 6 цифр: добавьте заказ $ kiosk orders new --order-length 6',
    demo: 'Демо-заказы: 1000000001 … 1000000006',
    moreTime: 'Без ответа платёж будет отменён через 40 с.',
  },
} as const;

describe.each(['en', 'ru'] as const)('screens under configured rules (%s)', (lang) => {
  const text = TEXTS[lang];

  it('R-TERM-3: the over-cap refusal names the cap the terminal runs with (10,000 ₽), not the default 15,000 ₽', async () => {
    const k = open(lang, RULES);
    await toOrderEntry(k, lang);
    await submitOrder(k, lang, '1000000003');
    const shown = screenText(await waitForTitle(k, lang, 'refused'));
    expect(shown).toContain(text.cap);
    expect(shown).not.toMatch(/15[ ,\u00a0]000/);
  });

  it('R-CODE-2: the expired-code refusal names the validity the terminal runs with (24 hours), not 48', async () => {
    const k = open(lang, RULES);
    await toOrderEntry(k, lang);
    await submitOrder(k, lang, '1000000004');
    const shown = screenText(await waitForTitle(k, lang, 'refused'));
    expect(shown).toContain(text.validity);
    expect(shown).not.toContain('48');
  });

  it('"Need more time?" counts down from the configured 40 s', async () => {
    const k = open(lang, RULES);
    await toCash(k, lang, '1000000002');
    k.clock.increment(RULES.timeouts.cashNoNoteMs);
    const shown = screenText(await k.waitForText(lang === 'en' ? 'Need more time?' : 'Нужно больше времени?'));
    expect(shown).toContain(text.moreTime);
  });

  it('with 6-digit order numbers the entry asks for 6 digits and the idle screen offers no 10-digit demo order', async () => {
    const k = open(lang, { ...DEFAULT_RULES, orderNumberLength: 6 });
    const idle = screenText(await waitForTitle(k, lang, 'idle'));
    expect(idle).toContain(text.noDemo);
    expect(idle).not.toContain('1000000001');
    await toOrderEntry(k, lang);
    const entry = screenText(k.lastFrame());
    expect(entry).toContain(text.prompt);
    expect(entry).toContain('_ _ _ _ _ _');
    expect(entry).not.toContain('_ _ _ _ _ _ _');
  });

  it('with the demo codes\' length the idle screen advertises the demo orders', async () => {
    const k = open(lang, { ...DEFAULT_RULES, orderNumberLength: DEMO_CODE_LENGTH });
    expect(screenText(await waitForTitle(k, lang, 'idle'))).toContain(text.demo);
  });
});
