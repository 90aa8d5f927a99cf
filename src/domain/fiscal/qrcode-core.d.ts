/** The pure core of `qrcode` (no canvas, no files): the module matrix only. Types for the one call used. */
declare module 'qrcode/lib/core/qrcode.js' {
  interface BitMatrix {
    size: number;
    /** row by row, 1 = dark */
    data: Uint8Array;
  }
  export function create(text: string, options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' }): { version: number; modules: BitMatrix };
}
