/**
 * The node flags the kiosk runs with under --pty (PTY_NODE_FLAGS, a choice in the README): `--no-opt`
 * unless KIOSK_PTY_NODE_FLAGS says otherwise, passed to node before dist/kiosk.js, and a value that is
 * no flag refused with its words named (the tape fails as a bad tape, exit 2).
 */
import { describe, expect, it } from 'vitest';
import { PtyDriver, ptyNodeFlags, PTY_NODE_FLAGS } from '../../src/tape/drivers/ptyDriver.js';
import { StepFailure } from '../../src/tape/run/failure.js';
import { parseTape } from '../../src/tape/language/parse.js';
import { settingsOf } from '../../src/tape/run/runSetup.js';

describe('the node flags of the kiosk under --pty', () => {
  it('are --no-opt by default, KIOSK_PTY_NODE_FLAGS when set (empty: none)', () => {
    expect(PTY_NODE_FLAGS).toBe('--no-opt');
    expect(ptyNodeFlags({})).toEqual(['--no-opt']);
    expect(ptyNodeFlags({ KIOSK_PTY_NODE_FLAGS: '' })).toEqual([]);
    expect(ptyNodeFlags({ KIOSK_PTY_NODE_FLAGS: ' --max-semi-space-size=32   --no-opt ' })).toEqual(['--max-semi-space-size=32', '--no-opt']);
  });

  it('refuses a value that is no flag, naming it (a bad tape run, exit 2)', () => {
    const refused = () => ptyNodeFlags({ KIOSK_PTY_NODE_FLAGS: '--no-opt rm' });
    expect(refused).toThrow(StepFailure);
    expect(refused).toThrow('KIOSK_PTY_NODE_FLAGS: "rm" is not a node flag');
    try {
      refused();
    } catch (error) {
      expect((error as StepFailure).kind).toBe('tape');
    }
  });

  it('go to node before the kiosk binary, its own options after it', async () => {
    const settings = settingsOf(parseTape('Set Lang en\nLaunch\n', 'flags.tape'), process.cwd());
    let argv: string[] = [];
    const spawn = ((_file: string, args: string[]) => {
      argv = args;
      throw new Error('spawned');
    }) as unknown as typeof import('node-pty').spawn;
    const driver = new PtyDriver({ settings, dataDir: '/nonexistent', onReceipt: () => undefined }, '/built/kiosk.js', spawn);
    await expect(driver.launch()).rejects.toThrow('spawned');
    const node = argv.indexOf(process.execPath);
    expect(argv.slice(node, node + 3)).toEqual([process.execPath, '--no-opt', '/built/kiosk.js']);
    expect(argv.slice(node + 3)).toContain('--data-dir');
  });
});
