import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { ru } from '../../src/i18n/ru.js';

/** At 80 columns the kiosk frame is 80 − 26 (phone panel) − 2 (border) − 1 (margin) wide. */
const HELP_WIDTH_AT_80 = 51;

describe.each([['en', en], ['ru', ru]] as const)('%s strings', (_lang, dict) => {
  it('every help line fits the kiosk frame at 80×24, so none is cut off', () => {
    const tooLong = Object.entries(dict).filter(([key, text]) => key.startsWith('help.') && [...text].length > HELP_WIDTH_AT_80);
    expect(tooLong).toEqual([]);
  });

  it('has every message the English dictionary has, and no more', () => {
    expect(Object.keys(dict).sort()).toEqual(Object.keys(en).sort());
  });

  it('no message is left empty', () => {
    expect(Object.entries(dict).filter(([, text]) => text.trim() === '')).toEqual([]);
  });
});
