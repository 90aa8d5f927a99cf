/** Presentation helpers shared by the screens, the receipt text and the CLI. */
import { formatMoney, noteAmount, type Lang } from '../domain/money.js';
import { formatPhone } from '../domain/mobile/phone.js';
import type { OperatorId } from '../domain/rules.js';
import { t } from './index.js';

export { formatMoney, formatPhone };

/** `5 000 ₽`: a banknote, without kopecks. */
export const formatNote = (note: number, lang: Lang): string => formatMoney(noteAmount(note), lang).replace(/[.,]00(\s₽)$/, '$1');

/** `48 hours`, `1 hour`; `48 часов`, `24 часа`, `1 час`: a whole number of hours with its word. */
export function formatHours(hours: number, lang: Lang): string {
  if (lang === 'en') return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  const [ten, one] = [hours % 100, hours % 10];
  const word = ten >= 11 && ten <= 14 ? 'часов' : one === 1 ? 'час' : one >= 2 && one <= 4 ? 'часа' : 'часов';
  return `${hours} ${word}`;
}

/** The operator as the customer knows it: МТС, МегаФон… in Russian; `OPERATOR_NAMES` (tapes, CLI) stay Latin. */
export const operatorName = (id: OperatorId | null, lang: Lang = 'en'): string => (id ? t(lang, `operator.${id}`) : '—');

/** `22.11.2026 10:00:00` (ru) or `2026-11-22 10:00:00` (en), in Moscow time as a Russian terminal prints it. */
export function formatDateTime(epochMs: number, lang: Lang): string {
  const msk = new Date(epochMs + 3 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  const time = `${p(msk.getUTCHours())}:${p(msk.getUTCMinutes())}:${p(msk.getUTCSeconds())}`;
  const [y, m, d] = [msk.getUTCFullYear(), p(msk.getUTCMonth() + 1), p(msk.getUTCDate())];
  return lang === 'ru' ? `${d}.${m}.${y} ${time}` : `${y}-${m}-${d} ${time}`;
}
