/**
 * The debrief's `m` in the built kiosk (issue 16): the Training place runs in the start script, and
 * the replay of the attempt to its first mistake lives in the second script (dist/kiosk.commands.cjs,
 * src/cli/commands.ts), loaded only now. The attempt's record goes there and the moment comes back.
 */
import { describe, expect, it } from 'vitest';
import { PtyKiosk } from './ptyKiosk.js';

const F6 = '\x1b[17~';
const F8 = '\x1b[19~';

describe('the first mistake, from the kiosk started on its own (no subcommand)', () => {
  it('R-TERM-1: F6, TERM-PATH into Mobile, F8, m: the moment comes from the commands script', { timeout: 60_000 }, async () => {
    const kiosk = new PtyKiosk(['--memory', '--lang', 'en'], {});
    try {
      await kiosk.waitFor('Press any key to start');
      kiosk.press(F6);
      await kiosk.waitFor('Your name, for the trainer');
      kiosk.press('Anna\r');
      await kiosk.waitFor('The way to AliExpress in the menu');
      kiosk.press('7');
      await kiosk.waitFor('Enter Start');
      kiosk.press('\r');
      await kiosk.waitFor('No mistakes so far');
      kiosk.press(' ');
      await kiosk.waitFor('Choose a service');
      kiosk.press('1');
      await kiosk.waitFor("✗ R-TERM-1 · Don't go into Mobile");
      kiosk.press(F8);
      await kiosk.waitFor('m the first mistake, key by key');
      kiosk.press('m');
      // the moment's frame can reach the pty in more than one write: wait for its last part
      const screen = await kiosk.waitFor('The screen before the key (kiosk.menu):');
      expect(screen).toContain("The first mistake · R-TERM-1 · Don't go into Mobile");
      expect(screen).toContain('Key pressed: Type "1"');
    } finally {
      kiosk.dispose();
    }
  });
});
