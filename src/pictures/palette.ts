/**
 * Terminal colours as SVG colours: the 16 named ones (xterm.js's default theme), the 6×6×6 cube
 * and the 24 greys of the 256-colour palette, and true colour as it came.
 */
export const DEFAULT_FOREGROUND = '#d4d4d4';
export const DEFAULT_BACKGROUND = '#1e1e1e';

const NAMED = [
  '#2e3436', '#cc0000', '#4e9a06', '#c4a000', '#3465a4', '#75507b', '#06989a', '#d3d7cf',
  '#555753', '#ef2929', '#8ae234', '#fce94f', '#729fcf', '#ad7fa8', '#34e2e2', '#eeeeec',
];
const CUBE_LEVELS = [0, 95, 135, 175, 215, 255];

const hex = (r: number, g: number, b: number): string =>
  `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;

/** The 256-colour palette, built once. */
export const PALETTE_256: readonly string[] = [
  ...NAMED,
  ...Array.from({ length: 216 }, (_, i) => hex(CUBE_LEVELS[Math.floor(i / 36)]!, CUBE_LEVELS[Math.floor(i / 6) % 6]!, CUBE_LEVELS[i % 6]!)),
  ...Array.from({ length: 24 }, (_, i) => hex(8 + 10 * i, 8 + 10 * i, 8 + 10 * i)),
];

/** xterm's colour modes (IBufferCell.get*ColorMode): palette of 16, palette of 256, RGB. */
const CM_RGB = 0x3000000;

/** The colour of a cell's foreground or background, or `fallback` when it is the terminal's default. */
export function cellColor(mode: number, color: number, isDefault: boolean, fallback: string | null): string | null {
  if (isDefault) return fallback;
  if (mode === CM_RGB) return hex((color >> 16) & 0xff, (color >> 8) & 0xff, color & 0xff);
  return PALETTE_256[color & 0xff] ?? fallback;
}
