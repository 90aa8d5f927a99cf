/**
 * The reports in a real browser: the tape corpus with one tape broken on purpose (summary counts,
 * filters and search, the failing step open, the side-by-side diff, the replay's markers) and the
 * training report of two trainees (their charts), with element screenshots against baselines.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusTapeReport, corpusTrainingReport } from '../report/corpus.js';
import { matchBaseline, openBrowser, withinTolerance, type Browser } from './browser.js';

let browser: Browser;
let dir: string;
const errors: string[] = [];

async function open(file: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => errors.push(`${file}: ${e.message}`));
  page.on('console', (m) => void (m.type() === 'error' && errors.push(`${file}: ${m.text()}`)));
  await page.goto(`file://${join(dir, file)}`);
  return page;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-report-browser-'));
  writeFileSync(join(dir, 'tapes.html'), (await corpusTapeReport()).html);
  writeFileSync(join(dir, 'training.html'), (await corpusTrainingReport()).html);
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('tape report in chromium', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open('tapes.html');
  });

  it('shows the summary counts', async () => {
    await expect.poll(() => page.locator('#count-passed').textContent()).toBe('2 passed');
    expect(await page.locator('#count-failed').textContent()).toBe('1 failed');
    expect(await page.locator('details.tape:visible').count()).toBe(3);
  });

  it('filters by status and searches tapes and steps', async () => {
    await page.getByRole('button', { name: 'Failed', exact: true }).click();
    expect(await page.locator('details.tape:visible').count()).toBe(1);
    expect(await page.locator('#shown').textContent()).toBe('1');
    await page.getByRole('button', { name: 'Passed', exact: true }).click();
    expect(await page.locator('details.tape:visible').count()).toBe(2);
    await page.getByRole('button', { name: 'All', exact: true }).click();
    await page.locator('#search').fill('Press "Pay"');
    expect(await page.locator('details.tape:visible').count()).toBe(1);
    await page.locator('#search').fill('');
    expect(await page.locator('details.tape:visible').count()).toBe(3);
  });

  it('opens the failing tape at its failing step, with the frame drawn', async () => {
    const failed = page.locator('details.tape[data-status="failed"]');
    expect(await failed.getAttribute('open')).not.toBeNull();
    expect(await page.locator('details.tape[data-status="passed"][open]').count()).toBe(0);
    const step = failed.locator('tr.step.failed');
    expect(await step.locator('code').first().textContent()).toBe('Snapshot order');
    await expect.poll(() => step.locator('.frame svg').isVisible()).toBe(true);
  });

  it('shows the failed Snapshot expected beside actual, with the changed cell marked', async () => {
    const diff = page.locator('.snapshot-diff');
    const expected = await diff.locator('figure.expected svg').boundingBox();
    const actual = await diff.locator('figure.actual svg').boundingBox();
    expect(expected && actual && Math.abs(expected.y - actual.y) < 2 && actual.x > expected.x + expected.width).toBe(true);
    expect(await diff.locator('svg.overlay rect').count()).toBe(1);
    expect(await diff.locator('ol.changed-cells li').textContent()).toBe('row 7, column 18: "0" → "5"');
    expect(withinTolerance(await matchBaseline(diff.locator('.pair'), 'snapshot-side-by-side'))).toBe(true);
    expect(withinTolerance(await matchBaseline(diff.locator('figure.difference'), 'snapshot-difference'))).toBe(true);
  });

  it('replays the tape with a marker per step and seeks to a step', async () => {
    const failed = page.locator('details.tape[data-status="failed"]');
    const markers = failed.locator('.replay .ap-marker-container');
    await expect.poll(() => markers.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(6);
    await failed.locator('tr.step.failed button.seek').click();
    // the player shows the screen of that step: the order's data
    await expect.poll(() => failed.locator('.replay').innerText(), { timeout: 15_000 }).toContain('Check your data');
  });

  it('ran without script errors', () => {
    expect(errors).toEqual([]);
  });
});

describe('training report in chromium', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open('training.html');
  });

  it('draws both trainees\' score charts and the charts for everyone', async () => {
    expect(await page.locator('section.trainee').count()).toBe(2);
    expect(await page.locator('.score-chart svg circle.attempt').count()).toBe(5);
    for (const chart of ['#chart-rules', '#chart-mistakes']) expect(await page.locator(`${chart} svg`).isVisible()).toBe(true);
    expect(withinTolerance(await matchBaseline(page.locator('#charts-all'), 'training-charts'))).toBe(true);
    expect(withinTolerance(await matchBaseline(page.locator('section.trainee').first().locator('.score-chart'), 'training-score-anna'))).toBe(true);
  });

  it('opens the failed attempts at their mistakes, each with its frame', async () => {
    const open = page.locator('details.attempt[open]');
    expect(await open.count()).toBe(await page.locator('details.attempt[data-status="failed"]').count());
    await expect.poll(() => open.first().locator('.mistake .frame svg').first().isVisible()).toBe(true);
  });

  it('ran without script errors', () => {
    expect(errors).toEqual([]);
  });
});
