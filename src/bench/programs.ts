/** The two programs the process-level rows start: the bundled kiosk and the bare Ink baseline. */
import { dirname, join, resolve } from 'node:path';
import { en } from '../i18n/en.js';
import { HELLO_MARKER } from './fixtures/HelloApp.js';
import type { Program } from './pty.js';

/** dist/, where `npm run build` put this bench, the kiosk and the baseline */
export const DIST = dirname(resolve(process.argv[1] ?? 'dist/bench.js'));

/** The kiosk on its first (idle) screen, in English so the marker is one known string. */
export const KIOSK: Program = {
  label: 'kiosk',
  script: join(DIST, 'kiosk.js'),
  args: ['--memory', '--lang', 'en'],
  marker: en['idle.press'],
};

export const HELLO: Program = {
  label: 'hello',
  script: join(DIST, 'bench-hello.js'),
  args: ['--memory'],
  marker: HELLO_MARKER,
};
