/**
 * The receipt's QR code, drawn with text: the payload tax checkers read (54-FZ), encoded by the
 * `qrcode` library's core, printed two module rows per text row with half blocks so it stays square
 * in a terminal. A one-module quiet zone on every side, dark on light as on paper.
 */
import { create } from 'qrcode/lib/core/qrcode.js';

const QUIET = 1;

/** The QR code of `payload` as text rows (each row two module rows): light is '█', dark is ' '. */
export function qrRows(payload: string): string[] {
  const { size, data } = create(payload, { errorCorrectionLevel: 'L' }).modules;
  // a column outside the code would wrap into the next row, so it is checked; a row outside reads
  // outside `data` (undefined), which is light as it should be
  const dark = (row: number, col: number): boolean => col >= 0 && col < size && data[row * size + col] === 1;
  const rows: string[] = [];
  for (let row = -QUIET; row < size + QUIET; row += 2) {
    let line = '';
    for (let col = -QUIET; col < size + QUIET; col++) {
      // printed light-on-dark terminals read inverted codes badly: light modules are the ink here
      const top = !dark(row, col);
      const bottom = row + 1 < size + QUIET ? !dark(row + 1, col) : false;
      line += top && bottom ? '█' : top ? '▀' : bottom ? '▄' : ' ';
    }
    rows.push(line);
  }
  return rows;
}
