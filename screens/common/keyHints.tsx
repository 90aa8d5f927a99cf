/**
 * Keys drawn as text, made touchable (issue 21: every place answers taps). A help line's item
 * `Enter next` or `O shift`, an exercise's line `[1] …` in the Training catalog: a tap on it types
 * the key, exactly as pressing it would, so no machine learns anything new. Items that name no single
 * key (`1–8 notes`, `↑↓ choose`, `X/Z report`, `Type your name`) stay plain text.
 */
import React from 'react';
import { Box, Text, type TextProps } from 'ink';
import { useTapTarget } from './tapTargets.js';

/** Key names as help lines write them; a tap types the key (src/app/App.tsx turns the name into its bytes). */
const NAMED_KEYS = new Set(['Enter', 'Esc', 'Tab', '⌫', 'PgDn', 'PgUp']);
const FUNCTION_KEY = /^F([1-9]|1[0-2])$/;

/** The key a word names (`Enter`, `F8`, `O`, `h:`), or null; a letter is its lower case, as the keymaps read it. */
export function keyNamed(word: string): string | null {
  const name = word.replace(/:$/, '');
  if (NAMED_KEYS.has(name) || FUNCTION_KEY.test(name)) return name;
  return /^[A-Za-z0-9]$/.test(name) ? name.toLowerCase() : null;
}

/**
 * The key a help line's item is about, or null. Its first word names it (`Esc back`); an item naming
 * two keys side by side (`PgDn PgUp pages`) names none: a tap could not say which was meant.
 */
export function hintKeyOf(item: string): string | null {
  const [first = '', second = ''] = item.trim().split(/\s+/);
  const key = keyNamed(first);
  return key && !keyNamed(second) ? key : null;
}

/** The key a `[1] …` line (a catalog exercise, a customer's answer) is chosen with, or null. */
export function bracketKeyOf(line: string): string | null {
  const m = /^\s*\[([^\]\s]+)\]/.exec(line);
  return m ? keyNamed(m[1]!) : null;
}

/**
 * One item of a help line, drawn as its text: tappable as the key it names; an item naming two keys
 * side by side (`PgDn PgUp pages`) is two targets, the first key's word and the rest.
 */
export function HintItem({ text, style }: { text: string; style: TextProps }) {
  const [first = '', second = '', ...rest] = text.split(' ');
  if (keyNamed(first) && keyNamed(second)) {
    return (
      <Box flexDirection="row" columnGap={1}>
        <TapKey name={keyNamed(first)}><Text {...style}>{first}</Text></TapKey>
        <TapKey name={keyNamed(second)}><Text {...style}>{[second, ...rest].join(' ')}</Text></TapKey>
      </Box>
    );
  }
  return <TapKey name={hintKeyOf(text)}><Text {...style}>{text}</Text></TapKey>;
}

/** Its children, tappable as the key `name` (null: drawn as they are). */
export function TapKey({ name, children, ...box }: { name: string | null; children: React.ReactNode; flexGrow?: number; paddingLeft?: number }) {
  // a column: the text inside stretches to the box, so a line's truncation works as it did unwrapped
  return name ? <Tappable name={name} {...box}>{children}</Tappable> : <Box flexDirection="column" {...box}>{children}</Box>;
}

function Tappable({ name, children, ...box }: { name: string; children: React.ReactNode; flexGrow?: number; paddingLeft?: number }) {
  const ref = useTapTarget({ kind: 'key', key: name });
  return <Box ref={ref} flexDirection="column" {...box}>{children}</Box>;
}

/**
 * A one-row help line (`Enter Start · Esc back`) with each item that names a key tappable as it; the
 * row never wraps (what does not fit is cut off, as the plain line it replaces was).
 */
export function KeyHintLine({ text, dimColor, bold }: { text: string; dimColor?: boolean; bold?: boolean }) {
  const items = text.split(' · ');
  return (
    <Box flexDirection="row" columnGap={1} overflow="hidden">
      {items.map((item, i) => (
        <HintItem key={i} text={i < items.length - 1 ? `${item} ·` : item} style={{ wrap: 'truncate-end', ...(dimColor ? { dimColor } : {}), ...(bold ? { bold } : {}) }} />
      ))}
    </Box>
  );
}
