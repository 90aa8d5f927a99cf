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

/** A line that goes on with the text above it: written at that text's indent, not blank, not deeper. */
const continues = (line: string | undefined, indent: string): line is string =>
  line !== undefined && line.startsWith(indent) && /^\S/.test(line.slice(indent.length));

/**
 * Help texts are written with their own line breaks a little past 80 columns; the words a wrap pushes
 * past the edge join the next line of the same description, else they would sit alone on a short line.
 */
export function wrapHelp(text: string, width = HELP_WIDTH): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const wrapped = wrapLine(lines[i]!, width);
    const overflow = wrapped.length > 1 ? wrapped[wrapped.length - 1]! : null;
    const indent = overflow === null ? '' : (/^\s*/.exec(overflow)?.[0] ?? '');
    if (overflow !== null && continues(lines[i + 1], indent)) {
      out.push(...wrapped.slice(0, -1));
      lines[i + 1] = `${overflow} ${lines[i + 1]!.slice(indent.length)}`;
    } else {
      out.push(...wrapped);
    }
  }
  return out.join('\n');
}

/** Writes a command's help to standard output, wrapped to the terminal's smallest width. */
export function printHelp(text: string): void {
  process.stdout.write(wrapHelp(text));
}
