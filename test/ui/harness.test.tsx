/** The UI harness waits on conditions: through I/O to the frame it wants, and fails once nothing can change. */
import { afterEach, expect, it } from 'vitest';
import { KEY, renderKiosk, TEXT, titleOf, toOrderEntry, type Kiosk } from './harness.js';

let kiosk: Kiosk | null = null;
afterEach(() => {
  kiosk?.unmount();
  kiosk = null;
});

it('waits through the order lookup (I/O) for the screen that answers it', async () => {
  const k = (kiosk = renderKiosk({ lang: 'en' }));
  await toOrderEntry(k, 'en');
  await k.press(...'1000000001'.split(''), KEY.enter);
  const frame = await k.waitForText(TEXT.en.check);
  expect(titleOf(frame)).toBe(TEXT.en.check);
});

it('fails a wait for text that never comes once the kiosk has settled, showing the screen', async () => {
  const k = (kiosk = renderKiosk({ lang: 'en' }));
  await k.waitForText(TEXT.en.idle);
  await expect(k.waitForText('no such text')).rejects.toThrow(
    new RegExp(`waiting for no such text; the kiosk has settled and the screen is:\\n[^]*${TEXT.en.idle}`),
  );
});

it('fails a wait on any condition that stays false once the kiosk is quiet', async () => {
  const k = (kiosk = renderKiosk({ lang: 'en' }));
  await k.waitForText(TEXT.en.idle);
  await expect(k.waitUntil(k.exited, () => 'the kiosk never quit')).rejects.toThrow('the kiosk never quit');
});
