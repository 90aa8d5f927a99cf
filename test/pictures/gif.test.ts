/** GIF clips: the frames a viewer sees, on the cast's timeline, decoded back and compared with the SVG's own pixels. */
import { Resvg } from '@resvg/resvg-js';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutputPath, OutputPathError, writeFileAtomic } from '../../src/adapters/atomicFile.js';
import { CastFormatError, parseAsciicast } from '../../src/pictures/castFile.js';
import { castFrames, castToGif, MIN_FRAME_MS, shotDurations } from '../../src/pictures/gif.js';
import type { CastEvent } from '../../src/tape/drivers/virtualTerminal.js';
import { decodeGif } from './gifDecode.js';

const CLEAR = '\x1b[H\x1b[2J';
const out = (at: number, text: string): CastEvent => ({ at, kind: 'o', data: CLEAR + text });

describe('castFrames: the distinct frames of a cast', () => {
  it('keeps a frame per change, merges one gone in under 20 ms into the next, drops repeats and a blank last frame', async () => {
    const shots = await castFrames(10, 2, [
      out(0, 'a'),
      out(5, 'ab'), // replaced 5 ms later: shown as "abc" from 0
      out(MIN_FRAME_MS - 1, 'abc'),
      out(100, 'abc'), // the same screen again
      { at: 150, kind: 'm', data: 'step' },
      out(200, 'abcd'),
      out(300, ''), // the program cleared the screen as it quit
    ]);
    expect(shots.map((s) => s.at)).toEqual([0, 200]);
    expect(shots[0]!.svg).toContain('>abc<');
    expect(shots[1]!.svg).toContain('>abcd<');
  });

  it('each frame stays until the next, pauses cut to the idle limit, the last held', () => {
    const shots = [{ svg: '', at: 0 }, { svg: '', at: 80 }, { svg: '', at: 5_080 }];
    expect(shotDurations(shots, { idleLimitMs: 1_000, holdLastMs: 3_000 })).toEqual([80, 1_000, 3_000]);
    expect(shotDurations(shots)).toEqual([80, 5_000, 2_000]);
  });
});

describe('castToGif', () => {
  it('decodes to the frames of the cast, at its times, each close to the SVG rasterised directly', async () => {
    const events = [out(0, 'Pay  \x1b[7m Next \x1b[0m'), out(80, 'Pay  \x1b[7m Next \x1b[0m\r\n\x1b[31m1 000 ₽\x1b[0m ╭─╮'), out(1_080, 'Оплата ║')];
    const gif = decodeGif(await castToGif(20, 3, events, { holdLastMs: 1_500 }));
    expect([gif.width, gif.height]).toEqual([180, 54]);
    expect(gif.frames.map((f) => f.delayMs)).toEqual([80, 1_000, 1_500]);
    const shots = await castFrames(20, 3, events);
    shots.forEach((shot, i) => {
      const rgba = new Resvg(shot.svg, { font: { loadSystemFonts: false } }).render().pixels;
      const rgb = gif.frames[i]!.rgb;
      let error = 0;
      for (let p = 0; p < rgb.length / 3; p++) for (let c = 0; c < 3; c++) error += Math.abs(rgb[p * 3 + c]! - rgba[p * 4 + c]!);
      // the background and rects match closely; only the glyphs (no font in this direct render) differ
      expect(error / rgb.length).toBeLessThan(12);
    });
    // inside the inverse "Next" (cells 5-10 of row 1): the default foreground colour #d4d4d4
    const inverse = gif.frames[0]!.rgb.subarray((9 * 180 + 50) * 3, (9 * 180 + 50) * 3 + 3);
    expect([...inverse].every((c) => Math.abs(c - 0xd4) < 12)).toBe(true);
    // the unchanged pixels of frame 2 come from frame 1 through transparency: still the inverse colour
    expect([...gif.frames[1]!.rgb.subarray((9 * 180 + 50) * 3, (9 * 180 + 50) * 3 + 3)]).toEqual([...inverse]);
  });

  it('a keystroke frame is far smaller than the first (unchanged pixels are transparent)', async () => {
    const screen = Array.from({ length: 10 }, (_, i) => `line ${i} of a busy screen with text`).join('\r\n');
    const one = await castToGif(40, 10, [out(0, screen)]);
    const two = await castToGif(40, 10, [out(0, screen), out(100, `${screen}x`)]);
    expect(two.length - one.length).toBeLessThan(one.length / 5);
  });
});

describe('parseAsciicast', () => {
  it('reads the header, output and markers in ms, and the idle limit', () => {
    const cast = parseAsciicast('{"version":2,"width":80,"height":24,"idle_time_limit":1}\n[0.5,"o","hi"]\n[0.6,"i","x"]\n[1,"m","step"]\n', 'a.cast');
    expect(cast).toEqual({ columns: 80, rows: 24, idleLimitMs: 1_000, events: [{ at: 500, kind: 'o', data: 'hi' }, { at: 1_000, kind: 'm', data: 'step' }] });
  });

  it.each([
    ['', 'a.cast:1: not an asciicast v2 recording: the first line is not a JSON header'],
    ['{"version":1,"width":80,"height":24}', 'a.cast:1: not an asciicast v2 recording: version is 1, expected 2'],
    ['{"version":3,"term":{"cols":80,"rows":24}}', 'version is 3, expected 2'],
    ['{"version":2,"width":0,"height":24}', 'width and height must be whole numbers above 0'],
    ['[1,2]', 'the first line is not a JSON object'],
    ['{"version":2,"width":80,"height":24}\n[0,"o","a"]\n[0,"o"]', 'a.cast:3: not an asciicast v2 recording: an event must be [seconds, code, data]'],
    ['{"version":2,"width":80,"height":24}\nnot json', 'a.cast:2: not an asciicast v2 recording: an event line is not JSON'],
  ])('refuses %j naming the file and line', (text, message) => {
    expect(() => parseAsciicast(text, 'a.cast')).toThrow(CastFormatError);
    expect(() => parseAsciicast(text, 'a.cast')).toThrow(message);
  });
});

describe('writeFileAtomic', () => {
  it('writes the file whole and leaves no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    writeFileAtomic(join(dir, 'a.gif'), 'GIF');
    expect(readFileSync(join(dir, 'a.gif'), 'utf8')).toBe('GIF');
    expect(readdirSync(dir)).toEqual(['a.gif']);
  });

  it('refuses a missing folder or a folder as the file, naming the path, and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    const missing = join(dir, 'no-such', 'a.gif');
    expect(() => writeFileAtomic(missing, 'GIF')).toThrow(OutputPathError);
    expect(() => checkOutputPath(missing)).toThrow(`${missing}: the folder ${join(dir, 'no-such')} does not exist`);
    expect(existsSync(join(dir, 'no-such'))).toBe(false);
    expect(() => writeFileAtomic(dir, 'GIF')).toThrow('is a folder, not a file');
    expect(readdirSync(dir)).toEqual([]);
  });
});
