/** Issue 21's bad input from the built bundle: a Tap outside the screen, an unknown style word, a resize below 20x10 → file:line:col, exit 2. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const KIOSK = join(import.meta.dirname, '..', '..', 'dist', 'kiosk.js');

function runTapeText(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'tape-touch-'));
  const file = join(dir, 'bad.tape');
  writeFileSync(file, text);
  const r = spawnSync(process.execPath, [KIOSK, 'tape', 'run', file], { env: { ...process.env, FORCE_COLOR: undefined }, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe('kiosk tape run: bad touch, style and size input', () => {
  it.each([
    ['a Tap outside the screen', 'Set Size 100x30\nLaunch\nTap 31,10\n', 'bad.tape:3:5: expected a cell on the 100x30 screen (row 1-30, column 1-100), found "31,10"'],
    ['an unknown style word', 'Launch\nExpectStyle "Pay" shiny\n', 'bad.tape:2:19: expected a style: inverse, bold, dim, italic, underline, fg COLOUR or bg COLOUR (or not STYLE), found "shiny"'],
    ['a resize below 20x10', 'Launch\nResize 19x9\n', 'bad.tape:2:8: expected a size like 100x30 (columns 20-500, rows 10-200), found "19x9"'],
  ])('%s: exit 2 naming file:line:column', (_, text, message) => {
    const r = runTapeText(text);
    expect(r.code).toBe(2);
    expect(r.out).toContain(message);
  });
});
