/** The terminal's size, following resizes (an external store, so `useSyncExternalStore`, not an effect). */
import { useCallback, useSyncExternalStore } from 'react';
import { useStdout } from 'ink';

export interface TerminalSize {
  columns: number;
  rows: number;
}

export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const subscribe = useCallback(
    (onChange: () => void) => {
      stdout.on('resize', onChange);
      return () => void stdout.off('resize', onChange);
    },
    [stdout],
  );
  const columns = useSyncExternalStore(subscribe, () => stdout.columns || 80);
  const rows = useSyncExternalStore(subscribe, () => stdout.rows || 24);
  return { columns, rows };
}
