/** Where a text starts on a drawn screen, for the touch tests' taps. */

/** A 1-based screen cell, as a terminal reports a mouse click. */
export interface Cell {
  row: number;
  column: number;
}

/**
 * The cell where `text` first starts on `screen` (a frame or its lines); the last row holding it when
 * `fromBottom` (a key line under a list that repeats the text). Throws with the screen when it is absent.
 */
export function cellOf(screen: string | readonly string[], text: string, fromBottom = false): Cell {
  const lines = typeof screen === 'string' ? screen.split('\n') : screen;
  const rows = lines.map((line, i) => (line.includes(text) ? i : -1)).filter((i) => i >= 0);
  const row = fromBottom ? rows.at(-1) : rows[0];
  if (row === undefined) throw new Error(`"${text}" is not on the screen:\n${lines.join('\n')}`);
  const line = lines[row]!;
  // columns count characters, not UTF-16 units (the ₽ sign and Cyrillic are one cell each)
  return { row: row + 1, column: Array.from(line.slice(0, line.indexOf(text))).length + 1 };
}
