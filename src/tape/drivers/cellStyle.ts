/**
 * One cell's attributes as the terminal (@xterm/headless) holds them: what `ExpectStyle` checks.
 * Colours read back as the 16 ANSI names where the program used them (Ink's named colours), as a
 * palette index or `#rrggbb` otherwise.
 */
import type xtermHeadless from '@xterm/headless';

type Terminal = InstanceType<typeof xtermHeadless.Terminal>;

export interface CellStyle {
  /** the cell's character ('' past the end of a line) */
  char: string;
  inverse: boolean;
  bold: boolean;
  dim: boolean;
  italic: boolean;
  underline: boolean;
  /** 'default', an ANSI name (`yellow`, `bright-red`), `palette N` or `#rrggbb` */
  fg: string;
  bg: string;
}

const ANSI_NAMES = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];

function colorName(isDefault: boolean, isPalette: boolean, color: number): string {
  if (isDefault) return 'default';
  if (isPalette) return color < 8 ? ANSI_NAMES[color]! : color < 16 ? `bright-${ANSI_NAMES[color - 8]!}` : `palette ${color}`;
  return `#${color.toString(16).padStart(6, '0')}`;
}

/** The cell at a 0-based row and column of the visible screen. */
export function cellStyleAt(term: Terminal, row: number, column: number): CellStyle {
  const buffer = term.buffer.active;
  const cell = buffer.getLine(buffer.viewportY + row)?.getCell(column);
  if (!cell) return { char: '', inverse: false, bold: false, dim: false, italic: false, underline: false, fg: 'default', bg: 'default' };
  return {
    char: cell.getChars(),
    inverse: cell.isInverse() !== 0,
    bold: cell.isBold() !== 0,
    dim: cell.isDim() !== 0,
    italic: cell.isItalic() !== 0,
    underline: cell.isUnderline() !== 0,
    fg: colorName(cell.isFgDefault(), cell.isFgPalette(), cell.getFgColor()),
    bg: colorName(cell.isBgDefault(), cell.isBgPalette(), cell.getBgColor()),
  };
}
