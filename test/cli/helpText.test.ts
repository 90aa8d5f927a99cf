/** Every command's --help reads whole at 80 columns, the smallest terminal the kiosk runs in. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP_WIDTH, wrapHelp } from '../../src/cli/helpText.js';

const KIOSK = join(import.meta.dirname, '..', '..', 'dist', 'kiosk.js');
const COMMANDS = [[], ['orders'], ['phones'], ['journal'], ['receipts'], ['tape'], ['tape', 'run'], ['tape', 'check'], ['tape', 'record'], ['skins'], ['encashments'], ['train'], ['train', 'report'], ['train', 'replay'], ['reconcile']];

describe('wrapHelp', () => {
  it('wraps a two-column line under its description, between words', () => {
    const line = `  --menu-timeout 30s   ${'word '.repeat(20).trim()}`;
    const lines = wrapHelp(line, 40).split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(40);
    for (const l of lines.slice(1)) expect(l.startsWith(' '.repeat('  --menu-timeout 30s   '.length) + 'word')).toBe(true);
    expect(lines.join(' ').replace(/\s+/g, ' ').trim()).toBe(line.replace(/\s+/g, ' ').trim());
  });

  it('flows the words wrapped past the edge into the next line of the same description, not onto a short line of their own', () => {
    const option = `  --update   ${'word '.repeat(8).trim()}`;
    const continued = `${' '.repeat('  --update   '.length)}and the rest of it`;
    const asOneLine = wrapHelp(`${option} and the rest of it`, 40);
    expect(wrapHelp(`${option}\n${continued}`, 40)).toBe(asOneLine);
    expect(wrapHelp(`${option}\n${continued}\n  --next   its own line`, 40)).toBe(`${asOneLine}\n  --next   its own line`);
  });

  it('keeps short lines as they are and wraps prose at its own indentation', () => {
    expect(wrapHelp('short\n  also short', 40)).toBe('short\n  also short');
    const prose = wrapHelp(`  ${'abc '.repeat(15).trim()}`, 20).split('\n');
    expect(prose.every((l) => l.startsWith('  abc') && l.length <= 20)).toBe(true);
  });
});

describe('--help', () => {
  it.each(COMMANDS.map((c) => [c.join(' ') || '(the kiosk)', c]))('kiosk %s --help: exit 0, no line wider than 80 columns', (_name, command) => {
    const run = spawnSync(process.execPath, [KIOSK, ...(command as string[]), '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const wide = run.stdout.split('\n').filter((l) => [...l].length > HELP_WIDTH);
    expect(wide).toEqual([]);
  });
});
