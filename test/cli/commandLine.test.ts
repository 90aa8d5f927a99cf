/** The `kiosk` command line as a newcomer meets it (issue 9, items 17–21; issue 10, items 4 and 7). */
import { spawnSync } from 'node:child_process';
import pty from 'node-pty';
import { describe, expect, it } from 'vitest';
import { DEMO_PHONE } from '../../src/domain/orders/demo.js';
import { useTempDirs } from '../store/helpers.js';
import { KIOSK_BIN, kiosk } from '../process/helpers.js';

const tempDir = useTempDirs();

/** Runs `kiosk ARGS` in a pseudo-terminal through `sh -c`, so a pipe or redirect can replace one stream. */
function inPty(shellLine: string): Promise<{ exitCode: number; output: string }> {
  const proc = pty.spawn('/bin/sh', ['-c', shellLine], {
    name: 'xterm-256color', cols: 100, rows: 30,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/nonexistent', TERM: 'xterm-256color', KIOSK: `${process.execPath} ${KIOSK_BIN}` },
  });
  let output = '';
  proc.onData((data) => (output += data));
  return new Promise((resolve) => proc.onExit(({ exitCode }) => resolve({ exitCode, output })));
}

describe('kiosk subcommands', () => {
  it.each(['constructor', 'toString', '__proto__'])('%s is an unknown command (exit 2), not an inherited property', (name) => {
    const result = kiosk([name]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`kiosk: unknown command "${name}" (commands: orders, phones, journal, receipts, tape, encashments, store, reconcile, skins, train)\nTry 'kiosk --help'.\n`);
  });

  it('kiosk --help names every command, the tapes and receipts list included', () => {
    const help = kiosk(['--help']).stdout;
    for (const command of ['kiosk orders', 'kiosk phones', 'kiosk journal', 'kiosk receipts list|show', 'kiosk tape run|check|record']) {
      expect(help).toContain(command);
    }
  });

  it("a tape error points to the tape command's help, and that help answers", () => {
    const missing = kiosk(['tape', 'run', '/missing.tape']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`kiosk tape run: no such file or folder: "/missing.tape"\nTry 'kiosk tape run --help'.\n`);
    const help = kiosk(['tape', 'run', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('kiosk tape run <files or folders> [options]');
    expect(kiosk(['tape', '--help'])).toMatchObject({ status: 0, stdout: expect.stringContaining('kiosk tape run') });
    expect(kiosk(['tape', 'play']).stderr).toContain("Try 'kiosk tape --help'.");
  });
});

describe('kiosk without a terminal names the stream that is not one', () => {
  it('standard output, when piped into cat', async () => {
    const { exitCode, output } = await inPty('$KIOSK --memory | cat; exit $((PIPESTATUS))');
    expect(output).toContain('kiosk: standard output is not a terminal.');
    expect(output).not.toContain('standard input');
    expect(exitCode).toBe(0); // cat's status; the kiosk's is below
    expect((await inPty('$KIOSK --memory | cat >/dev/null; echo')).output).toContain('standard output is not a terminal');
  });

  it('standard input, when read from a file', async () => {
    const { exitCode, output } = await inPty('$KIOSK --memory < /dev/null');
    expect(exitCode).toBe(2);
    expect(output).toContain('kiosk: standard input is not a terminal.');
  });
});

describe('a closed pipe', () => {
  it('ends `kiosk tape run | head -1` quietly: no EPIPE, no stack trace (every command shares the handler)', () => {
    const args = 'tape run test/tapes';
    // PIPESTATUS: the kiosk's own status, not head's; its stderr is the result's stderr
    const script = `${process.execPath} ${KIOSK_BIN} ${args} | head -1 >/dev/null; echo "status \${PIPESTATUS[0]}"`;
    const result = spawnSync('/bin/bash', ['-c', script], { encoding: 'utf8', timeout: 120_000 });
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toMatch(/EPIPE|Error|at /);
    expect(result.stdout).toMatch(/^status (0|141)\n$/);
  });
});

describe('durations and other values on the command line', () => {
  it.each(['0', '0s', '-3s', '0ms', '500ms', '25h', 'soon', '3 s'])('--menu-timeout %j is refused with the valid range, exit 2', (value) => {
    const result = kiosk(['--menu-timeout', value, '--memory']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`kiosk: --menu-timeout: expected a duration from 1s to 24h like 30s, 2m or 1500ms, got "${value}"\nTry 'kiosk --help'.\n`);
  });

  it.each(['8d', '7d1s', '-1d', 'soon'])('R-CODE-6: --processing-delay %j is refused, never more than 7 days (exit 2)', (value) => {
    const result = kiosk(['--processing-delay', value, '--memory']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`kiosk: --processing-delay: expected a duration from 0 to 7 days (R-CODE-6) like 2d, 36h or 7d, got "${value}"\nTry 'kiosk --help'.\n`);
  });

  it('R-CODE-6: --processing-delay is listed in --help with its default and limit', () => {
    expect(kiosk(['--help']).stdout.replace(/\n +/g, ' ')).toMatch(/--processing-delay 2d +how long cash paid at a terminal is "processing" \(default 2d, at most 7d\)/);
  });

  it.each(['1s', '30', '1h30m', '24h', '1.5m'])('--more-time-timeout %j is accepted', (value) => {
    expect(kiosk(['--more-time-timeout', value, '--help']).status).toBe(0);
  });

  it.each([
    [['--colour'], 'kiosk: unknown option "--colour"\n'],
    [['--colour"'], 'kiosk: unknown option "--colour\\""\n'],
    [['--lang'], 'kiosk: --lang needs a value\n'],
    [['--memory=yes'], 'kiosk: --memory takes no value\n'],
    [['stray', '--memory'], 'kiosk: unknown command "stray"'],
    [['orders', 'list', '--colour"'], 'kiosk orders: unknown option "--colour\\""\n'],
    [['tape', 'run', '--colour'], 'kiosk tape run: unknown option "--colour"\n'],
  ])('%j gets our words, not the parser\'s', (args, message) => {
    const result = kiosk(args);
    expect(result.status).toBe(2);
    expect(result.stderr.startsWith(message)).toBe(true);
    expect(result.stderr).not.toMatch(/ambiguous|To specify|Did you forget/);
  });

  it('KIOSK_LANG=xx is reported as the environment variable, --lang xx as the option', () => {
    expect(kiosk(['--memory'], { KIOSK_LANG: 'xx' }).stderr).toContain('kiosk: KIOSK_LANG: expected ru or en, got "xx"');
    expect(kiosk(['--memory', '--lang', 'xx'], { KIOSK_LANG: 'en' }).stderr).toContain('kiosk: --lang: expected ru or en, got "xx"');
  });

  it('--memory with --data-dir is refused alike by the kiosk and by every store command (exit 2)', () => {
    const dir = tempDir();
    for (const args of [[], ['orders', 'list'], ['journal'], ['receipts', 'list'], ['phones', 'show', DEMO_PHONE]]) {
      const result = kiosk([...args, '--memory', '--data-dir', dir]);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(': --memory and --data-dir cannot be used together\n');
    }
  });

  it('--issued 2026-02-30 is refused as tapes refuse it, not stored as 2 March', () => {
    const result = kiosk(['orders', 'new', '--memory', '--amount', '10', '--phone', DEMO_PHONE, '--issued', '2026-02-30']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--issued: expected a time like 2h (ago)');
  });

  it('--issued without an offset is Moscow time', () => {
    const result = kiosk(['orders', 'new', '--memory', '--json', '--amount', '10', '--phone', DEMO_PHONE, '--issued', '2026-02-28T10:00']);
    expect(JSON.parse(result.stdout).issuedAt).toBe('2026-02-28T07:00:00.000Z');
  });
});
