/** `t(lang, key, vars)`: the kiosk's two languages. Russian is the default, as on real terminals. */
import type { Lang } from '../domain/money.js';
import { en, type MessageKey } from './en.js';
import { ru } from './ru.js';

export type { MessageKey };
const dictionaries: Record<Lang, Record<MessageKey, string>> = { en, ru };

export const isMessageKey = (key: string): key is MessageKey => key in en;

export function t(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  const template = isMessageKey(key) ? dictionaries[lang][key] : key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A button's words: the terminal brand's (R-TERM-4) when it gives them, else the kiosk's own label. */
export const buttonText = (lang: Lang, button: { label: string; text?: Record<Lang, string> }): string => button.text?.[lang] ?? t(lang, button.label);
