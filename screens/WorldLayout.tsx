/**
 * The whole program at a given size: the place bar on top, then the place that is shown with the
 * phone beside it. The phone has the keys (F2): it draws its own screen in the panel.
 */
import React from 'react';
import { Box } from 'ink';
import type { View } from '../src/app/view.js';
import type { PhoneView, WorldView } from '../src/app/worldView.js';
import { KioskLayout, phonePanelWidth } from './terminal/KioskLayout.js';
import { PhonePanel, phonePanelOf } from './phone/PhonePanel.js';
import { PlaceBar } from './PlaceBar.js';
import { PhoneScreen } from './phone/PhoneScreen.js';
import { SiteFrame } from './site/SiteFrame.js';
import type { SiteView } from '../machines/site/siteView.js';
import type { DeskView } from '../machines/desk/deskView.js';
import { DeskFrame } from './desk/DeskFrame.js';

export interface WorldLayoutProps {
  view: View;
  world: WorldView;
  phone: PhoneView;
  /** null: the site is not open yet (the world opens it after the first screen), so it sent no SMS */
  site: SiteView | null;
  /** the cashier's desk (F4) and the Post's window (F5); null, not open yet */
  desks: { cashier: DeskView | null; post: DeskView | null };
  terminalId: string;
  columns: number;
  rows: number;
  /** the Training place (F6), drawn by src/app (it holds an exercise's own world) */
  training?: React.ReactNode;
  /** false: no place bar (the Training place draws a running exercise's world under its own lines) */
  bar?: boolean;
}

export function WorldLayout({ view, world, phone, site, desks, terminalId, columns, rows, training, bar = true }: WorldLayoutProps) {
  const lang = view.lang;
  const bodyRows = bar ? rows - 1 : rows;
  const height = bodyRows - 1;
  const panelWidth = phonePanelWidth(columns);
  const desk = world.shown === 'cashier' || world.shown === 'post' ? desks[world.shown] : null;
  const panel =
    world.place === 'phone' ? (
      <PhoneScreen phone={phone} lang={lang} width={panelWidth} height={height} />
    ) : (
      <PhonePanel messages={phonePanelOf(phone, view.sms, site?.sms ?? []).messages} lang={lang} width={panelWidth} height={height} />
    );
  return (
    <Box flexDirection="column" width={columns}>
      {bar ? <PlaceBar world={world} lang={lang} width={columns} /> : null}
      {world.shown === 'training' ? (
        training
      ) : world.shown === 'site' && site ? (
        <Box flexDirection="row" width={columns} height={height}>
          <SiteFrame view={site} width={columns - panelWidth} height={height} />
          {panel}
        </Box>
      ) : desk ? (
        <Box flexDirection="row" width={columns} height={height}>
          <DeskFrame view={desk} width={columns - panelWidth} height={height} />
          {panel}
        </Box>
      ) : (
        <KioskLayout view={view} terminalId={terminalId} columns={columns} rows={bodyRows} panel={panel} />
      )}
    </Box>
  );
}
