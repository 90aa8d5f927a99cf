/** GIF clips follow the window's resizes (a tape's `Resize`, a cast's `r` events): each frame at the size it was drawn, on one canvas. */
import { describe, expect, it } from 'vitest';
import { parseAsciicast, CastFormatError } from '../../src/pictures/castFile.js';
import { castFrames, castToGif, onCanvas } from '../../src/pictures/gif.js';
import type { CastEvent } from '../../src/tape/drivers/virtualTerminal.js';
import { decodeGif } from './gifDecode.js';

const CLEAR = '\x1b[H\x1b[2J';
const out = (at: number, text: string): CastEvent => ({ at, kind: 'o', data: CLEAR + text });
const resize = (at: number, size: string): CastEvent => ({ at, kind: 'r', data: size });
const svgSize = (svg: string) => /<svg\b[^>]*\bwidth="([\d.]+)" height="([\d.]+)"/.exec(svg)?.slice(1).map(Number);

describe('a clip with a resize', () => {
  it('draws the frames after an r event at the new size, and the text beyond the old width is there', async () => {
    const shots = await castFrames(20, 3, [out(0, 'small'), resize(50, '30x5'), out(100, `${' '.repeat(24)}wide`)]);
    expect(shots).toHaveLength(2);
    expect(svgSize(shots[0]!.svg)).toEqual([180, 54]);
    expect(svgSize(shots[1]!.svg)).toEqual([270, 90]);
    expect(shots[1]!.svg).toContain('wide');
  });

  it('is one GIF as large as the largest frame; a smaller frame is padded with its background', async () => {
    const gif = decodeGif(await castToGif(20, 3, [out(0, 'small'), resize(50, '30x5'), out(100, `${' '.repeat(24)}wide`), resize(150, '20x3'), out(200, 'small again')]));
    expect([gif.width, gif.height]).toEqual([270, 90]);
    expect(gif.frames).toHaveLength(3);
    const pixel = (frame: number, x: number, y: number) => [...gif.frames[frame]!.rgb.subarray((y * 270 + x) * 3, (y * 270 + x) * 3 + 3)];
    const background = pixel(0, 1, 1);
    // frame 1 (20x3) leaves the canvas's right part and bottom as its background
    expect(pixel(0, 260, 80)).toEqual(background);
    // frame 2 (30x5) has ink where "wide" stands, at columns 25-28 of row 1 (x 216-251, y 0-17)
    let ink = 0;
    for (let x = 216; x < 252; x++) for (let y = 0; y < 18; y++) if (pixel(1, x, y).join() !== background.join()) ink++;
    expect(ink).toBeGreaterThan(10);
  });

  it('with --width, scales every frame by the widest one\'s factor', async () => {
    const gif = decodeGif(await castToGif(20, 3, [out(0, 'a'), resize(50, '40x3'), out(100, 'b')], { width: 180 }));
    expect([gif.width, gif.height]).toEqual([180, 27]);
  });

  it('refuses a resize beyond what a frame may be', async () => {
    await expect(castFrames(20, 3, [resize(0, '600x3')])).rejects.toThrow(/600/);
  });

  it('places a smaller image at the top left of the canvas', () => {
    const red = [255, 0, 0, 255];
    const image = new Uint8Array([...red, 0, 0, 255, 255]); // 2x1: red, blue
    const canvas = onCanvas(image, 2, 1, 3, 2);
    expect([...canvas.subarray(0, 8)]).toEqual([...image]);
    expect([...canvas.subarray(8, 12)]).toEqual(red);
    expect([...canvas.subarray(12, 24)]).toEqual([...red, ...red, ...red]);
  });
});

describe('parseAsciicast and resizes', () => {
  it('keeps r events, refuses one without COLUMNSxROWS', () => {
    const cast = parseAsciicast('{"version":2,"width":80,"height":24}\n[0.5,"o","hi"]\n[1,"r","100x30"]\n', 'a.cast');
    expect(cast.events).toEqual([{ at: 500, kind: 'o', data: 'hi' }, { at: 1_000, kind: 'r', data: '100x30' }]);
    expect(() => parseAsciicast('{"version":2,"width":80,"height":24}\n[1,"r","big"]\n', 'a.cast')).toThrow(CastFormatError);
    expect(() => parseAsciicast('{"version":2,"width":80,"height":24}\n[1,"r","big"]\n', 'a.cast')).toThrow('a.cast:2:');
  });
});
