/** The site's page in a box of the given size: the site bar with the App / PC switch, the title, the page, the notice and the help line. */
import React from 'react';
import { Box, Text } from 'ink';
import type { SiteView } from '../../machines/site/siteView.js';
import { t } from '../../src/i18n/index.js';
import { Paragraph } from '../common/Paragraph.js';
import { SiteBody } from './SiteBody.js';

export interface SiteFrameProps {
  view: SiteView;
  width: number;
  height: number;
}

export const siteTitle = (view: SiteView): string => t(view.lang, `site.title.${view.page}`, { code: view.order?.row.code ?? '' });

export function siteHelp(view: SiteView): string {
  if (view.mode === 'busy') return t(view.lang, 'site.help.wait');
  if (view.page === 'checkout') return t(view.lang, 'site.help.checkout');
  if (view.page === 'dispute') return t(view.lang, 'site.help.dispute');
  if (view.page === 'catalog') return t(view.lang, 'site.help.catalog');
  if (view.page === 'topUp') return t(view.lang, 'site.help.topUp');
  return t(view.lang, 'site.help.buttons');
}

export const siteNotice = (view: SiteView): string | null => (view.notice ? t(view.lang, view.notice) : null);

/** The active version is marked both ways: inverse for colour terminals, brackets for plain captures. */
function VersionSwitch({ view }: { view: SiteView }) {
  const part = (channel: SiteView['channel'], key: string) => {
    const active = view.channel === channel;
    return <Text inverse={active} bold={active}>{active ? `[${t(view.lang, key)}]` : ` ${t(view.lang, key)} `}</Text>;
  };
  return (
    <Box>
      {part('pc', 'site.version.pc')}
      <Text>|</Text>
      {part('app', 'site.version.app')}
    </Box>
  );
}

export function SiteFrame({ view, width, height }: SiteFrameProps) {
  const notice = siteNotice(view);
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="round" borderColor="red">
      <Box justifyContent="space-between" paddingX={1}>
        <Text color="red" bold>{t(view.lang, 'site.brand')}</Text>
        <VersionSwitch view={view} />
      </Box>
      <Text bold wrap="truncate">{` ${siteTitle(view)}`}</Text>
      <Box flexDirection="column" flexGrow={1} paddingX={1} paddingTop={1} overflow="hidden">
        <SiteBody view={view} />
      </Box>
      <Box paddingLeft={1}>{notice ? <Paragraph text={notice} color="magenta" /> : <Text> </Text>}</Box>
      <Box paddingLeft={1}>
        <Paragraph text={siteHelp(view)} unit="items" tapKeys dimColor />
      </Box>
    </Box>
  );
}
