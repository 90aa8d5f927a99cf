/** `Snapshot name` with `--svg`: the kiosk's real frame kept as name.svg beside name.txt, and compared. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { decodeGif } from './gifDecode.js';
import { describe, expect, it } from 'vitest';
import { runTape } from '../../src/tape/run/runTape.js';
import { formatFailure } from '../../src/tape/index.js';

describe('Snapshot with svg', () => {
  it('writes name.svg beside name.txt with update, passes on the same frame, and fails when only colours differ', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tape-svg-'));
    const file = join(dir, 'menu.tape');
    writeFileSync(file, 'Set Lang en\nLaunch\nEnter\nSnapshot menu\n');
    const updated = await runTape(file, { update: true, svg: true });
    const svgPath = join(dir, 'menu.snapshots', 'menu.svg');
    expect(updated.snapshotsWritten).toEqual([join(dir, 'menu.snapshots', 'menu.txt'), svgPath]);
    const svg = readFileSync(svgPath, 'utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('Other services');
    // the selected button is drawn inverse: a rect of the foreground colour behind it
    expect(svg).toMatch(/<rect x="\d+" y="\d+" width="\d+" height="18" fill="#/);

    expect((await runTape(file, { svg: true })).status).toBe('passed');
    // without --svg the .svg is not read at all
    writeFileSync(svgPath, svg.replace('<svg ', '<svg data-x="1" '));
    expect((await runTape(file)).status).toBe('passed');
    const changed = await runTape(file, { svg: true });
    expect(changed.failure?.message).toContain('colours or attributes differ from the golden SVG frame');
    expect(changed.failure?.message).toContain(svgPath);
  });

  it('a colour-only change lists its cells: row:col, the glyphs, expected → actual colours and attributes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tape-svg-cells-'));
    const file = join(dir, 'menu.tape');
    writeFileSync(file, 'Set Lang en\nLaunch\nEnter\nSnapshot menu\n');
    await runTape(file, { update: true, svg: true });
    const svgPath = join(dir, 'menu.snapshots', 'menu.svg');
    const svg = readFileSync(svgPath, 'utf8');
    // one cell of the golden painted red: the E of the terminal's title (row 3), over whatever was there
    const row = readFileSync(join(dir, 'menu.snapshots', 'menu.txt'), 'utf8').split('\n')[2]!;
    const col = [...row].indexOf('E');
    writeFileSync(svgPath, svg.replace('<g ', `<rect x="${col * 9}" y="36" width="9" height="18" fill="#ff0000"/><g `));
    const changed = await runTape(file, { svg: true });
    expect(changed.failure?.details).toEqual([
      'cells: 1 differ in colour or attributes (row:col "glyphs" expected → actual):',
      expect.stringMatching(new RegExp(`^  3:${col + 1} "E" (fg #[0-9a-f]{6} )?bg #ff0000( bold)? → (fg #[0-9a-f]{6} )?(bg #[0-9a-f]{6}|default)( bold)?$`)),
    ]);
    const text = formatFailure(changed.failure!).split('\n');
    // the bound: a one-cell change reads in at most 15 lines before the framed screen
    const screenAt = text.findIndex((l) => l.trim() === 'screen:');
    expect(screenAt).toBeGreaterThan(0);
    expect(screenAt).toBeLessThanOrEqual(15);
  });

  it("the README's clip: its tape still passes, and the GIF it made opens the README, small and decodable", async () => {
    expect((await runTape('docs/euroset-clip.tape')).status).toBe('passed');
    const gif = readFileSync('docs/euroset.gif');
    expect(gif.length).toBeLessThan(300 * 1024);
    expect(decodeGif(gif).frames.length).toBeGreaterThan(10);
    expect(readFileSync('README.md', 'utf8').split('\n').slice(0, 4).join('\n')).toContain('](docs/euroset.gif)');
  });
});
