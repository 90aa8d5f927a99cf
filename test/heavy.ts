/**
 * Heavy trials (kill -9, races, PostgreSQL contention, seeded-variant properties) run a count sized for
 * `npm test` on 2 cores by default; `KIOSK_HEAVY=1` runs the full count (as before CI was sized), and
 * `KIOSK_HEAVY=N` (N > 1) multiplies the full count by N for a soak. See README, "Heavy trials".
 */
const raw = process.env.KIOSK_HEAVY;

/** 0 = the default (CI-sized); 1 = full; N > 1 = N times the full count */
export const HEAVY_FACTOR: number = parseFactor(raw);

export function parseFactor(value: string | undefined): number {
  if (value === undefined || value === '' || value === '0') return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`KIOSK_HEAVY must be a whole number (0, 1, 2, …), not "${value}"`);
  return n;
}

/** How many trials to run: `light` by default, `full` × KIOSK_HEAVY when it is set. */
export function trials(light: number, full: number): number {
  return HEAVY_FACTOR === 0 ? light : full * HEAVY_FACTOR;
}
