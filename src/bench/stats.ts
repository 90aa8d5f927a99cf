/** Small statistics for the benchmark: medians and percentiles of samples, and alternation. */

/** The q-th quantile (0…1) by nearest rank; NaN for no samples. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (samples: readonly number[]): number => {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export interface Paired {
  subject: number[];
  baseline: number[];
}

/**
 * Runs the subject and the baseline `runs` times each, alternating which goes first, so that a
 * noisy neighbour on the machine slows both alike.
 */
export async function alternate(runs: number, subject: () => Promise<number>, baseline: () => Promise<number>): Promise<Paired> {
  const result: Paired = { subject: [], baseline: [] };
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      result.subject.push(await subject());
      result.baseline.push(await baseline());
    } else {
      result.baseline.push(await baseline());
      result.subject.push(await subject());
    }
  }
  return result;
}

/** Waits for real time to pass: the benchmark measures real time, so it may. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const MiB = 1024 * 1024;

/** Milliseconds one synchronous piece of work takes. */
export function timed(work: () => void): number {
  const startedAt = performance.now();
  work();
  return performance.now() - startedAt;
}
