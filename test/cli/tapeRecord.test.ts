/** `kiosk tape record` in a real pseudo-terminal (issue 9, item 25). */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PtyKiosk } from '../process/ptyKiosk.js';

describe('kiosk tape record', () => {
  let recorder: PtyKiosk | null = null;
  afterEach(() => recorder?.dispose());

  it('leaves nothing of its frame behind after Ctrl+C: only the line that says what it wrote', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tape-record-')), 'new.tape');
    recorder = new PtyKiosk(['tape', 'record', file, '--lang', 'en'], {});
    await recorder.waitFor('EUROSET');
    recorder.press('\r');
    await recorder.waitFor('Other services');
    recorder.press('\x03');
    expect(await recorder.died()).toMatchObject({ exitCode: 0 });
    // a long path wraps: the screen's rows joined back into the one line printed
    const screen = recorder.screen().trimEnd().split('\n').join('');
    expect(screen).toMatch(/^wrote .*new\.tape \(\d+ lines\); replay it with: kiosk tape run .*new\.tape$/);
    expect(readFileSync(file, 'utf8')).toContain('\nLaunch\nEnter\n');
  });
});
