/**
 * tsc (npm run typecheck) checks the hand-written types/tape.d.ts, which the package's "exports"
 * give to `aliexpress-kiosk/tape`, against src/tape/lib.ts both ways: neither can drift alone.
 */
import type * as Declared from 'aliexpress-kiosk/tape';
import type * as Source from '../../src/tape/lib.js';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const expectTrue = <T extends true>(): T => true as T;

export const checks = [
  expectTrue<Same<typeof Declared.runTape, typeof Source.runTape>>(),
  expectTrue<Same<Declared.LibraryOptions, Source.LibraryOptions>>(),
  expectTrue<Same<Declared.LibraryResult, Source.LibraryResult>>(),
  expectTrue<Same<Declared.LibraryFailure, Source.LibraryFailure>>(),
];
