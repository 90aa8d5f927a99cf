/** A grid of kiosk buttons: the focused one inverted, disabled ones dimmed, hotkeys in brackets. */
import React from 'react';
import { Box, Text } from 'ink';
import type { Button } from '../../machines/buttons.js';
import type { Lang } from '../../src/domain/money.js';
import { buttonText } from '../../src/i18n/index.js';
import { cyrillicOf } from '../../src/i18n/keyboardLayout.js';
import { useTapTarget } from './tapTargets.js';

export interface ButtonsProps {
  buttons: readonly Button[];
  focus: number;
  lang: Lang;
  /** buttons per row @default 1 */
  columns?: number;
  /** label overrides by button id, e.g. the operator button showing the operator */
  labels?: Record<string, string>;
}

const HOTKEY_NAMES: Record<string, string> = { esc: 'Esc', backspace: '⌫', tab: 'Tab', enter: 'Enter' };

/**
 * `[P]`; in Russian `[P/З]`: a letter hotkey also answers to the Cyrillic letter on its key (the keymap
 * reads the Russian layout), and a customer with that layout on sees the letter they will type.
 */
export function hotkeyLabel(hotkey: string, lang: Lang): string {
  const named = HOTKEY_NAMES[hotkey];
  if (named) return `[${named}]`;
  const cyrillic = lang === 'ru' ? cyrillicOf(hotkey) : null;
  return cyrillic ? `[${hotkey.toUpperCase()}/${cyrillic.toUpperCase()}]` : `[${hotkey.toUpperCase()}]`;
}

export function ButtonView({ button, focused, lang, label }: { button: Button; focused: boolean; lang: Lang; label?: string }) {
  const hotkey = button.hotkey ? `${hotkeyLabel(button.hotkey, lang)} ` : '';
  // touch: the button's cells are where Ink laid this box out (as wide as its text, not the row)
  const box = useTapTarget({ kind: 'button', id: button.id });
  return (
    <Box ref={box} alignSelf="flex-start">
      {/* The ▸ marks focus without colour too: for plain captures, tapes and screen readers. */}
      <Text inverse={focused} dimColor={!button.enabled} color={button.enabled ? 'cyan' : undefined}>
        {`${focused ? '▸' : ' '}${hotkey}${label ?? buttonText(lang, button)} `}
      </Text>
    </Box>
  );
}

export function Buttons({ buttons, focus, lang, columns = 1, labels = {} }: ButtonsProps) {
  const rows: Button[][] = [];
  buttons.forEach((b, i) => {
    if (i % columns === 0) rows.push([]);
    rows[rows.length - 1]?.push(b);
  });
  return (
    <Box flexDirection="column">
      {rows.map((row, r) => (
        <Box key={r} flexDirection="row">
          {row.map((b, c) => (
            <Box key={b.id} width={columns > 1 ? `${Math.floor(100 / columns)}%` : undefined}>
              <ButtonView button={b} focused={r * columns + c === focus} lang={lang} {...(labels[b.id] ? { label: labels[b.id] } : {})} />
            </Box>
          ))}
        </Box>
      ))}
    </Box>
  );
}
