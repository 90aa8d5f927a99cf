/** The top row of every frame: the places with their keys, the clock keys (or a hint), the program's date and time. */
import React from 'react';
import { Box, Text } from 'ink';
import type { Lang } from '../src/domain/money.js';
import type { WorldView } from '../src/app/worldView.js';
import { t } from '../src/i18n/index.js';
import { formatDateTime } from '../src/i18n/format.js';
import { useTapTarget } from './common/tapTargets.js';

/** F1 Site, F2 Phone, F3 Terminal, F4 Cashier, F5 Post, F6 Training. */
export const PLACE_KEYS = { site: 'F1', phone: 'F2', terminal: 'F3', cashier: 'F4', post: 'F5', training: 'F6' } as const;
const PLACES = Object.keys(PLACE_KEYS) as Array<keyof typeof PLACE_KEYS>;

export function hintText(world: WorldView, lang: Lang): string | null {
  const { hint } = world;
  if (!hint) return null;
  return hint.kind === 'unknownPlace' ? t(lang, 'hint.unknownPlace', { place: hint.place }) : t(lang, 'hint.unknownKey', { key: hint.key });
}

/** One place on the bar; a tap on it presses its function key (touch: every place is reachable without keys). */
function PlaceLabel({ place, active, text }: { place: keyof typeof PLACE_KEYS; active: boolean; text: string }) {
  const box = useTapTarget({ kind: 'key', key: PLACE_KEYS[place] });
  return (
    <Box ref={box} flexShrink={0}>
      <Text inverse={active} bold={active}>{text}</Text>
    </Box>
  );
}

export function PlaceBar({ world, lang, width }: { world: WorldView; lang: Lang; width: number }) {
  const hint = hintText(world, lang);
  const now = ` ${formatDateTime(world.now, lang)}`;
  const clockKeys = `F9 ${t(lang, 'clock.hour')}  F10 ${t(lang, 'clock.day')}`;
  const wideWidth = PLACES.reduce((sum, place) => sum + ` ${PLACE_KEYS[place]} ${t(lang, `place.${place}`)} `.length, 0);
  // six places and the date fill 80 columns: then each place gives up its right-hand space
  const tight = wideWidth + now.length > width;
  const label = (place: (typeof PLACES)[number]) => ` ${PLACE_KEYS[place]} ${t(lang, `place.${place}`)}${tight ? '' : ' '}`;
  const placesWidth = PLACES.reduce((sum, place) => sum + label(place).length, 0);
  // five places and the date leave no room for the clock keys at 80 columns: the keys go, the places and the time stay
  const clockKeysFit = placesWidth + clockKeys.length + now.length <= width;
  // a hint is said once, after a key: while it shows it may take the time's place
  const timeFits = !hint || placesWidth + hint.length + now.length <= width;
  return (
    <Box width={width} height={1} flexDirection="row">
      {PLACES.map((place) => (
        <PlaceLabel key={place} place={place} active={world.place === place} text={label(place)} />
      ))}
      <Box flexGrow={1} justifyContent="flex-end">
        {hint ? <Text color="magenta" wrap="truncate-start">{hint}</Text> : clockKeysFit ? <Text dimColor>{clockKeys}</Text> : null}
        {timeFits ? <Box flexShrink={0}><Text>{now}</Text></Box> : null}
      </Box>
    </Box>
  );
}
