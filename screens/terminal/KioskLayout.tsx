/** The whole kiosk at a given size: the frame with the current screen, and the phone panel beside it. */
import React from 'react';
import { Box } from 'ink';
import type { View } from '../../src/app/view.js';
import { Frame } from './Frame.js';
import { PhonePanel } from '../phone/PhonePanel.js';
import { ScreenBody, screenHelp, screenNotice, screenTitle } from './ScreenBody.js';

export interface KioskLayoutProps {
  view: View;
  terminalId: string;
  columns: number;
  rows: number;
  /** what stands beside the kiosk; omitted, the phone panel with the terminal's SMS */
  panel?: React.ReactNode;
}

/** The phone beside the places: wider on a wide terminal. */
export const phonePanelWidth = (columns: number): number => (columns >= 100 ? 30 : 26);

export function KioskLayout({ view, terminalId, columns, rows, panel }: KioskLayoutProps) {
  const height = rows - 1;
  const panelWidth = phonePanelWidth(columns);
  return (
    <Box flexDirection="row" width={columns} height={height}>
      <Frame
        brand={view.skin.header[view.lang].replace('{terminal}', terminalId)}
        colors={view.skin.colors}
        title={screenTitle(view)}
        notice={screenNotice(view)}
        help={screenHelp(view)}
        width={columns - panelWidth}
        height={height}
      >
        <ScreenBody view={view} />
      </Frame>
      {panel ?? <PhonePanel messages={view.sms} lang={view.lang} width={panelWidth} height={height} />}
    </Box>
  );
}
