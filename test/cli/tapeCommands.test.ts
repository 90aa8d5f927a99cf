/** `kiosk tape` as a newcomer meets it (issue 9, items 22 and 27), from the built bundle. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTape } from '../../src/tape/runTape.js';
import { kiosk } from '../process/helpers.js';

function tempTapes(tapes: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tape-cli-'));
  for (const [name, text] of Object.entries(tapes)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('an empty tape is an error (exit 2), not a pass', () => {
  it.each([
    ['empty.tape', '', 'empty.tape:1:1: expected Launch and the steps to run (an empty tape tests nothing), found end of file'],
    ['comments.tape', '# to do\n\n', 'comments.tape:2:1: expected Launch and the steps to run'],
    ['setup-only.tape', 'Set Lang en\nOrder 1234567890 amount 100 phone +79161234567\n', 'setup-only.tape:2:1: expected Launch'],
  ])('%s: tape run and tape check say so', (name, text, message) => {
    const dir = tempTapes({ [name]: text });
    const run = kiosk(['tape', 'run', join(dir, name)]);
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(new RegExp(`^FAIL .*${name}`));
    expect(run.stdout).toContain(message);
    expect(run.stdout.trim().split('\n').at(-1)).toBe('0 passed, 1 failed');
    const check = kiosk(['tape', 'check', join(dir, name)]);
    expect(check.status).toBe(2);
    expect(check.stdout).toContain(message);
  });

  it('runTape reports it as a bad tape', async () => {
    const result = await runTape({ source: '# nothing\n', file: 'x.tape' });
    expect(result).toMatchObject({ status: 'failed', exitCode: 2, failure: { kind: 'tape', line: 1 } });
  });
});
