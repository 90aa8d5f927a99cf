/** What the person at the desk says and what lies on the counter, for each desk screen. Draws the DeskView only. */
import React from 'react';
import { Box, Text } from 'ink';
import type { DeskView } from '../../machines/desk/deskView.js';
import { formatMoney } from '../../src/domain/money.js';
import { t } from '../../src/i18n/index.js';
import { Buttons } from '../common/Buttons.js';
import { Paragraph } from '../common/Paragraph.js';

function Said({ text }: { text: string }) {
  return (
    <Box marginBottom={1}>
      <Paragraph text={text} color="yellow" />
    </Box>
  );
}

function Speech({ view }: { view: DeskView }) {
  const w = (key: string, vars: Record<string, string | number> = {}) => t(view.lang, key, vars);
  const money = (m: string) => formatMoney(m, view.lang);
  switch (view.state) {
    case 'greeting':
      return (
        <>
          {view.place === 'post' ? <Paragraph text={w('desk.post.ticket', { ticket: view.ticket, window: view.window ?? '' })} /> : null}
          <Said text={w(`desk.${view.place}.greeting`)} />
        </>
      );
    case 'code':
      return (
        <>
          <Said text={w('desk.askCode')} />
          <Box marginBottom={1}><Text bold>{w('desk.code', { code: view.code.padEnd(view.codeLength, '_') })}</Text></Box>
        </>
      );
    case 'lookingUp':
      return <Said text={w('desk.checking')} />;
    case 'readBack': {
      const r = view.readBack;
      if (!r) return null;
      return (
        <>
          <Said text={w(view.readBackKey, { code: r.code, due: money(r.due), paid: money(r.paidBefore) })} />
          {/* what the till shows the customer: the order, what was paid before (R-CODE-5), what is due, no commission (R-CASH-2) */}
          <Text>{w('desk.fact.order', { code: r.code })}</Text>
          {view.readBackKey === 'desk.readBackRest' ? <Text>{w('desk.fact.paidBefore', { paid: money(r.paidBefore) })}</Text> : null}
          <Text bold>{w('desk.fact.due', { due: money(r.due) })}</Text>
          <Box marginBottom={1}><Text>{w('desk.fact.commission')}</Text></Box>
        </>
      );
    }
    case 'cash':
      return (
        <>
          <Said text={w('desk.askMoney')} />
          <Text bold>{w('desk.handed', { handed: money(view.handed), due: money(view.readBack?.due ?? '0.00') })}</Text>
          <Box marginBottom={1}><Text dimColor>{w('desk.notesLegend', { legend: view.noteLegend })}</Text></Box>
        </>
      );
    case 'paying':
      return <Said text={w('desk.counting')} />;
    case 'refused':
      return <Said text={w(`desk.refused.${view.refusal ?? 'unavailable'}`, view.refusalVars)} />;
    case 'cashierRole':
      return <Said text={w('desk.cashierRole')} />;
    default:
      return null;
  }
}

/** The receipt screen: the change in notes and coins, then the receipt and its QR code, scrolled. */
function ReceiptBody({ view, height }: { view: DeskView; height: number }) {
  const w = (key: string, vars: Record<string, string | number> = {}) => t(view.lang, key, vars);
  const money = (m: string) => formatMoney(m, view.lang);
  const said = w(view.changeKey, { change: money(view.change ?? '0.00') });
  const paper = view.receiptLines;
  // two rows for what is said, two for the change, one blank, one for the button
  const room = Math.max(3, height - 6);
  const from = Math.min(view.scroll, Math.max(0, paper.length - room));
  return (
    <>
      <Box flexShrink={0} height={2}><Paragraph text={said} color="yellow" /></Box>
      <Box flexShrink={0} height={2}>{view.changeLine ? <Paragraph text={view.changeLine} bold /> : null}</Box>
      <Box flexDirection="column" flexShrink={0} marginTop={1} height={room} overflow="hidden">
        {paper.slice(from, from + room).map((line, i) => (
          <Text key={i} wrap="truncate">{line || ' '}</Text>
        ))}
      </Box>
    </>
  );
}

export function DeskBody({ view, height }: { view: DeskView; height: number }) {
  return (
    <Box flexDirection="column">
      {view.state === 'receipt' ? <ReceiptBody view={view} height={height} /> : <Speech view={view} />}
      <Buttons buttons={view.buttons} focus={view.focus} lang={view.lang} />
    </Box>
  );
}
