/** Русские строки бумаги принтера чеков (issue 14). */
import type { paperEn } from './paper.en.js';

export const paperRu: Record<keyof typeof paperEn, string> = {
  'paper.out': 'В принтере нет бумаги: чек придёт по SMS на телефон для сдачи.',
  'paper.outPhone': 'В принтере нет бумаги: чек придёт по SMS на этот номер.',
  'paper.bySms': 'Нет бумаги: чек отправлен по SMS на {phone}.',
  'paper.serviceOut': 'Принтер: нет бумаги',
  'paper.serviceOk': 'Принтер: бумага есть',
  'paper.load': 'Заправить бумагу',
  'sms.receipt': 'Чек {receipt}, заказ {code}: принято {amount}, на заказ {toOrder}, на телефон {toPhone}',
};
