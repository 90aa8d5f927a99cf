/**
 * The standard Russian (ЙЦУКЕН) layout against the US one, key by key: a customer whose keyboard is
 * switched to Russian presses the key labelled P and sends "з". Letters only: hotkeys are letters.
 * Data shared by the keymap (which letter a key press means) and the buttons (which to show).
 */
const US_KEYS = 'qwertyuiopasdfghjklzxcvbnm';
const RU_KEYS = 'йцукенгшщзфывапролдячсмить';
const LATIN_OF_CYRILLIC: Record<string, string> = Object.fromEntries([...RU_KEYS].map((ru, i) => [ru, US_KEYS[i] ?? '']));

/** The Cyrillic letter on the same key as a Latin hotkey, for showing both, e.g. `P/З`; null if none. */
export const cyrillicOf = (latin: string): string | null => {
  const i = US_KEYS.indexOf(latin.toLowerCase());
  return i < 0 ? null : RU_KEYS[i] ?? null;
};

/** The Latin letter on the same key as a Russian-layout letter; other characters unchanged. */
export const latinOf = (letter: string): string => LATIN_OF_CYRILLIC[letter] ?? letter;
