/**
 * Help as a terminal shows it: no line wider than 80 columns, so `--help` reads whole in the smallest
 * terminal the kiosk runs in. Long lines are wrapped between words; in a two-column line (a term, two
 * or more spaces, its description) the continuation lines start under the description.
 */
export const HELP_WIDTH = 80;

const TWO_COLUMNS = /^(\s*\S.*?\s{2,})(\S.*)$/;

function wrapLine(line: string, width: number): string[] {
  if ([...line].length <= width) return [line];
  const columns = TWO_COLUMNS.exec(line);
  const lead = columns ? columns[1]! : (/^\s*/.exec(line)?.[0] ?? '');
  const indent = ' '.repeat([...lead].length);
  const words = (columns ? columns[2]! : line.slice(lead.length)).split(' ');
  const lines: string[] = [];
  let current = lead;
  for (const word of words) {
    const candidate = current.trim() === '' || current === lead ? current + word : `${current} ${word}`;
    if ([...candidate].length > width && current !== lead) {
      lines.push(current);
      current = indent + word;
    } else {
      current = candidate;
    }
  }
  lines.push(current);
  return lines;
}

export const wrapHelp = (text: string, width = HELP_WIDTH): string =>
  text
    .split('\n')
    .flatMap((line) => wrapLine(line, width))
    .join('\n');

/** Writes a command's help to standard output, wrapped to the terminal's smallest width. */
export function printHelp(text: string): void {
  process.stdout.write(wrapHelp(text));
}
