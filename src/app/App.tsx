/** The app shell: size guard, kiosk frame with the current screen, phone panel, keys → events. */
import React, { useState } from 'react';
import { Box, Text, useApp, useInput } from 'ink';
import { useTerminalActor, useTerminalSelector } from './context.js';
import { KeyFeed } from './keyFeed.js';
import { viewOf, type View } from './view.js';
import { useTerminalSize } from './useTerminalSize.js';
import { t } from '../i18n/index.js';
import { formatMoney } from '../i18n/format.js';
import { Frame } from '../../screens/Frame.js';
import { PhonePanel } from '../../screens/PhonePanel.js';
import { ScreenBody, screenHelp, screenTitle } from '../../screens/ScreenBody.js';

export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

export interface AppProps {
  terminalId: string;
  /** called once when the terminal has closed after a quit (Ctrl+C anywhere, q on the idle screen) */
  onQuit?: () => void;
}

/** Keys → events; while the terminal is too small nothing but Ctrl+C acts, so no key lands unseen. */
function useKeys(tooSmall: boolean, onQuit?: () => void) {
  const actor = useTerminalActor();
  const { exit } = useApp();
  const [feed] = useState(
    () =>
      new KeyFeed(actor, () => {
        onQuit?.();
        exit();
      }),
  );
  useInput((chunk, chunkKey) => {
    if (tooSmall && !(chunkKey.ctrl && chunk === 'c')) return;
    feed.push(chunk, chunkKey);
  });
}

/** The notice line: why a pressed button is disabled, a hint about the last key. */
function noticeOf(view: View): string | null {
  if (view.mode === 'cash' || view.mode === 'dialog') {
    const locked = view.cash?.notice?.kind === 'payLocked' ? view.cash.notice : null;
    return locked ? t(view.lang, 'cash.payLocked', { missing: formatMoney(locked.missing, view.lang) }) : null;
  }
  return view.kiosk.notice ? t(view.lang, view.kiosk.notice, view.kiosk.noticeParams) : null;
}

export function App({ terminalId, onQuit }: AppProps) {
  const { columns, rows } = useTerminalSize();
  const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;
  useKeys(tooSmall, onQuit);
  const view: View = useTerminalSelector(viewOf);
  if (tooSmall) {
    return <Text color="yellow">{t(view.lang, 'size.enlarge', { columns, rows })}</Text>;
  }
  const height = rows - 1;
  const panelWidth = columns >= 100 ? 30 : 26;
  const notice = noticeOf(view);
  return (
    <Box flexDirection="row" width={columns} height={height}>
      <Frame
        brand={t(view.lang, 'brand', { terminal: terminalId })}
        title={screenTitle(view)}
        notice={notice}
        help={screenHelp(view)}
        width={columns - panelWidth}
        height={height}
      >
        <ScreenBody view={view} />
      </Frame>
      <PhonePanel messages={view.sms} lang={view.lang} width={panelWidth} height={height} />
    </Box>
  );
}
