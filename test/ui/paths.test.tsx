/**
 * Every demo order (src/domain/orders/demo.ts) driven through the real screens by keys, in English and in
 * Russian: idle → Other services → Products by catalogs → Aliexpress → Order number → …
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/domain/money.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { EUROSET } from '../../src/domain/skins/index.js';
import {
  KEY, panelText, renderKiosk, rowWith, screenText, submitOrder, titleOf, toCash, toOrderEntry, waitForTitle, type Kiosk,
} from './harness.js';

const LANGS: Lang[] = ['en', 'ru'];
const PHONE = '+79161234567';

let kiosk: Kiosk | null = null;
const open = (lang: Lang) => (kiosk = renderKiosk({ lang }));
afterEach(() => {
  kiosk?.unmount();
  kiosk = null;
});

const EXPECT = {
  en: {
    accepted5000: 'Accepted: 5,000 ₽',
    noSms: 'No messages',
    toPhone250: 'To phone +7 (916) 123-45-67 (MTS) 250.00 ₽',
    toPhone0: 'To phone +7 (916) 123-45-67 (MTS) 0.00 ₽',
    acceptedRow5000: 'Accepted 5,000.00 ₽',
    acceptedRow3000: 'Accepted 3,000.00 ₽',
    sms250: '+250.00 ₽ to your balance, receipt T-1-000001',
    payReady: 'Press Pay to finish',
    overCap: 'Order 1000000003 is 16,990.00 ₽: this terminal takes at most 15,000.00 ₽. Pay at a cashier or at Russian Post.',
    expired: 'The code of order 1000000004 has expired: codes are valid for 48 hours. Place the order again on the site to get a new code.',
    alreadyPaid: 'Order 1000000005 is already paid.',
    toOrder2000: 'Credited to the order 2,000.00 ₽',
    owed300: 'Price has risen: order partially paid, still owed 300.00 ₽',
    keep: 'Keep this receipt until the parcel arrives',
    retry: '[Esc] Another number',
    noChange: 'The terminal gives no change. Any overpayment is credited to the mobile phone number you enter next.',
    advice: 'Tip: bring an amount close to the sum due.',
    due4750: 'Amount due: 4,750.00 ₽',
  },
  ru: {
    accepted5000: 'Принята купюра 5 000 ₽',
    noSms: 'Нет сообщений',
    toPhone250: 'На телефон +7 (916) 123-45-67 (МТС) 250,00 ₽',
    toPhone0: 'На телефон +7 (916) 123-45-67 (МТС) 0,00 ₽',
    acceptedRow5000: 'Принято 5 000,00 ₽',
    acceptedRow3000: 'Принято 3 000,00 ₽',
    sms250: '+250,00 ₽ зачислено на баланс, чек T-1-000001',
    payReady: 'Нажмите «Оплатить», чтобы завершить',
    overCap: 'Сумма заказа 1000000003 — 16 990,00 ₽: терминал принимает не более 15 000,00 ₽. Оплатите на кассе или на Почте России.',
    expired: 'Код заказа 1000000004 устарел: код действует 48 часов. Оформите заказ на сайте заново, чтобы получить новый код.',
    alreadyPaid: 'Заказ 1000000005 уже оплачен.',
    toOrder2000: 'Зачислено в оплату заказа 2 000,00 ₽',
    owed300: 'Цена выросла: заказ оплачен частично, осталось доплатить 300,00 ₽',
    keep: 'Сохраните чек до получения посылки',
    retry: '[Esc] Другой номер',
    noChange: 'Терминал не выдаёт сдачу. Переплата будет зачислена на баланс мобильного телефона, который вы укажете.',
    advice: 'Совет: внесите сумму, близкую к сумме заказа.',
    due4750: 'Сумма к оплате: 4 750,00 ₽',
  },
} as const;

describe.each(LANGS)('demo orders by keys (%s)', (lang) => {
  const x = EXPECT[lang];
  const toPhoneLabel = lang === 'en' ? 'To phone' : 'На телефон';
  const acceptedLabel = lang === 'en' ? 'Accepted ' : 'Принято ';

  it('R-TERM-2: 1000000001 paid with one 5,000 ₽ note: 4,750 to the order, 250 to the phone, and the phone gets the SMS', async () => {
    const k = open(lang);
    await toCash(k, lang, '1000000001');
    expect(panelText(k.lastFrame())).toBe(`${lang === 'en' ? 'Phone' : 'Телефон'} ${x.noSms}`);
    await k.press('8');
    await k.waitForText(x.accepted5000);
    await k.press('p');
    const receipt = await waitForTitle(k, lang, 'receipt');
    expect(rowWith(receipt, toPhoneLabel)).toBe(x.toPhone250);
    expect(rowWith(receipt, acceptedLabel)).toBe(x.acceptedRow5000);
    expect(panelText(receipt)).toContain(x.sms250);
    expect(panelText(receipt)).not.toContain(x.noSms);
    expect(k.store.findOrder('1000000001')).toMatchObject({ status: 'paid', paid: '4750.00', owed: '0.00' });
    expect(k.store.phoneAccount(PHONE).balance).toBe('250.00');
  });

  it('R-TERM-2: 1000000002 paid exactly with 1,000 + 2,000: nothing goes to the phone', async () => {
    const k = open(lang);
    await toCash(k, lang, '1000000002');
    await k.press('6');
    await k.waitForText(lang === 'en' ? 'Accepted: 1,000 ₽' : 'Принята купюра 1 000 ₽');
    expect(screenText(k.lastFrame())).not.toContain(x.payReady);
    await k.press('7');
    await k.waitForText(x.payReady);
    await k.press('p');
    const receipt = await waitForTitle(k, lang, 'receipt');
    expect(rowWith(receipt, acceptedLabel)).toBe(x.acceptedRow3000);
    expect(rowWith(receipt, toPhoneLabel)).toBe(x.toPhone0);
    expect(panelText(receipt)).toContain(x.noSms);
    expect(k.payments).toHaveLength(1);
    expect(k.payments[0]?.sms).toEqual([]);
    expect(k.store.phoneAccount(PHONE).balance).toBe('0.00');
    expect(k.store.findOrder('1000000002')?.status).toBe('paid');
  });

  it('R-TERM-3: 1000000003 (16,990 ₽) is refused with the advice to pay at a cashier or at Russian Post', async () => {
    const k = open(lang);
    await toOrderEntry(k, lang);
    await submitOrder(k, lang, '1000000003');
    const frame = await waitForTitle(k, lang, 'refused');
    expect(screenText(frame)).toContain(x.overCap);
    expect(screenText(frame)).toContain(x.retry);
    expect(k.store.journaled.size).toBe(0);
    expect(k.payments).toEqual([]);
  });

  it('R-CODE-2: 1000000004, issued 49 h ago, is refused as expired: place the order again', async () => {
    const k = open(lang);
    await toOrderEntry(k, lang);
    await submitOrder(k, lang, '1000000004');
    const frame = await waitForTitle(k, lang, 'refused');
    expect(screenText(frame)).toContain(x.expired);
    expect(k.store.findOrder('1000000004')?.status).toBe('awaiting');
  });

  it('demo 1000000005 is refused as already paid, and Esc (Another number) returns to an empty order field', async () => {
    const k = open(lang);
    await toOrderEntry(k, lang);
    await submitOrder(k, lang, '1000000005');
    const frame = await waitForTitle(k, lang, 'refused');
    expect(screenText(frame)).toContain(x.alreadyPaid);
    await k.press(KEY.esc);
    const entry = await waitForTitle(k, lang, 'order');
    expect(screenText(entry)).toContain('_ _ _ _ _ _ _ _ _ _');
    expect(k.payments).toEqual([]);
  });

  it('R-CODE-5: 1000000006 paid with 2,000 ₽ after its price rose to 2,300: the receipt says partially paid, 300 still owed', async () => {
    const k = open(lang);
    await toCash(k, lang, '1000000006');
    await k.press('7');
    await k.waitForText(x.payReady);
    await k.press(KEY.enter);
    const receipt = await waitForTitle(k, lang, 'receipt');
    const text = screenText(receipt);
    expect(text).toContain(x.toOrder2000);
    expect(text).toContain(x.owed300);
    expect(text).toContain(x.keep);
    expect(k.store.findOrder('1000000006')).toMatchObject({ status: 'partially_paid', paid: '2000.00', owed: '300.00' });
  });

  it('R-TERM-1: the path shows exactly its labels; Other services is the bottom-right button, reached by arrows and Enter (Euroset)', async () => {
    // R-TERM-1 walks a Euroset terminal: pinned to that skin in every skin's test project (R-TERM-4)
    const k = (kiosk = renderKiosk({ lang, rules: { ...DEFAULT_RULES, skin: EUROSET } }));
    const word = (key: 'idle.title' | 'menu.title' | 'services.title' | 'catalogs.title' | 'order.title') => EUROSET.labels[key][lang];
    const T = { other: word('services.title'), catalogs: word('catalogs.title') };
    const titled = (key: Parameters<typeof word>[0]) => k.waitForFrame((f) => titleOf(f) === word(key), word(key));
    await titled('idle.title');
    await k.press(KEY.down);
    const menu = await titled('menu.title');
    const bottomRow = rowWith(menu, `[8] ${T.other}`);
    expect(bottomRow).toMatch(/^\[7\] \S.* \[8\] /);
    expect(bottomRow.endsWith(`[8] ${T.other}`)).toBe(true);
    await k.press(KEY.down, KEY.down, KEY.down, KEY.right);
    await k.waitForText(`▸[8] ${T.other}`);
    await k.press(KEY.enter);
    const services = await titled('services.title');
    expect(titleOf(services)).toBe(T.other);
    expect(screenText(services)).toContain(`▸[1] ${T.catalogs}`);
    await k.press(KEY.enter);
    const catalogs = await titled('catalogs.title');
    expect(screenText(catalogs)).toContain('▸[1] Aliexpress');
    await k.press(KEY.enter);
    const entry = await titled('order.title');
    expect(titleOf(entry)).toBe(lang === 'en' ? 'Order number' : 'Номер заказа');
  });

  it('R-TERM-2: the check-data screen warns that the terminal gives no change (with the R-TERM-6 advice)', async () => {
    const k = open(lang);
    await toOrderEntry(k, lang);
    await submitOrder(k, lang, '1000000001');
    const text = screenText(await waitForTitle(k, lang, 'check'));
    expect(text).toContain(x.due4750);
    expect(text).toContain(x.noChange);
    expect(text).toContain(x.advice);
  });
});
