/**
 * Box drawing and block elements drawn as shapes, not as font glyphs: a font's line glyphs stop
 * short of the cell when the row is taller than the font, so borders would show gaps between rows.
 * Drawn from the cell's edges to its centre they always meet their neighbours.
 */

/** Arm weights: 0 none, 1 light, 2 heavy, 3 double; in the order up, right, down, left. */
const BOX_ARMS: Record<string, string> = {
  '─': '0101', '│': '1010', '┌': '0110', '┐': '0011', '└': '1100', '┘': '1001',
  '├': '1110', '┤': '1011', '┬': '0111', '┴': '1101', '┼': '1111',
  '━': '0202', '┃': '2020', '┏': '0220', '┓': '0022', '┗': '2200', '┛': '2002',
  '┣': '2220', '┫': '2022', '┳': '0222', '┻': '2202', '╋': '2222',
  '═': '0303', '║': '3030', '╔': '0330', '╗': '0033', '╚': '3300', '╝': '3003',
  '╠': '3330', '╣': '3033', '╦': '0333', '╩': '3303', '╬': '3333',
  '╒': '0310', '╓': '0130', '╕': '0013', '╖': '0031', '╘': '1300', '╙': '3100', '╛': '1003', '╜': '3001',
  '╞': '1310', '╟': '3130', '╡': '1013', '╢': '3031', '╤': '0313', '╥': '0131', '╧': '1303', '╨': '3101',
  '╪': '1313', '╫': '3131',
  '╭': '0110', '╮': '0011', '╯': '1001', '╰': '1100',
  '╴': '0001', '╵': '1000', '╶': '0100', '╷': '0010', '╸': '0002', '╹': '2000', '╺': '0200', '╻': '0020',
  '┄': '0101', '┈': '0101', '╌': '0101', '┆': '1010', '┊': '1010', '╎': '1010',
  '┅': '0202', '┉': '0202', '╍': '0202', '┇': '2020', '┋': '2020', '╏': '2020',
};
const ROUNDED = new Set(['╭', '╮', '╯', '╰']);

/** Block elements as [x, y, width, height] in halves of a cell, with an opacity for the shades. */
const BLOCKS: Record<string, { parts: [number, number, number, number][]; opacity?: number }> = {
  '█': { parts: [[0, 0, 2, 2]] }, '▀': { parts: [[0, 0, 2, 1]] }, '▄': { parts: [[0, 1, 2, 1]] },
  '▌': { parts: [[0, 0, 1, 2]] }, '▐': { parts: [[1, 0, 1, 2]] },
  '░': { parts: [[0, 0, 2, 2]], opacity: 0.25 }, '▒': { parts: [[0, 0, 2, 2]], opacity: 0.5 }, '▓': { parts: [[0, 0, 2, 2]], opacity: 0.75 },
  '▖': { parts: [[0, 1, 1, 1]] }, '▗': { parts: [[1, 1, 1, 1]] }, '▘': { parts: [[0, 0, 1, 1]] }, '▝': { parts: [[1, 0, 1, 1]] },
  '▙': { parts: [[0, 0, 1, 2], [1, 1, 1, 1]] }, '▛': { parts: [[0, 0, 2, 1], [0, 1, 1, 1]] },
  '▜': { parts: [[0, 0, 2, 1], [1, 1, 1, 1]] }, '▟': { parts: [[1, 0, 1, 2], [0, 1, 1, 1]] },
  '▚': { parts: [[0, 0, 1, 1], [1, 1, 1, 1]] }, '▞': { parts: [[1, 0, 1, 1], [0, 1, 1, 1]] },
};

export const isDrawnGlyph = (ch: string): boolean => ch in BOX_ARMS || ch in BLOCKS;

/** Numbers as SVG holds them: at most two decimals, no trailing zeros, so the bytes never vary. */
export const num = (n: number): string => String(Math.round(n * 100) / 100);

export interface Cell { x: number; y: number; w: number; h: number }

