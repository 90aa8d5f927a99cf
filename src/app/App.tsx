/** The app shell: size guard, the place bar, the place that is shown, the phone beside it, keys → events. */
import React, { useLayoutEffect, useRef, useState } from 'react';
import { isMouseSequence, tapOf } from './mouse.js';
import { TapTargets, TapTargetsContext } from '../../screens/common/tapTargets.js';
import { Text, useApp, useInput, useStdin } from 'ink';
import { useTerminalSelector, useWorldActor } from './context.js';
import { KeyFeed } from './keyFeed.js';
import { FUNCTION_KEY_SEQUENCES } from './worldKeys.js';
import { viewOf } from './view.js';
import { useTerminalSize } from './useTerminalSize.js';
import { t } from '../i18n/index.js';
import { WorldScreen } from './WorldScreen.js';

/** The keys a tap on a drawn key hint types (screens/common/keyHints.tsx names them as the help lines do). */
const TAP_KEY_BYTES: Readonly<Record<string, string>> = { Enter: '\r', Esc: '\x1b', Tab: '\t', '⌫': '\x7f', PgUp: '\x1b[5~', PgDn: '\x1b[6~', Up: '\x1b[A', Down: '\x1b[B' };

/** The bytes a tap on a drawn key types: a key name, or several in a row (`Down Down Enter`: the phone's inbox). */
const tapKeyBytes = (keys: string): string => keys.split(' ').map((k) => FUNCTION_KEY_SEQUENCES[k] ?? TAP_KEY_BYTES[k] ?? k).join('');

export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

export interface AppProps {
  terminalId: string;
  /** called once when the terminal has closed after a quit (Ctrl+C anywhere, q on the idle screen) */
  onQuit?: () => void;
  /** false (`--no-mouse`): taps do nothing; mouse reports are still swallowed, never read as keys @default true */
  mouse?: boolean;
  /** where the drawn buttons register; `kiosk tape record` passes its own to read what a tap lands on @default a new one */
  taps?: TapTargets;
}

/**
 * Keys → events; while the terminal is too small nothing but Ctrl+C acts, so no key lands unseen.
 * Ink names no function key, so the raw sequence of each input is kept (a layout effect: it is
 * listening before `useInput`, whose listener re-subscribes after it on every render).
 */
function useKeys(tooSmall: boolean, taps: TapTargets | null, onQuit?: () => void) {
  const world = useWorldActor();
  const { exit } = useApp();
  const { internal_eventEmitter: events } = useStdin();
  const lastRaw = useRef('');
  // read by the raw listener, which is not re-made on every render
  const tooSmallRef = useRef(tooSmall);
  tooSmallRef.current = tooSmall;
  const [feed] = useState(
    () =>
      new KeyFeed(world, () => {
        onQuit?.();
        exit();
      }),
  );
  useLayoutEffect(() => {
    const keep = (data: string) => {
      lastRaw.current = data;
      // a touch (SGR mouse report, src/app/mouse.ts): the button under it, pressed as its hotkey would
      const tap = taps ? tapOf(data) : null;
      const action = tap ? taps?.at(tap.row, tap.column) : null;
      if (action?.kind === 'button') feed.pushTap(action.id);
      if (action?.kind === 'key') feed.pushBytes(tapKeyBytes(action.key));
      // on no button: a "press any key" screen takes it for that key (src/app/tapRoute.ts)
      if (tap && !action && !tooSmallRef.current) feed.pushTapAnywhere();
    };
    events.on('input', keep);
    return () => void events.off('input', keep);
  }, [events, taps, feed]);
  useInput((chunk, chunkKey) => {
    // Ink has no mouse: its report arrives as one input; it was a tap (or nothing), never a key
    if (isMouseSequence(lastRaw.current)) return;
    if (tooSmall && !(chunkKey.ctrl && chunk === 'c')) return;
    if (feed.pushRaw(lastRaw.current)) return;
    feed.push(chunk, chunkKey);
  });
}

export function App({ terminalId, onQuit, mouse = true, taps: given }: AppProps) {
  const { columns, rows } = useTerminalSize();
  const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;
  // the drawn buttons register here; while the screen asks to be enlarged none is drawn, so taps do nothing
  const [taps] = useState(() => (mouse ? (given ?? new TapTargets()) : null));
  useKeys(tooSmall, taps, onQuit);
  const lang = useTerminalSelector((snapshot) => viewOf(snapshot).lang);
  const world = useWorldActor();
  if (tooSmall) {
    return <Text color="yellow">{t(lang, 'size.enlarge', { columns, rows })}</Text>;
  }
  return (
    <TapTargetsContext.Provider value={taps}>
      <WorldScreen world={world} terminalId={terminalId} columns={columns} rows={rows} />
    </TapTargetsContext.Provider>
  );
}
