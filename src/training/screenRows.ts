/** A kiosk screen shown inside another (the debrief's mistake, `train replay --at-mistake`). */

/**
 * The screen's rows without the blank ones at top and bottom, runs of blank rows as one: a screen in
 * fewer rows. A row of a frame with nothing inside (`│   ││   │`) counts as blank, so the frame stays
 * closed but shorter.
 */
export function condensed(screen: readonly string[]): string[] {
  const rows = screen.map((row) => row.trimEnd());
  const out: string[] = [];
  for (const row of rows) {
    if (isBlank(row) && (out.length === 0 || isBlank(out.at(-1) as string))) continue;
    out.push(row);
  }
  while (out.length > 0 && out.at(-1) === '') out.pop();
  return out;
}

const isBlank = (row: string) => row.replace(/[│║|\s]/g, '') === '';