/**
 * Path data gathered for a whole frame, keyed by how it is painted, so a border of a hundred cells
 * is one <path> element, not a hundred. Keys keep the order they were first met: the bytes are stable.
 */
export class ShapeSink {
  private readonly strokes = new Map<string, string>();
  private readonly fills = new Map<string, string>();
  stroke(color: string, width: number, d: string): void {
    const key = `${color}|${num(width)}`;
    this.strokes.set(key, (this.strokes.get(key) ?? '') + d);
  }
  fill(color: string, opacity: number, d: string): void {
    const key = `${color}|${opacity}`;
    this.fills.set(key, (this.fills.get(key) ?? '') + d);
  }
  toSvg(): string {
    let out = '';
    for (const [key, d] of this.fills) {
      const [color, opacity] = key.split('|');
      out += `<path d="${d}" fill="${color}"${opacity === '1' ? '' : ` fill-opacity="${opacity}"`}/>`;
    }
    for (const [key, d] of this.strokes) {
      const [color, width] = key.split('|');
      out += `<path d="${d}" stroke="${color}" stroke-width="${width}" fill="none"/>`;
    }
    return out;
  }
}

/** Adds the shapes of one drawn cell, in `color`, to the frame's sink. */
export function drawGlyph(ch: string, cell: Cell, color: string, sink: ShapeSink): void {
  const block = BLOCKS[ch];
  if (block) {
    for (const [px, py, pw, ph] of block.parts) {
      const x = cell.x + (px * cell.w) / 2;
      const y = cell.y + (py * cell.h) / 2;
      sink.fill(color, block.opacity ?? 1, `M${num(x)} ${num(y)}h${num((pw * cell.w) / 2)}v${num((ph * cell.h) / 2)}h${num((-pw * cell.w) / 2)}z`);
    }
    return;
  }
  const arms = BOX_ARMS[ch];
  if (!arms) return;
  const light = Math.max(1, cell.w / 8);
  const heavy = light * 2;
  const gap = light * 1.5;
  const cx = cell.x + cell.w / 2;
  const cy = cell.y + cell.h / 2;
  const [up, right, down, left] = [...arms].map(Number) as [number, number, number, number];
  // each arm's end at the cell's edge
  const edge = [cell.y, cell.x + cell.w, cell.y + cell.h, cell.x];
  const h = right || left;
  const v = up || down;
  if (ROUNDED.has(ch)) {
    const ex = right ? edge[1] : edge[3];
    const ey = down ? edge[2] : edge[0];
    const turn = cy + ((down ? 1 : -1) * cell.w) / 2;
    sink.stroke(color, light, `M${num(ex!)} ${num(cy)}Q${num(cx)} ${num(cy)} ${num(cx)} ${num(turn)}V${num(ey!)}`);
  } else if (h === 3 && v === 3 && [up, right, down, left].filter(Boolean).length === 2) {
    // a double corner: two nested L's, the outer one meets the outer lines of its neighbours
    const hdir = right ? 1 : -1;
    const vdir = down ? 1 : -1;
    for (const s of [-1, 1]) {
      const x = cx + s * hdir * vdir * gap;
      const y = cy + s * gap;
      sink.stroke(color, light, `M${num(right ? edge[1]! : edge[3]!)} ${num(y)}H${num(x)}V${num(down ? edge[2]! : edge[0]!)}`);
    }
  } else {
    [up, right, down, left].forEach((weight, arm) => {
      if (!weight) return;
      const width = weight === 2 ? heavy : light;
      // a single line reaches past the centre by its half width, so two arms meet without a notch
      const reach = weight === 3 ? gap : width / 2;
      for (const o of weight === 3 ? [-gap, gap] : [0]) {
        const d = arm % 2 === 0
          ? `M${num(cx + o)} ${num(cy + (arm === 0 ? reach : -reach))}V${num(edge[arm]!)}`
          : `M${num(cx + (arm === 1 ? -reach : reach))} ${num(cy + o)}H${num(edge[arm]!)}`;
        sink.stroke(color, width, d);
      }
    });
  }
}
