/** Russian strings of the phone top-up at the terminal's Mobile category (issue 13). */
import type { topupEn } from './topup.en.js';

export const topupRu: Record<keyof typeof topupEn, string> = {
  'topup.title': 'Сотовая связь: пополнение баланса',
  'topup.prompt': 'Номер телефона для пополнения (без комиссии)',
  'topup.cash.phone': 'Пополнение {phone} ({operator})',
  'topup.cash.credit': 'На баланс',
  'topup.cash.insert': 'Вставьте купюры и нажмите «Оплатить»',
  'topup.cash.payLocked': 'Оплатить можно после первой купюры',
  'topup.cash.ready': 'Нажмите «Оплатить», чтобы пополнить баланс, или добавьте купюры',
  'topup.receipt.service': 'Услуга',
  'topup.receipt.serviceName': 'Пополнение баланса',
  'topup.receipt.phone': 'Телефон',
  'topup.receipt.commission': 'Комиссия',
  'topup.receipt.credited': 'Зачислено на баланс',
  'topup.receipt.keep': 'Сохраните чек до зачисления денег на баланс',
  'topup.recovered.line': 'Незавершённое пополнение восстановлено: {amount}',
  'topup.notice.otherCategory': 'Недоступно на этом терминале: выберите «{mobile}» или «{route}».',
};
