/**
 * The system chromium (apt-get install chromium fonts-dejavu-core) driven by playwright-core, with a
 * fresh profile each run; and element screenshots compared with committed baselines.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator } from 'playwright-core';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

export const CHROMIUM = process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function openBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: apt-get install -y --no-install-recommends chromium fonts-dejavu-core (or set KIOSK_CHROMIUM)`);
  const profile = mkdtempSync(join(tmpdir(), 'kiosk-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, colorScheme: 'light',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const BASELINES = join(import.meta.dirname, 'baselines');
/** Anti-aliasing differs a little between chromium builds: per pixel a small threshold, and at most this share of pixels may differ. */
const MAX_DIFFERENT = 0.01;

/**
 * Compares the element's screenshot with `baselines/NAME.png`. A missing baseline is written (and
 * fails under CI, where it should have been committed); UPDATE_BASELINES=1 rewrites them all.
 */
export async function matchBaseline(element: Locator, name: string): Promise<{ different: number; total: number }> {
  const shot = PNG.sync.read(await element.screenshot({ animations: 'disabled', caret: 'hide' }));
  const path = join(BASELINES, `${name}.png`);
  if (!existsSync(path) || process.env.UPDATE_BASELINES === '1') {
    if (process.env.CI && process.env.UPDATE_BASELINES !== '1') throw new Error(`no baseline ${path}: run npm run test:browser locally and commit it`);
    mkdirSync(BASELINES, { recursive: true });
    writeFileSync(path, PNG.sync.write(shot));
    return { different: 0, total: shot.width * shot.height };
  }
  const base = PNG.sync.read(readFileSync(path));
  if (base.width !== shot.width || base.height !== shot.height) {
    writeFileSync(join(tmpdir(), `${name}.actual.png`), PNG.sync.write(shot));
    throw new Error(`${name}: the screenshot is ${shot.width}×${shot.height}, the baseline ${base.width}×${base.height} (actual in ${tmpdir()})`);
  }
  const diff = new PNG({ width: base.width, height: base.height });
  const different = pixelmatch(base.data, shot.data, diff.data, base.width, base.height, { threshold: 0.15 });
  if (different > MAX_DIFFERENT * base.width * base.height) {
    writeFileSync(join(tmpdir(), `${name}.actual.png`), PNG.sync.write(shot));
    writeFileSync(join(tmpdir(), `${name}.diff.png`), PNG.sync.write(diff));
  }
  return { different, total: base.width * base.height };
}

export const withinTolerance = (m: { different: number; total: number }): boolean => m.different <= MAX_DIFFERENT * m.total;
