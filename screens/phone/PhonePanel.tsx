/**
 * The customer's phone beside every place: every SMS it got (the site's code, the terminal's
 * change, refunds, the seller's cancellation), newest first, each whole. As many as fit the panel
 * are shown; the rest are counted on the last line (F2 opens the whole inbox).
 */
import React from 'react';
import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import type { Lang } from '../../src/domain/money.js';
import type { PhoneMessage } from '../../src/domain/store.js';
import type { CodeSms } from '../../src/domain/orders/catalog.js';
import { ALIEXPRESS_SENDER } from '../../src/domain/orders/orderLife.js';
import type { PhoneView } from '../../src/app/worldView.js';
import { smsText } from '../../src/domain/mobile/smsText.js';
import { t } from '../../src/i18n/index.js';
import { Paragraph } from '../common/Paragraph.js';
import { formatDateTime, formatPhone } from '../../src/i18n/format.js';

export interface PhonePanelProps {
  /** oldest first, as the store keeps them */
  messages: readonly PhoneMessage[];
  lang: Lang;
  width: number;
  height: number;
}

/** The small phone beside every place: whose it is and every SMS it got, oldest first (as a store keeps them). */
export interface PhonePanelView {
  phone: string;
  messages: PhoneMessage[];
}

const messageKey = (m: PhoneMessage): string => `${m.kind}|${m.at}|${m.kind === 'topup' ? m.receipt : m.code}|${m.amount}`;

/**
 * Every SMS to the customer's phone: the store's inbox as the phone last read it, and what the
 * places sent since (the site's codes, the terminal's change), so a code or change shows at once.
 * The customer is the one the newest SMS of a place went to, else the phone's own number (the
 * world's rule for the F2 phone, machines/world.ts `customerPhone`).
 */
export function phonePanelOf(phone: PhoneView, terminalSms: readonly PhoneMessage[], siteSms: readonly CodeSms[]): PhonePanelView {
  const sent: PhoneMessage[] = [...terminalSms, ...siteSms.map((c) => ({ phone: c.phone, at: c.at, sender: ALIEXPRESS_SENDER, kind: c.kind, amount: c.amount, code: c.code, ...(c.validHours === undefined ? {} : { validHours: c.validHours }) }))];
  const newestSent = sent.reduce<PhoneMessage | null>((last, m) => (!last || m.at >= last.at ? m : last), null);
  const number = newestSent?.phone ?? phone.phone;
  const byKey = new Map<string, PhoneMessage>();
  // the phone's inbox is newest first; everything else here is oldest first
  const known = phone.phone === number ? [...phone.inbox].reverse() : [];
  for (const m of [...known, ...sent]) if (m.phone === number && !byKey.has(messageKey(m))) byKey.set(messageKey(m), m);
  // by time; at the same moment, in the order they were sent (sort is stable)
  const messages = [...byKey.values()].sort((a, b) => a.at - b.at);
  return { phone: number, messages };
}

/** Rows a Paragraph of `text` takes at `width`: whole words, one column between them. */
export function wrappedRows(text: string, width: number): number {
  let rows = 0;
  let used = 0;
  for (const word of text.split(' ').filter((w) => w !== '')) {
    const w = stringWidth(word);
    if (rows > 0 && used + 1 + w <= width) used += 1 + w;
    else {
      rows += 1;
      used = w;
    }
  }
  return rows;
}

/** The newest messages that fit whole in `rows`, newest first, and how many older ones are left out. */
export function messagesThatFit(messages: readonly PhoneMessage[], lang: Lang, width: number, rows: number): { shown: PhoneMessage[]; hidden: number } {
  const newestFirst = [...messages].reverse();
  const shown: PhoneMessage[] = [];
  // the title, the number, and a row for "N more" should any be left out
  let left = rows - 3;
  for (const sms of newestFirst) {
    // a blank row, the sender, the time, then the text
    const needs = 3 + wrappedRows(smsText(sms, lang), width);
    if (needs > left) break;
    shown.push(sms);
    left -= needs;
  }
  return { shown, hidden: newestFirst.length - shown.length };
}

export function PhonePanel({ messages, lang, width, height }: PhonePanelProps) {
  // the border and a column of padding on each side
  const { shown, hidden } = messagesThatFit(messages, lang, width - 4, height - 2);
  const newest = shown[0];
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="single" borderColor="gray" paddingX={1} overflow="hidden">
      <Text bold>{t(lang, 'panel.title')}</Text>
      {newest ? <Text dimColor wrap="truncate">{formatPhone(newest.phone)}</Text> : <Text dimColor>{t(lang, 'panel.empty')}</Text>}
      {shown.map((sms) => (
        <Box key={`${sms.kind}-${sms.at}-${sms.kind === 'topup' ? sms.receipt : sms.code}`} flexDirection="column" marginTop={1} flexShrink={0}>
          <Text dimColor wrap="truncate">{sms.sender}</Text>
          <Text dimColor wrap="truncate">{formatDateTime(sms.at, lang)}</Text>
          <Paragraph color="green" text={smsText(sms, lang)} />
        </Box>
      ))}
      {hidden > 0 ? <Text dimColor wrap="truncate">{t(lang, 'panel.more', { count: hidden })}</Text> : null}
    </Box>
  );
}
