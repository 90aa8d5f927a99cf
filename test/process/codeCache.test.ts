/**
 * The kiosk's V8 code cache (issue 16; scripts/codeCacheLoader.js, scripts/codeCache.mjs): used when
 * it is valid, and a cache that is corrupt, from another build or from another folder only costs a
 * plain compile: the same first frame. Each test runs its own copy of dist/ with a cache written for
 * that copy (a cache serves only at the path it was made for).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { PtyKiosk } from './ptyKiosk.js';

type WriteCodeCache = (outdir: string, name: string, args: string[], marker: string, nodeFlags?: string[]) => Promise<string>;
// a build script (plain JavaScript), loaded as the other build tests load theirs
const { writeCodeCache } = (await import(pathToFileURL(resolve('scripts/codeCache.mjs')).href)) as { writeCodeCache: WriteCodeCache };

const MARKER = 'Press any key to start';
// a fixed clock and terminal id, so two starts draw the same frame character for character
const ENV = { KIOSK_TEST_CLOCK: '2026-11-22T10:00:00+03:00' };
const ARGS = ['--memory', '--lang', 'en', '--terminal-id', 'T-CACHE'];

// inside node_modules, so the copy still finds the native packages
const ROOT = resolve('node_modules/.cache/kiosk-tests');
const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

async function distCopy(): Promise<string> {
  mkdirSync(ROOT, { recursive: true });
  const dir = mkdtempSync(join(ROOT, 'code-cache-'));
  copies.push(dir);
  cpSync(resolve('dist'), dir, { recursive: true });
  rmSync(join(dir, 'kiosk.cache'));
  rmSync(join(dir, 'kiosk.no-opt.cache'));
  await writeCodeCache(dir, 'kiosk', ['--memory', '--lang', 'en'], MARKER);
  return dir;
}

interface Report {
  cache: string;
  offered: boolean;
  rejected: boolean | null;
}

/** the first frame of dist/kiosk.js in `dir`, and what its loader did with the cache */
async function firstFrame(dir: string, env: Record<string, string> = {}): Promise<{ screen: string; report: Report }> {
  const reportPath = join(dir, `report-${copies.length}-${Math.random().toString(36).slice(2)}.json`);
  const kiosk = new PtyKiosk(ARGS, { ...ENV, ...env, KIOSK_CODE_CACHE_REPORT: reportPath }, join(dir, 'kiosk.js'));
  try {
    // the whole frame (it may arrive in several writes): the marker, and the bottom of both panes
    const whole = (text: string) => text.includes(MARKER) && text.split('\n').some((row) => row.startsWith('╰') && row.trimEnd().endsWith('┘'));
    const screen = await kiosk.waitForScreen(whole, 'the whole first frame');
    // one JSON line a script the loader ran: the start script's first
    return { screen, report: JSON.parse(readFileSync(reportPath, 'utf8').split('\n')[0] ?? '') as Report };
  } finally {
    kiosk.kill();
    await kiosk.exited;
    kiosk.dispose();
  }
}

describe('the code cache of the kiosk', () => {
  it('is used when it was made for this build, here: offered and accepted', async () => {
    const dir = await distCopy();
    const { report } = await firstFrame(dir);
    expect(report).toEqual({ cache: join(dir, 'kiosk.cache'), offered: true, rejected: false });
  });

  it('a corrupt, a cut or a moved cache, or none, starts on a plain compile with the same first frame', { timeout: 90_000 }, async () => {
    const dir = await distCopy();
    const cache = join(dir, 'kiosk.cache');
    const valid = readFileSync(cache);
    const cached = await firstFrame(dir);
    expect(cached.report.rejected).toBe(false);

    // the right path, then bytes that are not V8's
    writeFileSync(cache, Buffer.concat([Buffer.from(`${join(dir, 'kiosk.bundle.cjs')}\0`), Buffer.from('not a code cache'.repeat(64))]));
    const corrupt = await firstFrame(dir);
    expect(corrupt.report).toMatchObject({ offered: true, rejected: true });
    expect(corrupt.screen).toBe(cached.screen);

    // a cache cut short (an interrupted copy)
    const end = valid.indexOf(0);
    const truncated = Buffer.concat([valid.subarray(0, end + 1), valid.subarray(end + 1, end + 1 + 4096)]);
    writeFileSync(cache, truncated);
    const cut = await firstFrame(dir);
    expect(cut.report).toMatchObject({ offered: true, rejected: true });
    expect(cut.screen).toBe(cached.screen);

    // made for another folder (V8 would name that folder in stacks): not offered at all
    writeFileSync(cache, Buffer.concat([Buffer.from('/elsewhere/kiosk.bundle.cjs\0'), valid.subarray(end + 1)]));
    const moved = await firstFrame(dir);
    expect(moved.report).toMatchObject({ offered: false, rejected: null });
    expect(moved.screen).toBe(cached.screen);

    rmSync(cache);
    const missing = await firstFrame(dir);
    expect(missing.report).toMatchObject({ offered: false, rejected: null });
    expect(missing.screen).toBe(cached.screen);
    expect(existsSync(cache)).toBe(false);
  });

  it('KIOSK_NO_CODE_CACHE=1 leaves a valid cache unread', async () => {
    const dir = await distCopy();
    const { report } = await firstFrame(dir, { KIOSK_NO_CODE_CACHE: '1' });
    expect(report).toMatchObject({ offered: false, rejected: null });
  });
});

describe('the second script (dist/kiosk.commands.cjs: the subcommands, src/cli/commands.ts)', () => {
  it('runs a subcommand through its own code cache, made by the build for this dist/', () => {
    const dir = resolve('dist');
    const reportPath = join(mkdtempSync(join(ROOT, 'commands-report-')), 'report.jsonl');
    copies.push(dirname(reportPath));
    const out = execFileSync(process.execPath, [join(dir, 'kiosk.js'), 'tape', '--help'], { env: { ...process.env, KIOSK_CODE_CACHE_REPORT: reportPath }, encoding: 'utf8' });
    expect(out).toContain('kiosk tape run');
    const reports = readFileSync(reportPath, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Report);
    expect(reports).toEqual([
      { cache: join(dir, 'kiosk.cache'), offered: true, rejected: false },
      { cache: join(dir, 'kiosk.commands.cache'), offered: true, rejected: false },
    ]);
  });

  it('the kiosk starts without reading it', async () => {
    const dir = await distCopy();
    rmSync(join(dir, 'kiosk.commands.cjs'));
    const { screen } = await firstFrame(dir);
    expect(screen).toContain(MARKER);
  });

  it('missing, a subcommand says so in one line and exits 1, no stack', () => {
    mkdirSync(ROOT, { recursive: true });
    const dir = mkdtempSync(join(ROOT, 'no-commands-'));
    copies.push(dir);
    cpSync(resolve('dist'), dir, { recursive: true });
    rmSync(join(dir, 'kiosk.commands.cjs'));
    const run = spawnSync(process.execPath, [join(dir, 'kiosk.js'), 'orders'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^kiosk: cannot load the kiosk's commands \(ENOENT[^\n]*kiosk\.commands\.cjs[^\n]*\); build it again with `npm run build`\n$/);
    expect(run.stdout).toBe('');
  });
});
