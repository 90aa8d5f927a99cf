/**
 * The built-in terminal brands. Euroset's words are the kiosk's own strings (src/i18n), as the
 * source walks through a Euroset terminal (R-TERM-1). The other brands' names are [choice]s: plausible
 * labels where the brands' real ones are not known (README, "Choices").
 */
import { en } from '../../i18n/en.js';
import { ru } from '../../i18n/ru.js';
import type { LocalText, MenuItem, Skin, SkinLabelKey } from './skin.js';

type Key = keyof typeof en;
const i18n = (key: Key): LocalText => ({ ru: ru[key], en: en[key] });
const text = (ruText: string, enText: string): LocalText => ({ ru: ruText, en: enText });
const item = (id: string, label: LocalText, hotkey: string, opens?: MenuItem['opens']): MenuItem =>
  opens ? { id, label, hotkey, opens } : { id, label, hotkey };
/** A Euroset item: the kiosk's own words, and their i18n key. */
const kioskItem = (id: string, key: Key, hotkey: string, opens?: MenuItem['opens']): MenuItem => ({ ...item(id, i18n(key), hotkey, opens), key });
/** Every label the kiosk's strings give, so a brand lists only where it differs. */
const kioskLabels = (): Record<SkinLabelKey, LocalText> => ({
  'idle.title': i18n('idle.title'),
  'menu.title': i18n('menu.title'),
  'services.title': i18n('services.title'),
  'catalogs.title': i18n('catalogs.title'),
  'order.title': i18n('order.title'),
  'check.title': i18n('check.title'),
  'phone.title': i18n('phone.title'),
  'cash.title': i18n('cash.title'),
  'receipt.title': i18n('receipt.title'),
  'help.title': i18n('help.title'),
  'button.back': i18n('button.back'),
  'button.next': i18n('button.next'),
  'button.backspace': i18n('button.backspace'),
  'button.clear': i18n('button.clear'),
  'button.operator': i18n('button.operator'),
  'button.otherNumber': i18n('button.otherNumber'),
  'button.mainMenu': i18n('button.mainMenu'),
  'button.done': i18n('button.done'),
  'button.pay': i18n('button.pay'),
  'button.help': i18n('button.help'),
  'button.closeHelp': i18n('button.closeHelp'),
});

export const EUROSET: Skin = {
  id: 'euroset',
  name: 'Euroset',
  header: i18n('brand'),
  receiptHeader: text('ЕВРОСЕТЬ · Спасибо за покупку!', 'EUROSET · Thank you for your purchase!'),
  colors: { frame: 'yellow', headerBackground: 'yellow', headerText: 'black', button: 'cyan' },
  labels: kioskLabels(),
  menus: {
    main: [
      kioskItem('mobile', 'menu.mobile', '1'),
      kioskItem('internet', 'menu.internet', '2'),
      kioskItem('utilities', 'menu.utilities', '3'),
      kioskItem('banking', 'menu.banking', '4'),
      kioskItem('transport', 'menu.transport', '5'),
      kioskItem('games', 'menu.games', '6'),
      kioskItem('charity', 'menu.charity', '7'),
      // bottom right of the two-column grid, as in the source (R-TERM-1)
      kioskItem('other', 'menu.other', '8', 'services'),
    ],
    services: [kioskItem('catalogs', 'services.catalogs', '1', 'catalogs'), kioskItem('fines', 'services.fines', '2'), kioskItem('loans', 'services.loans', '3')],
    catalogs: [
      kioskItem('aliexpress', 'catalogs.aliexpress', '1', 'aliexpress'),
      kioskItem('avon', 'catalogs.avon', '2'),
      kioskItem('oriflame', 'catalogs.oriflame', '3'),
      kioskItem('faberlic', 'catalogs.faberlic', '4'),
    ],
  },
};

/** [choice] QIWI: shops sit under "Purchases" → "Online shops"; green and white. */
export const QIWI: Skin = {
  id: 'qiwi',
  name: 'QIWI',
  header: text('QIWI · терминал {terminal}', 'QIWI · terminal {terminal}'),
  receiptHeader: text('QIWI · Сохраняйте чек', 'QIWI · Keep your receipt'),
  colors: { frame: 'green', headerBackground: 'green', headerText: 'white', button: 'greenBright' },
  labels: {
    ...kioskLabels(),
    'idle.title': text('Платежи без комиссии и с комиссией', 'Payments at a QIWI terminal'),
    'menu.title': text('Главное меню', 'Main menu'),
    'services.title': text('Оплата покупок', 'Payment for purchases'),
    'catalogs.title': text('Интернет-магазины', 'Online shops'),
    'order.title': text('Номер платежа', 'Payment number'),
    'check.title': text('Проверьте реквизиты', 'Check the details'),
    'phone.title': text('Телефон для зачисления сдачи', 'Phone for the change'),
    'cash.title': text('Вставьте купюру', 'Insert a banknote'),
    'receipt.title': text('Квитанция', 'Payment slip'),
    'button.back': text('Назад', 'Back'),
    'button.next': text('Вперёд', 'Forward'),
    'button.backspace': text('Удалить', 'Delete'),
    'button.clear': text('Сброс', 'Reset'),
    'button.done': text('В главное меню', 'To main menu'),
    'button.pay': text('Оплатить', 'Make payment'),
  },
  menus: {
    main: [
      item('mobile', text('Сотовая связь', 'Mobile'), '1'),
      item('internet', text('Интернет', 'Internet'), '2'),
      item('purchases', text('Оплата покупок', 'Purchases'), '3', 'services'),
      item('utilities', text('ЖКХ', 'Housing bills'), '4'),
      item('wallet', text('QIWI Кошелёк', 'QIWI Wallet'), '5'),
      item('games', text('Игры и соцсети', 'Games and social'), '6'),
    ],
    services: [
      item('shops', text('Интернет-магазины', 'Online shops'), '1', 'catalogs'),
      item('tickets', text('Билеты', 'Tickets'), '2'),
      item('cosmetics', text('Каталоги косметики', 'Cosmetics catalogs'), '3'),
    ],
    catalogs: [item('ozon', text('Ozon', 'Ozon'), '1'), item('aliexpress', text('AliExpress', 'AliExpress'), '2', 'aliexpress'), item('wildberries', text('Wildberries', 'Wildberries'), '3')],
  },
};

