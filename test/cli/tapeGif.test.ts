/** GIF clips and SVG snapshots from the built bundle, as a user runs them; bad input is exit 2 with nothing written. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeGif } from '../pictures/gifDecode.js';
import { kiosk } from '../process/helpers.js';

const TAPE = 'Set Lang en\nLaunch\nEnter\nRight\nSnapshot menu\n';

function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'tape-gif-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('kiosk tape run --gif', () => {
  it('writes a GIF of the tape on the cast timeline and says where', () => {
    const dir = tempDir({ 'menu.tape': TAPE });
    const gif = join(dir, 'menu.gif');
    const run = kiosk(['tape', 'run', join(dir, 'menu.tape'), '--update', '--gif', gif, '--colors', '32', '--cast-typing', '200ms']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`wrote ${gif} \\(\\d+ KB\\)`));
    const decoded = decodeGif(readFileSync(gif));
    expect([decoded.width, decoded.height]).toEqual([720, 432]);
    expect(decoded.frames.length).toBeGreaterThanOrEqual(2);
    expect(decoded.frames.map((f) => f.delayMs)).toContain(200);
    expect(readdirSync(dir).sort()).toEqual(['menu.gif', 'menu.snapshots', 'menu.tape']);
  });

  it('refuses several tapes, a missing output folder, and --colors without --gif (exit 2, nothing written)', () => {
    const dir = tempDir({ 'a.tape': TAPE, 'b.tape': TAPE });
    const two = kiosk(['tape', 'run', join(dir, 'a.tape'), join(dir, 'b.tape'), '--gif', join(dir, 'x.gif')]);
    expect(two.status).toBe(2);
    expect(two.stderr).toContain('--gif makes a clip of one tape; 2 were given');
    const missing = join(dir, 'no-such', 'x.gif');
    const folder = kiosk(['tape', 'run', join(dir, 'a.tape'), '--gif', missing]);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toContain(`--gif ${missing}: the folder ${join(dir, 'no-such')} does not exist`);
    expect(folder.stdout).toBe('');
    expect(kiosk(['tape', 'run', join(dir, 'a.tape'), '--colors', '8']).stderr).toContain('--colors and --width need --gif FILE');
    expect(readdirSync(dir).sort()).toEqual(['a.tape', 'b.tape']);
  });
});

describe('kiosk tape gif CAST GIF', () => {
  it('draws a cast written by tape run --cast', () => {
    const dir = tempDir({ 'menu.tape': TAPE });
    expect(kiosk(['tape', 'run', join(dir, 'menu.tape'), '--update', '--cast', dir]).status).toBe(0);
    const run = kiosk(['tape', 'gif', join(dir, 'menu.cast'), join(dir, 'menu.gif'), '--width', '360']);
    expect(run.status).toBe(0);
    expect(decodeGif(readFileSync(join(dir, 'menu.gif'))).width).toBe(360);
  });

  it.each([
    ['not-a-cast.cast', '{"version":1,"width":80,"height":24}\n', 'not-a-cast.cast:1: not an asciicast v2 recording: version is 1, expected 2'],
    ['bad-line.cast', '{"version":2,"width":80,"height":24}\n[0,"o"]\n', 'bad-line.cast:2: not an asciicast v2 recording'],
    ['huge.cast', '{"version":2,"width":900,"height":24}\n[0,"o","x"]\n', 'huge.gif: a frame of 900×24 cells is larger than the SVG limit of 500×200'],
  ])('%s: a clear error naming the file, exit 2, no GIF and no temporary file', (name, text, message) => {
    const dir = tempDir({ [name]: text });
    const run = kiosk(['tape', 'gif', join(dir, name), join(dir, name.replace('.cast', '.gif'))]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(readdirSync(dir)).toEqual([name]);
  });

  it('a missing cast or output folder is exit 2 naming it', () => {
    const dir = tempDir({ 'a.cast': '{"version":2,"width":10,"height":2}\n[0,"o","hi"]\n' });
    expect(kiosk(['tape', 'gif', join(dir, 'none.cast'), join(dir, 'a.gif')]).stderr).toContain(`no such file: "${join(dir, 'none.cast')}"`);
    const run = kiosk(['tape', 'gif', join(dir, 'a.cast'), join(dir, 'out', 'a.gif')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${join(dir, 'out', 'a.gif')}: the folder ${join(dir, 'out')} does not exist`);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('kiosk tape run --svg', () => {
  it('keeps name.svg beside name.txt and fails when only the colours change', () => {
    const dir = tempDir({ 'menu.tape': TAPE });
    expect(kiosk(['tape', 'run', join(dir, 'menu.tape'), '--svg', '--update']).status).toBe(0);
    expect(readdirSync(join(dir, 'menu.snapshots')).sort()).toEqual(['menu.svg', 'menu.txt']);
    expect(kiosk(['tape', 'run', join(dir, 'menu.tape'), '--svg']).status).toBe(0);
    const svgPath = join(dir, 'menu.snapshots', 'menu.svg');
    writeFileSync(svgPath, readFileSync(svgPath, 'utf8').replace('fill="#06989a"', 'fill="#cc0000"'));
    const changed = kiosk(['tape', 'run', join(dir, 'menu.tape'), '--svg']);
    expect(changed.status).toBe(1);
    expect(changed.stdout).toContain('colours or attributes differ from the golden SVG frame');
  });
});
