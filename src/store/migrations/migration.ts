/** A numbered step of the SQLite schema, and the column checks several steps share. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Money is TEXT in the canonical form ("4750.00", "-12.50"), never REAL: binary floats lose kopecks. */
export const money = (column: string) => {
  const digits = `ltrim(${column}, '-')`;
  return `${column} TEXT NOT NULL CHECK (${digits} GLOB '[0-9]*.[0-9][0-9]' AND ${digits} NOT GLOB '*[^0-9.]*'
    AND ${column} NOT GLOB '--*' AND length(${column}) - length(replace(${column}, '.', '')) = 1)`;
};
export const operator = (column: string) => `${column} IN ('mts', 'megafon', 'beeline', 'tele2')`;
