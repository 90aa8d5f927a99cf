/** Cash: due / inserted / to the order / to the phone, live, with the acceptor's last word. */
import React from 'react';
import { Box, Text } from 'ink';
import { Paragraph } from '../common/Paragraph.js';
import { Buttons } from '../common/Buttons.js';
import type { View } from '../../src/app/view.js';
import type { CashNotice } from '../../machines/terminal/cash.js';
import type { Lang } from '../../src/domain/money.js';
import { toE164 } from '../../src/domain/mobile/phone.js';
import { banknoteKeyLegend } from '../../src/domain/cash/banknoteKeys.js';
import { t } from '../../src/i18n/index.js';
import { formatMoney, formatNote, formatPhone, operatorName } from '../../src/i18n/format.js';

function noticeText(notice: CashNotice | null, lang: Lang, cap: string): { text: string; color: string } | null {
  if (!notice) return null;
  switch (notice.kind) {
    case 'accepted':
      return { text: t(lang, 'cash.accepted', { note: formatNote(notice.note, lang) }), color: 'green' };
    case 'rejected':
      return {
        text: t(lang, `cash.rejected.${notice.reason}`, { note: formatNote(notice.note, lang), cap: formatMoney(cap, lang) }),
        color: 'red',
      };
    case 'busy':
      return { text: t(lang, 'cash.busy'), color: 'yellow' };
    case 'payLocked':
      return null;
  }
}

function Row({ label, value, bold }: { label: string; value: string; bold?: boolean }) {
  return (
    <Box>
      <Box width={32}>
        <Text wrap="truncate">{label}</Text>
      </Box>
      <Text bold={bold ?? false}>{value.padStart(13)}</Text>
    </Box>
  );
}

export function CashScreen({ view }: { view: View }) {
  const { lang, cash, split } = view;
  if (!cash || !split) return null;
  const money = (m: string) => formatMoney(m, lang);
  const notice = noticeText(cash.notice, lang, cash.cap);
  const phone = formatPhone(toE164(view.kiosk.phoneDigits));
  if (view.topUp) {
    // a top-up: no order and nothing due, every note goes to the balance
    return (
      <Box flexDirection="column">
        <Text>{t(lang, 'topup.cash.phone', { phone, operator: operatorName(view.kiosk.operator, lang) })}</Text>
        <Row label={t(lang, 'cash.inserted')} value={money(cash.inserted)} bold />
        <Row label={t(lang, 'topup.cash.credit')} value={money(split.toPhone)} />
        {notice ? <Paragraph color={notice.color} text={notice.text} /> : <Text> </Text>}
        <Paragraph dimColor unit="items" text={t(lang, 'cash.keys', { keys: banknoteKeyLegend() })} />
        <Paragraph text={t(lang, cash.notes.length > 0 ? 'topup.cash.ready' : 'topup.cash.insert')} />
        <Buttons buttons={view.buttons} focus={view.focus} lang={lang} columns={2} />
      </Box>
    );
  }
  return (
    <Box flexDirection="column">
      <Row label={t(lang, 'cash.due')} value={money(cash.due)} bold />
      <Row label={t(lang, 'cash.inserted')} value={money(cash.inserted)} bold />
      <Row label={t(lang, 'cash.toOrder')} value={money(split.toOrder)} />
      <Row label={t(lang, 'cash.toPhone', { phone })} value={money(split.toPhone)} />
      {notice ? <Paragraph color={notice.color} text={notice.text} /> : <Text> </Text>}
      <Paragraph dimColor unit="items" text={t(lang, 'cash.keys', { keys: banknoteKeyLegend() })} />
      <Paragraph text={split.covered ? t(lang, 'cash.payReady') : t(lang, 'cash.payWhenCovered', { needed: money(split.stillNeeded) })} />
      <Buttons buttons={view.buttons} focus={view.focus} lang={lang} columns={2} />
    </Box>
  );
}
