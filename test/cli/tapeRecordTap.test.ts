/**
 * `kiosk tape record` with touch (issue 21), from the built bundle in a real pseudo-terminal: the
 * recording switches mouse reports on, writes a tap on a button as `Tap "label"` and a tap anywhere
 * else as `Tap ROW,COL`, switches them off at the end, and the tape replays.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Terminal } from '@xterm/headless';
import { MOUSE_OFF, MOUSE_ON, tapBytes } from '../../src/app/mouse.js';

const ROOT = join(import.meta.dirname, '..', '..');
const KIOSK = join(ROOT, 'dist', 'kiosk.js');

/** The 1-based cell where `text` first starts on the terminal's screen, or null. */
function cellOf(term: Terminal, text: string): { row: number; column: number } | null {
  for (let row = 0; row < term.rows; row++) {
    const line = term.buffer.active.getLine(row)?.translateToString(true) ?? '';
    const at = line.indexOf(text);
    if (at >= 0) return { row: row + 1, column: Array.from(line.slice(0, at)).length + 1 };
  }
  return null;
}

describe('kiosk tape record with touch', () => {
  it('R-TERM-1: writes a tap on a button as Tap "label", one elsewhere as Tap ROW,COL, and the tape replays', async () => {
    const { spawn } = await import('node-pty');
    const file = join(mkdtempSync(join(tmpdir(), 'tape-record-tap-')), 'recorded.tape');
    const pty = spawn(process.execPath, [KIOSK, 'tape', 'record', file, '--lang', 'en'], { cols: 100, rows: 30, cwd: ROOT, env: process.env as Record<string, string> });
    const term = new Terminal({ cols: 100, rows: 30, allowProposedApi: true });
    let raw = '';
    pty.onData((d) => {
      raw += d;
      term.write(d);
    });
    const exited = new Promise<void>((resolve) => pty.onExit(() => resolve()));
    const shown = (text: string) => vi.waitFor(() => expect(cellOf(term, text), text).not.toBeNull(), { timeout: 20_000, interval: 5 });
    const tapOn = async (text: string) => {
      await shown(text);
      pty.write(tapBytes(cellOf(term, text)!));
    };
    await shown('Press any key');
    expect(raw).toContain(MOUSE_ON);
    // a tap on no button: the idle screen takes it for any key
    pty.write(tapBytes({ row: 20, column: 5 }));
    await tapOn('Other services');
    await tapOn('Products by catalogs');
    await shown('Aliexpress');
    pty.write('\x03');
    await exited;
    expect(raw).toContain(MOUSE_OFF);
    const tape = readFileSync(file, 'utf8');
    expect(tape).toMatch(/Launch\nTap 20,5\nTap "Other services"\nTap "Products by catalogs"\n$/);
    writeFileSync(file, `${tape}Expect "Aliexpress"\nExpectState kiosk.catalogs\n`);
    const replay = spawnSync(process.execPath, [KIOSK, 'tape', 'run', file], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, FORCE_COLOR: undefined } });
    expect(replay.stdout).toContain('1 passed, 0 failed');
    expect(replay.status).toBe(0);
  }, 60_000);
});
