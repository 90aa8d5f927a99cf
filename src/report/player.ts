/**
 * asciinema-player (npm) for the report's replays: its bundled script and stylesheet are read from
 * node_modules when a report is written and put inline, so the report opens from file:// offline.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface PlayerAssets {
  script: string;
  style: string;
}

let cached: PlayerAssets | null = null;

export function playerAssets(): PlayerAssets {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const read = (name: string) => readFileSync(require.resolve(`asciinema-player/dist/bundle/${name}`), 'utf8');
  cached = { script: read('asciinema-player.min.js'), style: read('asciinema-player.css') };
  return cached;
}
