/** The phone when it has the keys: its account, the inbox (newest first) or one message whole, the dialer's answer. */
import React from 'react';
import { Box, Text } from 'ink';
import type { Lang } from '../../src/domain/money.js';
import type { PhoneMessage } from '../../src/domain/store.js';
import { smsText } from '../../src/domain/mobile/smsText.js';
import type { PhoneView } from '../../src/app/worldView.js';
import { balanceCodeOf } from '../../src/domain/mobile/ussd.js';
import { t } from '../../src/i18n/index.js';
import { formatDateTime, formatMoney, formatPhone, operatorName } from '../../src/i18n/format.js';
import { Paragraph } from '../common/Paragraph.js';
import { TapKey } from '../common/keyHints.js';

export { smsText };
/** Who sent it, as the store keeps it (the operator for change, AliExpress for codes and refunds). */
export const smsSender = (sms: PhoneMessage, _phone: PhoneView, _lang: Lang): string => sms.sender;

/** `22.11 09:50` (ru) or `11-22 09:50` (en): an inbox row's time, short enough to leave the sender whole at 80 columns. */
export function inboxTime(at: number, lang: Lang): string {
  const full = formatDateTime(at, lang);
  return lang === 'ru' ? `${full.slice(0, 5)}${full.slice(10, 16)}` : full.slice(5, 16);
}

export function answerText(phone: PhoneView, lang: Lang): string {
  const answer = phone.answer;
  if (!answer) return '';
  if (answer.kind === 'balance') return t(lang, 'phone.ussd.balance', { code: answer.code, amount: formatMoney(phone.balance, lang) });
  if (answer.kind === 'otherOperator') {
    return t(lang, 'phone.ussd.otherOperator', { code: answer.code, operator: operatorName(phone.operator, lang), own: phone.operator ? balanceCodeOf(phone.operator) : '' });
  }
  return t(lang, 'phone.ussd.unknown', { code: answer.code });
}

/** The keys that open the inbox's message `index` when `selected` is selected: arrows to it, then Enter. */
export function inboxKeys(index: number, selected: number): string {
  const arrow = index > selected ? 'Down' : 'Up';
  return [...Array<string>(Math.abs(index - selected)).fill(arrow), 'Enter'].join(' ');
}

export function phoneHelp(phone: PhoneView, lang: Lang): string {
  if (phone.screen === 'replying') return t(lang, 'phone.replyKeys');
  // R-MOB-2: an SMS waits for a reply, and `r` answers it
  const reply = phone.canReply ? ` · ${t(lang, 'phone.replyHint')}` : '';
  if (phone.screen === 'reading' || phone.screen === 'answered') return t(lang, 'phone.readKeys') + reply;
  if (phone.screen === 'dialing') return t(lang, 'phone.dialKeys');
  return t(lang, 'phone.keys') + reply;
}

export function PhoneScreen({ phone, lang, width, height }: { phone: PhoneView; lang: Lang; width: number; height: number }) {
  const open = phone.inbox[phone.selected];
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="double" borderColor="green" paddingX={1} overflow="hidden">
      {/* the number, operator, balance and keys never shrink: a long inbox is cut at its own bottom instead */}
      <Box flexDirection="column" flexShrink={0}>
        <Text bold wrap="truncate">{formatPhone(phone.phone)}</Text>
        <Text wrap="truncate">{operatorName(phone.operator, lang)}</Text>
        <Text wrap="truncate">{t(lang, 'phone.balance', { amount: formatMoney(phone.balance, lang) })}</Text>
      </Box>
      <Box flexDirection="column" flexGrow={1} flexShrink={1} marginTop={1} overflow="hidden">
        {phone.screen === 'loading' ? <Text dimColor>{t(lang, 'phone.loading')}</Text> : null}
        {phone.screen === 'dialing' ? <Text>{`${t(lang, 'phone.dialing')}: ${phone.dialed}`}</Text> : null}
        {phone.screen === 'answered' ? <Paragraph color="cyan" text={answerText(phone, lang)} /> : null}
        {phone.screen === 'reading' && open ? (
          <Box flexDirection="column">
            <Text dimColor wrap="truncate">{smsSender(open, phone, lang)}</Text>
            <Text dimColor wrap="truncate">{formatDateTime(open.at, lang)}</Text>
            <Paragraph color="green" text={smsText(open, lang)} />
          </Box>
        ) : null}
        {(phone.screen === 'replying' || phone.screen === 'sendingReply') && phone.replyingTo ? (
          <Box flexDirection="column">
            <Text dimColor wrap="truncate">{t(lang, 'phone.replyTo', { sender: phone.replyingTo.sender })}</Text>
            <Paragraph text={smsText(phone.replyingTo, lang)} />
            <Text color="cyan" wrap="truncate">{`> ${phone.reply}`}</Text>
          </Box>
        ) : null}
        {phone.screen === 'home' && phone.replyError ? <Paragraph color="yellow" text={phone.replyError} /> : null}
        {phone.screen === 'home' && phone.inbox.length === 0 ? <Text dimColor>{t(lang, 'panel.empty')}</Text> : null}
        {phone.screen === 'home'
          ? phone.inbox.map((sms, i) => (
              // a tap on a message opens it: the arrows to it, then Enter, as typed
              <TapKey key={`${sms.at}-${i}`} name={inboxKeys(i, phone.selected)}>
                <Text inverse={i === phone.selected} wrap="truncate">
                  {`${inboxTime(sms.at, lang)} ${smsSender(sms, phone, lang)}`}
                </Text>
              </TapKey>
            ))
          : null}
      </Box>
      <Box flexShrink={0}>
        <Paragraph text={phoneHelp(phone, lang)} unit="items" tapKeys dimColor />
      </Box>
    </Box>
  );
}