/** [choice] Svyaznoy: purple, "Pay for services" → "Internet shopping" → AliExpress. */
export const SVYAZNOY: Skin = {
  id: 'svyaznoy',
  name: 'Svyaznoy',
  header: text('СВЯЗНОЙ · терминал оплаты {terminal}', 'SVYAZNOY · payment terminal {terminal}'),
  receiptHeader: text('СВЯЗНОЙ · Чек сохраните до получения', 'SVYAZNOY · Keep until delivery'),
  colors: { frame: 'magenta', headerBackground: 'magenta', headerText: 'white', button: 'magentaBright' },
  labels: {
    ...kioskLabels(),
    'idle.title': text('Коснитесь экрана', 'Touch the screen'),
    'menu.title': text('Что оплачиваем?', 'What are you paying for?'),
    'services.title': text('Оплата услуг', 'Pay for services'),
    'catalogs.title': text('Интернет-покупки', 'Internet shopping'),
    'order.title': text('Код заказа', 'Order code'),
    'check.title': text('Данные платежа', 'Payment details'),
    'phone.title': text('Номер для сдачи', 'Number for the change'),
    'cash.title': text('Приём наличных', 'Cash in'),
    'button.back': text('Вернуться', 'Return'),
    'button.next': text('Продолжить', 'Continue'),
    'button.done': text('Завершить', 'Finish'),
    'button.pay': text('Внести', 'Pay in'),
  },
  menus: {
    main: [
      item('mobile', text('Мобильная связь', 'Mobile'), '1'),
      item('services', text('Оплата услуг', 'Pay for services'), '2', 'services'),
      item('internet', text('Интернет и ТВ', 'Internet & TV'), '3'),
      item('loans', text('Кредиты', 'Loans'), '4'),
    ],
    services: [
      item('utilities', text('Коммунальные платежи', 'Utilities'), '1'),
      item('shopping', text('Интернет-покупки', 'Internet shopping'), '2', 'catalogs'),
      item('fines', text('Штрафы', 'Fines'), '3'),
    ],
    catalogs: [item('aliexpress', text('AliExpress', 'AliExpress'), '1', 'aliexpress'), item('lamoda', text('Lamoda', 'Lamoda'), '2')],
  },
};

/** [choice] Cyberplat: blue, "Other payments" → "Goods and services" → Aliexpress; the route sits first. */
export const CYBERPLAT: Skin = {
  id: 'cyberplat',
  name: 'Cyberplat',
  header: text('КИБЕРПЛАТ · терминал {terminal}', 'CYBERPLAT · terminal {terminal}'),
  receiptHeader: text('КИБЕРПЛАТ · Платёжная система', 'CYBERPLAT · Payment system'),
  colors: { frame: 'blue', headerBackground: 'blue', headerText: 'white', button: 'cyan' },
  labels: {
    ...kioskLabels(),
    'menu.title': text('Выберите раздел', 'Choose a section'),
    'services.title': text('Прочие платежи', 'Other payments'),
    'catalogs.title': text('Товары и услуги', 'Goods and services'),
    'button.next': text('Дальше', 'Proceed'),
    'button.back': text('Отмена', 'Cancel'),
    'button.pay': text('Провести платёж', 'Submit payment'),
  },
  menus: {
    main: [
      item('other', text('Прочие платежи', 'Other payments'), '1', 'services'),
      item('mobile', text('Сотовые операторы', 'Mobile operators'), '2'),
      item('internet', text('Провайдеры', 'Internet providers'), '3'),
    ],
    services: [item('goods', text('Товары и услуги', 'Goods and services'), '1', 'catalogs'), item('banks', text('Банки', 'Banks'), '2')],
    catalogs: [item('avon', text('Avon', 'Avon'), '1'), item('aliexpress', text('Aliexpress', 'Aliexpress'), '2', 'aliexpress')],
  },
};

export const BUILT_IN_SKINS: readonly Skin[] = [EUROSET, QIWI, SVYAZNOY, CYBERPLAT];
export const DEFAULT_SKIN = EUROSET;
export const skinById = (id: string): Skin | undefined => BUILT_IN_SKINS.find((s) => s.id === id.toLowerCase());
