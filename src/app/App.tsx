/** The app shell: size guard, kiosk frame with the current screen, phone panel, keys → events. */
import React, { useState } from 'react';
import { Text, useApp, useInput } from 'ink';
import { useTerminalActor, useTerminalSelector } from './context.js';
import { KeyFeed } from './keyFeed.js';
import { viewOf, type View } from './view.js';
import { useTerminalSize } from './useTerminalSize.js';
import { t } from '../i18n/index.js';
import { KioskLayout } from '../../screens/KioskLayout.js';

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

export function App({ terminalId, onQuit }: AppProps) {
  const { columns, rows } = useTerminalSize();
  const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;
  useKeys(tooSmall, onQuit);
  const view: View = useTerminalSelector(viewOf);
  if (tooSmall) {
    return <Text color="yellow">{t(view.lang, 'size.enlarge', { columns, rows })}</Text>;
  }
  return <KioskLayout view={view} terminalId={terminalId} columns={columns} rows={rows} />;
}
