/**
 * The site's pages as the world will place them at 80×24: the site in a 54-column box beside the
 * 26-column phone panel, with two rows left for the world's place bar and status line.
 */
import React from 'react';
import { stripVTControlCharacters } from 'node:util';
import { Box, renderToString } from 'ink';
import type { SiteView } from '../../machines/site/siteView.js';
import { PhonePanel } from '../../screens/phone/PhonePanel.js';
import { SiteFrame } from '../../screens/site/SiteFrame.js';

export const COLUMNS = 80;
export const ROWS = 24;
export const PANEL_WIDTH = 26;
export const SITE_WIDTH = COLUMNS - PANEL_WIDTH;
/** the world's place bar and status line */
export const WORLD_ROWS = 2;
export const SITE_HEIGHT = ROWS - WORLD_ROWS;

export function renderSite(view: SiteView): string {
  const frame = renderToString(
    <Box flexDirection="row" width={COLUMNS} height={SITE_HEIGHT}>
      <SiteFrame view={view} width={SITE_WIDTH} height={SITE_HEIGHT} />
      <PhonePanel messages={[]} lang={view.lang} width={PANEL_WIDTH} height={SITE_HEIGHT} />
    </Box>,
    { columns: COLUMNS },
  );
  return stripVTControlCharacters(frame);
}

/** The site's part of each row (its first 54 columns). */
export const siteRows = (frame: string): string[] => frame.split('\n').map((row) => [...row].slice(0, SITE_WIDTH).join(''));

/** Text as read across rows: box lines dropped, rows joined, runs of blanks (no-break ones too) one space. */
export const flat = (rows: string[]) => rows.join(' ').replace(/[│┌┐└┘─╭╮╰╯]/g, ' ').replace(/\s+/g, ' ').trim();
