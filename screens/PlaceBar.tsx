/** The top row of every frame: the places with their keys, the clock keys (or a hint), the program's date and time. */
import React from 'react';
import { Box, Text } from 'ink';
import type { Lang } from '../src/domain/money.js';
import type { WorldView } from '../src/app/worldView.js';
import { t } from '../src/i18n/index.js';
import { formatDateTime } from '../src/i18n/format.js';

/** F1 Site, F2 Phone, F3 Terminal (F4 Cashier and F5 Post come with their own issue). */
export const PLACE_KEYS = { site: 'F1', phone: 'F2', terminal: 'F3' } as const;
const PLACES = Object.keys(PLACE_KEYS) as Array<keyof typeof PLACE_KEYS>;

export function hintText(world: WorldView, lang: Lang): string | null {
  const { hint } = world;
  if (!hint) return null;
  return hint.kind === 'unknownPlace' ? t(lang, 'hint.unknownPlace', { place: hint.place }) : t(lang, 'hint.unknownKey', { key: hint.key });
}

export function PlaceBar({ world, lang, width }: { world: WorldView; lang: Lang; width: number }) {
  const hint = hintText(world, lang);
  return (
    <Box width={width} height={1} flexDirection="row">
      {PLACES.map((place) => {
        const active = world.place === place;
        return (
          <Text key={place} inverse={active} bold={active}>{` ${PLACE_KEYS[place]} ${t(lang, `place.${place}`)} `}</Text>
        );
      })}
      <Box flexGrow={1} justifyContent="flex-end">
        {hint ? <Text color="magenta">{hint}</Text> : <Text dimColor>{`F9 ${t(lang, 'clock.hour')}  F10 ${t(lang, 'clock.day')}`}</Text>}
        <Text>{` ${formatDateTime(world.now, lang)}`}</Text>
      </Box>
    </Box>
  );
}
