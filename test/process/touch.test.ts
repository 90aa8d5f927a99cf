/**
 * Touch in the real program (issue 21): dist/kiosk.js in a pseudo-terminal asks for SGR mouse
 * reports, a tap written as the terminal would send it presses the button under it, and the
 * terminal gets mouse reporting switched off again however the program ends.
 */
import { describe, expect, it } from 'vitest';
import { MOUSE_OFF, MOUSE_ON, tapBytes } from '../../src/app/mouse.js';
import { PtyKiosk } from './ptyKiosk.js';

/** The cell (1-based) where `text` starts on the screen. */
function cellOf(screen: string, text: string): { row: number; column: number } {
  const lines = screen.split('\n');
  const row = lines.findIndex((line) => line.includes(text));
  if (row < 0) throw new Error(`"${text}" is not on the screen:\n${screen}`);
  return { row: row + 1, column: Array.from(lines[row]!.slice(0, lines[row]!.indexOf(text))).length + 1 };
}

async function onMenu(args: string[] = []): Promise<{ kiosk: PtyKiosk; menu: string }> {
  const kiosk = new PtyKiosk(['--memory', '--lang', 'en', ...args], {});
  kiosk.press('\r');
  return { kiosk, menu: await kiosk.waitFor('Other services') };
}

describe('touch in the real program', () => {
  it('asks for mouse reports on start; a tap on "Other services" opens them; Ctrl+C switches reporting off', async () => {
    const { kiosk, menu } = await onMenu();
    try {
      expect(kiosk.output).toContain(MOUSE_ON);
      kiosk.press(tapBytes(cellOf(menu, 'Other services')));
      await kiosk.waitFor('Traffic fines');
      kiosk.press('\x03');
      expect((await kiosk.died()).exitCode).toBe(0);
      expect(kiosk.output.lastIndexOf(MOUSE_OFF)).toBeGreaterThan(kiosk.output.lastIndexOf(MOUSE_ON));
    } finally {
      kiosk.dispose();
    }
  });

  it('switches reporting off when it is terminated (SIGTERM) or hung up on (SIGHUP)', async () => {
    for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
      const { kiosk } = await onMenu();
      try {
        kiosk.signal(signal);
        await kiosk.died();
        expect(kiosk.output.lastIndexOf(MOUSE_OFF), signal).toBeGreaterThan(kiosk.output.lastIndexOf(MOUSE_ON));
      } finally {
        kiosk.dispose();
      }
    }
  });

  it('--no-mouse asks for no reports and a tap presses nothing', async () => {
    const { kiosk, menu } = await onMenu(['--no-mouse']);
    try {
      expect(kiosk.output).not.toContain(MOUSE_ON);
      kiosk.press(tapBytes(cellOf(menu, 'Other services')));
      // still on the menu: its hotkey 7 (Charity) answers there, and the tap typed nothing before it
      kiosk.press('7');
      await kiosk.waitFor('Not available on this terminal: choose Mobile or Other services.');
    } finally {
      kiosk.kill();
      await kiosk.died();
      kiosk.dispose();
    }
  });
});
