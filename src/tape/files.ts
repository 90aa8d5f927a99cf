/** The tapes in a folder and its subfolders (tapes are grouped by place: test/tapes/terminal/, …/site/). */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every *.tape under `dir`, sorted by path; hidden folders and node_modules are skipped. */
export function findTapes(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') out.push(...findTapes(path));
    else if (entry.isFile() && entry.name.endsWith('.tape')) out.push(path);
  }
  return out;
}
