/** Russian strings of the site's phone top-up (R-MOB-10). */
import type { siteTopUpEn } from './siteTopUp.en.js';

export const siteTopUpRu: Record<keyof typeof siteTopUpEn, string> = {
  'site.button.topUp': 'Пополнить телефон',
  'sms.topUpCode': 'Код оплаты пополнения телефона {code}: {amount}. Действует {hours}; оплатите наличными в терминале, салоне или на почте.',
  'site.title.topUp': 'Пополнение телефона',
  'site.title.placingTopUp': 'Оформляем пополнение',
  'site.help.topUp': '0–9 номер, затем сумма · Enter оформить · Esc назад',
  'site.topUp.rules': 'Не более {limit} в месяц на номер. Код придёт по SMS; оплатите его наличными в течение {minutes} мин.',
  'site.topUp.phone': 'Номер для пополнения',
  'site.topUp.amount': 'Сумма, целых рублей',
  'site.topUp.place': 'Оформить пополнение',
  'site.topUp.amountMissing': 'После номера введите сумму в целых рублях',
  'site.topUp.refused': 'Отказ: не более {limit} в месяц на номер; в этом месяце осталось {left}. Лимит обновится {resets}.',
};
