/** A frame as SVG, checked by structure (no golden images): well-formed, styled cells present, stable bytes, cells pinned. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import xtermHeadless from '@xterm/headless';
import { ansiToSvg, escapeXml, frameToSvg, FrameTooLargeError, SVG_LIMITS } from '../../src/pictures/frameSvg.js';
import { PALETTE_256 } from '../../src/pictures/palette.js';

type Node = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['text', 'rect', 'path'].includes(name) });

/** Parses strictly (the validator rejects what the parser would forgive) and returns the <svg> element. */
function parse(svg: string): Node {
  expect(XMLValidator.validate(svg)).toBe(true);
  return (parser.parse(svg) as { svg: Node }).svg;
}

const textsOf = (svg: Node): Node[] => ((svg.g as Node).text as Node[]) ?? [];
const textOf = (node: Node): string => String(node['#text']);
const findText = (svg: Node, text: string): Node => {
  const found = textsOf(svg).find((t) => textOf(t) === text);
  if (!found) throw new Error(`no <text> "${text}" in ${JSON.stringify(textsOf(svg).map(textOf))}`);
  return found;
};

describe('frameToSvg', () => {
  it('is well-formed XML sized to the grid (9×18 cells by default)', async () => {
    const svg = parse(await ansiToSvg('hello', 80, 24));
    expect(svg.width).toBe('720');
    expect(svg.height).toBe('432');
    expect(findText(svg, 'hello').textLength).toBe('45');
  });

  it('words one blank apart are one run; two blanks or another style start a new run at its own column', async () => {
    const svg = parse(await ansiToSvg('Pay an order  T-1 \x1b[1mnow', 30, 1));
    expect(textsOf(svg).map((t) => [textOf(t), t.x, t.textLength])).toEqual([['Pay an order', '0', '108'], ['T-1', '126', '27'], ['now', '162', '27']]);
  });

  it('escapes markup and drops characters XML forbids', async () => {
    const svg = parse(await ansiToSvg('a<b & "c">', 20, 2));
    expect(findText(svg, 'a<b & "c">').textLength).toBe('90');
    expect(escapeXml('x\u0001y\ud800')).toBe('x\ufffdy\ufffd');
  });

  it('inverse swaps the colours: the cells get a rect of the foreground, the text the background colour', async () => {
    const svg = parse(await ansiToSvg('  \x1b[7m Pay \x1b[0m', 20, 2));
    const rect = (svg.rect as Node[]).find((r) => r.x === '18');
    expect(rect).toMatchObject({ width: '45', height: '18', fill: '#d4d4d4' });
    expect(findText(svg, 'Pay').fill).toBe('#1e1e1e');
  });

  it('inverse of a coloured cell: red text on blue becomes blue text on a red rect', async () => {
    const svg = parse(await ansiToSvg('\x1b[31;44;7mX\x1b[0m', 10, 1));
    expect((svg.rect as Node[]).find((r) => r.x === '0' && r.width === '9')?.fill).toBe('#cc0000');
    expect(findText(svg, 'X').fill).toBe('#3465a4');
  });

  it('dim, bold and italic are attributes of their run', async () => {
    const svg = parse(await ansiToSvg('\x1b[2mdim\x1b[0m \x1b[1mbold\x1b[0m \x1b[3mitalic\x1b[0m plain', 40, 1));
    expect(findText(svg, 'dim').opacity).toBe('0.5');
    expect(findText(svg, 'bold')['font-weight']).toBe('bold');
    expect(findText(svg, 'italic')['font-style']).toBe('italic');
    expect(findText(svg, 'plain')).not.toHaveProperty('opacity');
  });

  it('16, 256 and true colours', async () => {
    const svg = parse(await ansiToSvg('\x1b[92mA\x1b[0m \x1b[38;5;208mB\x1b[0m \x1b[38;5;244mC\x1b[0m \x1b[38;2;1;2;255mD\x1b[0m \x1b[48;2;255;0;0mE', 20, 1));
    expect(findText(svg, 'A').fill).toBe('#8ae234');
    expect(findText(svg, 'B').fill).toBe('#ff8700');
    expect(findText(svg, 'C').fill).toBe('#808080');
    expect(findText(svg, 'D').fill).toBe('#0102ff');
    expect((svg.rect as Node[]).find((r) => r.x === '72')?.fill).toBe('#ff0000');
    expect(PALETTE_256).toHaveLength(256);
  });

  it('underline and strikethrough are lines under and through their cells', async () => {
    const svg = parse(await ansiToSvg('\x1b[4mund\x1b[0m \x1b[9mstr\x1b[0m', 20, 1));
    const lines = (svg.rect as Node[]).filter((r) => r.height === '1');
    expect(lines).toEqual([
      expect.objectContaining({ x: '0', y: '16', width: '27' }),
      expect.objectContaining({ x: '36', y: '9', width: '27' }),
    ]);
  });

  it('wide characters sit centred on their two cells, and what follows keeps its column', async () => {
    const svg = parse(await ansiToSvg('中文ab', 20, 1));
    expect(findText(svg, '中')).toMatchObject({ x: '9', 'text-anchor': 'middle' });
    expect(findText(svg, '文')).toMatchObject({ x: '27', 'text-anchor': 'middle' });
    expect(findText(svg, 'ab')).toMatchObject({ x: '36', textLength: '18' });
  });

  it('box drawing is drawn as paths reaching the cell edges, one path per colour; no glyphs in the text', async () => {
    const raw = await ansiToSvg('┌─┐\n│x│\n└─┘', 5, 3);
    const svg = parse(raw);
    expect(textsOf(svg).map(textOf)).toEqual(['x']);
    const paths = svg.path as Node[];
    expect(paths).toHaveLength(1);
    const d = String(paths[0]!.d);
    // the top border's ─ reaches both edges of its cell (9 and 18) at the row's middle (9)
    expect(d).toContain('H18');
    expect(d).toContain('M4.5 ');
    // each row boundary is reached from above and below by both sides' lines: no gap between rows
    expect(d.match(/V18(?![\d.])/g)).toHaveLength(4);
    expect(d.match(/V36(?![\d.])/g)).toHaveLength(4);
  });

  it('blocks (▀ ▄ █) are filled rects of their cells', async () => {
    const svg = parse(await ansiToSvg('▀▄█', 5, 1));
    expect(String((svg.path as Node[])[0]!.d)).toBe('M0 0h9v9h-9zM9 9h9v9h-9zM18 0h9v18h-9z');
  });

  it('the same frame gives the same bytes', async () => {
    const ansi = '\x1b[1;31mPay\x1b[0m ╔═╗ 中 \x1b[7mOK\x1b[0m';
    expect(await ansiToSvg(ansi, 30, 3)).toBe(await ansiToSvg(ansi, 30, 3));
  });

  it('options: cell size, background and font family (escaped)', async () => {
    const svg = parse(await ansiToSvg('ab', 4, 1, { cellWidth: 10, cellHeight: 20, background: '#fff', fontFamily: 'A&B' }));
    expect(svg.width).toBe('40');
    expect((svg.rect as Node[])[0]!.fill).toBe('#fff');
    expect((svg.g as Node)['font-family']).toBe('A&B');
    expect(findText(svg, 'ab').textLength).toBe('20');
  });

  it('a frame larger than the limits is refused with its size', async () => {
    const term = new xtermHeadless.Terminal({ cols: SVG_LIMITS.columns + 1, rows: 2, allowProposedApi: true });
    expect(() => frameToSvg(term)).toThrow(FrameTooLargeError);
    expect(() => frameToSvg(term)).toThrow(`${SVG_LIMITS.columns + 1}×2`);
    term.dispose();
    await expect(ansiToSvg('x', 10, SVG_LIMITS.rows + 1)).rejects.toThrow(FrameTooLargeError);
  });
});
