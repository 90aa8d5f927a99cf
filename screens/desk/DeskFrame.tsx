/** A desk (the cashier, the Post's window) in a box of the given size: who and where, what is said, the buttons, the notice and the help line. */
import React from 'react';
import { Box, Text } from 'ink';
import type { DeskView } from '../../machines/desk/deskView.js';
import { t } from '../../src/i18n/index.js';
import { Paragraph } from '../common/Paragraph.js';
import { ButtonView } from '../common/Buttons.js';
import { TillBody } from './TillBody.js';
import { DeskBody } from './DeskBody.js';

export interface DeskFrameProps {
  view: DeskView;
  width: number;
  height: number;
}

export const deskTitle = (view: DeskView): string => t(view.lang, `desk.${view.place}.title`, { window: view.window ?? '' });

export function deskHelp(view: DeskView): string {
  if (view.mode === 'busy') return t(view.lang, 'desk.help.wait');
  if (view.mode === 'digits') return t(view.lang, 'desk.help.code');
  if (view.mode === 'notes') return t(view.lang, 'desk.help.cash');
  if (view.mode === 'receipt') return t(view.lang, 'desk.help.receipt');
  return t(view.lang, 'desk.help.buttons');
}

export const deskNotice = (view: DeskView): string | null => (view.notice ? t(view.lang, view.notice, view.noticeVars) : null);

/** The QR code alone: at 80×24 it needs every row inside the border, so no title, notice or help line. */
function QrFrame({ view, width, height, color }: DeskFrameProps & { color: string }) {
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="round" borderColor={color} alignItems="center">
      {view.qr.map((row, i) => (
        <Text key={i}>{row}</Text>
      ))}
      <Box flexGrow={1} />
      {/* the way back is a button (touch: a tap on it goes back, as Esc does), beside the caption */}
      <Box flexDirection="row" height={1}>
        <Text dimColor wrap="truncate">{t(view.lang, 'desk.qrCaption')}</Text>
        {view.buttons.map((b) => (
          <Box key={b.id} flexShrink={0}><ButtonView button={b} focused={false} lang={view.lang} /></Box>
        ))}
      </Box>
    </Box>
  );
}

export function DeskFrame({ view, width, height }: DeskFrameProps) {
  const notice = deskNotice(view);
  const color = view.color;
  if (view.state === 'qr') return <QrFrame view={view} width={width} height={height} color={color} />;
  if (view.till) {
    // the cashier's role: the till fills the desk's box, its keys on the line below
    return (
      <Box flexDirection="column" width={width} height={height}>
        <TillBody view={view.till} width={width} height={height - 2} />
        <Box paddingLeft={1} height={2} overflow="hidden"><Paragraph text={t(view.lang, 'till.help')} unit="items" tapKeys dimColor /></Box>
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="round" borderColor={color}>
      <Box justifyContent="space-between" paddingX={1}>
        <Text bold color={color}>{deskTitle(view)}</Text>
        {view.place === 'post' ? <Text>{view.ticket}</Text> : null}
      </Box>
      <Box flexDirection="column" flexGrow={1} paddingX={1} overflow="hidden">
        {/* inside the border: the title, the notice and up to two help lines take six rows */}
        <DeskBody view={view} height={height - 6} />
      </Box>
      <Box paddingLeft={1}>{notice ? <Paragraph text={notice} color="magenta" /> : <Text> </Text>}</Box>
      <Box paddingLeft={1}>
        <Paragraph text={deskHelp(view)} unit="items" tapKeys dimColor />
      </Box>
    </Box>
  );
}
