/**
 * The HTML reports' structure, browser-free (the browser suite, test/browser, looks at them rendered):
 * every SVG well-formed, every step of every tape present, the failure's frames and changed cells,
 * frames deduplicated, nothing fetched from outside, and a report path in a missing folder refused.
 */
import { readFileSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parseTape } from '../../src/tape/language/parse.js';
import { changedCells, diffOverlay } from '../../src/report/cellDiff.js';
import { moneyOnScreen, tapeReportHtml } from '../../src/report/tapeReport.js';
import { runTape } from '../../src/tape/run/runTape.js';
import { runTape as tapeCommand } from '../../src/cli/tapeCommand.js';
import { corpusTapeReport, corpusTrainingReport, TAPES, trainingAttempts } from './corpus.js';
import { storeWith, train } from '../cli/trainHelpers.js';

const svgsOf = (html: string): string[] => html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
/** `<details class="tape" …>` … `</details>` of the tape at `index` in the report. */
const tapeSection = (html: string, index: number): string => {
  const start = html.indexOf(`id="tape-${index}"`);
  const end = html.indexOf(`id="tape-${index + 1}"`);
  return html.slice(start, end < 0 ? html.indexOf('<section class="env">') : end);
};

describe('tape report', () => {
  let html = '';
  beforeAll(async () => {
    html = (await corpusTapeReport()).html;
  }, 60_000);

  it('counts the passed and the failed tapes', () => {
    expect(html).toContain('<span class="count passed" id="count-passed">2 passed</span>');
    expect(html).toContain('<span class="count failed" id="count-failed">1 failed</span>');
  });

  it('has every SVG well-formed, each frame once, and every step pointing at a frame it has', () => {
    const svgs = svgsOf(html);
    expect(svgs.length).toBeGreaterThan(5);
    for (const svg of svgs) expect(XMLValidator.validate(svg)).toBe(true);
    const templates = [...html.matchAll(/<template id="(f\d+)">([\s\S]*?)<\/template>/g)];
    expect(new Set(templates.map((t) => t[2])).size).toBe(templates.length);
    const ids = new Set(templates.map((t) => t[1]));
    const used = [...html.matchAll(/data-frame="(f\d+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(templates.length); // steps that show the same screen share one
    for (const id of used) expect(ids.has(id)).toBe(true);
  });

  it('lists every step of a passing tape and a failing tape up to the failure, failures open', () => {
    TAPES.forEach((file, index) => {
      const section = tapeSection(html, index);
      const steps = parseTape(readFileSync(file, 'utf8'), file).steps;
      const failed = file.includes('broken');
      expect(section).toContain(`data-status="${failed ? 'failed' : 'passed'}"`);
      const shown = [...section.matchAll(/<tr class="step (passed|failed)" data-line="(\d+)"/g)].map((m) => [m[1], Number(m[2])]);
      const expected = failed ? steps.slice(0, steps.findIndex((s) => s.kind === 'snapshot') + 1) : steps;
      expect(shown.map(([, line]) => line)).toEqual(expected.map((s) => s.line));
      expect(shown.at(-1)![0]).toBe(failed ? 'failed' : 'passed');
      expect(section.includes('open>')).toBe(failed);
    });
  });

  it('shows the failed Snapshot expected beside actual, with the changed cell listed and marked', () => {
    const section = tapeSection(html, TAPES.findIndex((f) => f.includes('broken')));
    expect(section).toMatch(/<figure class="expected">[\s\S]*data-frame="f\d+"[\s\S]*<figure class="actual">[\s\S]*data-frame="f\d+"/);
    expect(section).toContain('row 7, column 18: <code class="expected">&quot;0&quot;</code> → <code class="actual">&quot;5&quot;</code>');
    expect(section).toContain('<rect x="153" y="108" width="9" height="18"/>');
  });

  it('gives each step its state path and money on the screen, and the replay a marker per step', () => {
    const section = tapeSection(html, TAPES.findIndex((f) => f.includes('pay-en')));
    expect(section).toContain('<code>cash.holding</code>');
    expect(section).toContain('5,000.00 ₽');
    const cast = section.match(/<script type="application\/json" id="cast-\d+">([\s\S]*?)<\/script>/)![1]!;
    const events = (JSON.parse(cast) as string).trim().split('\n').slice(1).map((l) => JSON.parse(l) as [number, string, string]);
    expect(events.filter((e) => e[1] === 'm').map((e) => e[2])).toContain('19: Press "Pay"');
    expect(section.match(/button class="seek"/g)?.length).toBe(14);
  });

  it('is self-contained: the player inline, nothing loaded from the network', () => {
    expect(html).toContain('var AsciinemaPlayer=');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|url\(["']?https?:/);
    expect(html).toContain('<code id="update-command">kiosk tape run');
    expect(html).toMatch(/<code id="update-command">[^<]* --update<\/code>/);
  });
});

describe('a failed assertion in the report', () => {
  it('shows the line, what was expected and what was found', async () => {
    const source = 'Set Lang en\nLaunch\nEnter\nExpectNot "Other services"\n';
    const result = await runTape({ source, file: 'not-there.tape' }, { record: true, colors: true });
    const html = await tapeReportHtml([result], { command: 'kiosk tape run not-there.tape', version: '0.1.0', ms: 1 });
    expect(html).toContain('<div class="failure" data-kind="assertion">');
    expect(html).toContain('<dt>Line</dt><dd><code>ExpectNot &quot;Other services&quot;</code></dd>');
    expect(html).toMatch(/<dd class="expected">expected no line to show &quot;Other services&quot;, but line \d+ does<\/dd>/);
    expect(html).toMatch(/<dd class="actual"><pre>line \d+: .*Other services/);
    expect(html).toContain('<tr class="step failed" data-line="4">');
  });
});

describe('report pieces', () => {
  it('finds the changed cells as runs along a row', () => {
    expect(changedCells(['abcdef', 'same'], ['abXYef', 'same', 'new'])).toEqual([
      { row: 1, column: 3, expected: 'cd', actual: 'XY' },
      { row: 3, column: 1, expected: '   ', actual: 'new' },
    ]);
    expect(XMLValidator.validate(diffOverlay(changedCells(['a'], ['b']), 80, 24))).toBe(true);
  });

  it('reads amounts off the screen in both languages, no-break spaces plain', () => {
    expect(moneyOnScreen(['│ Внесено: 5\u00a0000,00\u00a0₽ │', 'Amount due: 4,750.00 ₽', 'no money 12'])).toEqual(['5 000,00 ₽', '4,750.00 ₽']);
  });

  it('refuses a report in a missing folder with a clear error and exit 2, before running anything', async () => {
    let err = '';
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await tapeCommand(['run', TAPES[0]!, '--report', '/no/such/folder/out.html'])).toBe(2);
      expect(stdout).not.toHaveBeenCalled(); // refused before any tape ran
    } finally {
      stderr.mockRestore();
      stdout.mockRestore();
    }
    expect(err).toContain('kiosk tape run: --report: /no/such/folder/out.html: the folder /no/such/folder does not exist');
  });
});

describe('training report', () => {
  let html = '';
  beforeAll(async () => {
    html = (await corpusTrainingReport()).html;
  }, 60_000);

  it('has both trainees with a score chart each, and the charts for everyone', () => {
    expect(html.match(/<section class="trainee"/g)?.length).toBe(2);
    expect(html).toContain('<h2>Anna ');
    expect(html).toContain('<h2>Boris ');
    expect(html.match(/class="chart score-chart"/g)?.length).toBe(2);
    expect(html).toContain('id="chart-rules"');
    expect(html).toMatch(/id="chart-mistakes"><h3>Most frequent mistakes<\/h3><svg[\s\S]*?R-TERM-6/);
    for (const svg of svgsOf(html)) expect(XMLValidator.validate(svg)).toBe(true);
  });

  it('debriefs every attempt, a missed checkpoint with its frame and a replay from there', () => {
    expect(html.match(/<details class="attempt"/g)?.length).toBe(5);
    const mistakes = html.match(/<div class="mistake failure">[\s\S]*?<\/div>\n?(?:<div class="frame"[^>]*><\/div>)?<\/div>/g) ?? [];
    expect(mistakes.length).toBeGreaterThanOrEqual(2);
    expect(html).toMatch(/<div class="mistake failure"><strong>R-TERM-6<\/strong>[\s\S]*?data-frame="f\d+"/);
    expect(html.match(/id="attempt-cast-\d+"/g)?.length).toBe(5);
  });

  it('kiosk train report --format html writes the page from the store, --trainee choosing one', async () => {
    const dir = storeWith(await trainingAttempts());
    const all = await train('report', '--data-dir', dir, '--format', 'html');
    expect(all.code).toBe(0);
    expect(all.out).toMatch(/^<!DOCTYPE html>/);
    expect(all.out.match(/<section class="trainee"/g)?.length).toBe(2);
    const boris = await train('report', '--data-dir', dir, '--format', 'html', '--trainee', 'Boris');
    expect(boris.out.match(/<section class="trainee"/g)?.length).toBe(1);
    expect(boris.out.match(/<details class="attempt"/g)?.length).toBe(2);
  }, 60_000);
});
