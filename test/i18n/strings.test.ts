import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { ru } from '../../src/i18n/ru.js';
import { formatHours } from '../../src/i18n/format.js';

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

describe('formatHours', () => {
  it('gives the hours with the word their number takes', () => {
    expect([1, 24, 48].map((h) => formatHours(h, 'en'))).toEqual(['1 hour', '24 hours', '48 hours']);
    expect([1, 21, 24, 48, 11, 12, 72].map((h) => formatHours(h, 'ru'))).toEqual(['1 час', '21 час', '24 часа', '48 часов', '11 часов', '12 часов', '72 часа']);
  });
});
