/**
 * The per-skin test projects (vitest.config.ts, R-TERM-4): the skin named by KIOSK_TEST_SKIN becomes
 * the default skin, so every rig (the terminal, the UI harness, tapes without Set Skin) wears it.
 */
import { vi } from 'vitest';

vi.mock('../src/domain/skins/builtIn.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/domain/skins/builtIn.js')>();
  const wanted = process.env.KIOSK_TEST_SKIN ?? 'euroset';
  const skin = original.skinById(wanted);
  if (!skin) throw new Error(`KIOSK_TEST_SKIN=${wanted}: no such built-in skin`);
  return { ...original, DEFAULT_SKIN: skin };
});
