/** Small statistics over samples (milliseconds, MiB, counts). */

export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
  samples: number[];
  /**
   * Decimals the table prints median, min and max with, when its usual ones (one below 100, none from 100) would round
   * a figure across its target's line (rows.ts); absent: the usual.
   */
  digits?: number;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function summarize(samples: readonly number[]): Summary {
  return {
    median: round(median(samples)),
    min: round(Math.min(...samples)),
    max: round(Math.max(...samples)),
    runs: samples.length,
    // Not `map(round)`: map hands the index on as `digits` (the first sample was kept with none, the third with two).
    samples: samples.map((value) => round(value)),
  };
}

/** The same figures unrounded: what a pass rule judges (rows.ts). */
export function exactSummary(samples: readonly number[]): Summary {
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), runs: samples.length, samples: [...samples] };
}

/** Decimals the table prints a figure with by default (report.ts). */
export const usualDigits = (value: number): number => (Math.abs(value) >= 100 ? 0 : 1);

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
