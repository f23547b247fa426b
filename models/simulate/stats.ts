/**
 * Statistics over the full sample: mean, standard deviation and percentiles by linear
 * interpolation between order statistics (the common "type 7" definition used by Excel's
 * PERCENTILE.INC and NumPy). Percentiles come from selection, not sorting: the few order
 * statistics needed are found in linear time.
 */
import type { MonthStats, Stats } from './result.ts';

export const PERCENTILES = [5, 10, 25, 50, 75, 90, 95] as const;

/** Partially orders a[lo..hi] so that a[k] holds the k-th smallest (quickselect, median-of-three pivot). */
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // Median of three as the pivot guards against sorted or constant input.
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const tmp = a[i]!;
        a[i] = a[j]!;
        a[j] = tmp;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/**
 * Places every order statistic in `ks` (sorted ascending) at its index: select the middle
 * one, then recurse on each side within its half — about N·log₂(#ks) work instead of N·#ks.
 */
function multiSelect(a: Float64Array, ks: readonly number[], from: number, to: number, lo: number, hi: number): void {
  if (from > to || lo > hi) return;
  const middle = (from + to) >> 1;
  const k = ks[middle]!;
  select(a, k, lo, hi);
  multiSelect(a, ks, from, middle - 1, lo, k - 1);
  multiSelect(a, ks, middle + 1, to, k + 1, hi);
}

/** Percentiles (in %) of `values`, which are reordered in place. */
export function percentilesInPlace(values: Float64Array, percentiles: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return percentiles.map(() => NaN);
  const positions = percentiles.map((p) => ((n - 1) * p) / 100);
  const needed = [...new Set(positions.flatMap((h) => [Math.floor(h), Math.min(Math.floor(h) + 1, n - 1)]))].sort((x, y) => x - y);
  multiSelect(values, needed, 0, needed.length - 1, 0, n - 1);
  return positions.map((h) => {
    const below = Math.floor(h);
    const a = values[below]!;
    const b = values[Math.min(below + 1, n - 1)]!;
    return a + (h - below) * (b - a);
  });
}

/** Mean and sample standard deviation (Welford, stable for large money values). */
export function meanAndSd(values: Float64Array): { mean: number; sd: number } {
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    const delta = x - mean;
    mean += delta / (i + 1);
    m2 += delta * (x - mean);
  }
  return { mean, sd: values.length > 1 ? Math.sqrt(m2 / (values.length - 1)) : 0 };
}

let scratch = new Float64Array(0);

/** Full summary statistics of a sample (the input is left untouched). */
export function summarize(values: Float64Array): Stats {
  const { mean, sd } = meanAndSd(values);
  if (scratch.length < values.length) scratch = new Float64Array(values.length);
  const copy = scratch.subarray(0, values.length);
  copy.set(values);
  const [p5, p10, p25, p50, p75, p90, p95] = percentilesInPlace(copy, PERCENTILES) as [number, number, number, number, number, number, number];
  return { mean, sd, p5, p10, p25, p50, p75, p90, p95 };
}

/** Stats per month of a month-major per-trial-month series; `onProgress` hears (months done, months). */
export function summarizeMonths(values: Float64Array, trials: number, labels: readonly string[], onProgress?: (done: number, total: number) => void): MonthStats[] {
  return labels.map((month, m) => {
    const stats = { month, ...summarize(values.subarray(m * trials, (m + 1) * trials)) };
    onProgress?.(m + 1, labels.length);
    return stats;
  });
}

/** Stats of the values where `include` is true; null when none are. */
export function summarizeWhere(values: Float64Array, include: (index: number) => boolean): Stats | null {
  const picked: number[] = [];
  for (let i = 0; i < values.length; i++) if (include(i)) picked.push(values[i]!);
  return picked.length ? summarize(Float64Array.from(picked)) : null;
}

/** Share of values for which the predicate holds. */
export function probability(values: Float64Array, predicate: (value: number) => boolean): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (predicate(values[i]!)) count++;
  return values.length ? count / values.length : 0;
}

/**
 * Standard error of a percentile of the total. With enough equal chunks, batch means: each
 * chunk is an independent Latin-hypercube sample, so the spread of the chunk percentiles over
 * √chunks measures the error honestly for LHS too. Otherwise the order-statistic formula
 * √(p(1−p)/N) / f(q), with the density f estimated from neighbouring percentiles.
 */
export function percentileStdError(values: Float64Array, percentile: number, chunkSize: number): { stdError: number; method: string } {
  const n = values.length;
  const chunks = Math.floor(n / chunkSize);
  if (chunks >= 8) {
    const estimates = new Float64Array(chunks);
    const copy = new Float64Array(chunkSize);
    for (let c = 0; c < chunks; c++) {
      copy.set(values.subarray(c * chunkSize, (c + 1) * chunkSize));
      estimates[c] = percentilesInPlace(copy, [percentile])[0]!;
    }
    return { stdError: meanAndSd(estimates).sd / Math.sqrt(chunks), method: `batch means over ${chunks} chunks` };
  }
  const p = percentile / 100;
  const h = Math.max(0.01, 2 / Math.sqrt(n));
  const copy = Float64Array.from(values);
  const [below, above] = percentilesInPlace(copy, [Math.max(0, percentile - h * 100), Math.min(100, percentile + h * 100)]) as [number, number];
  const density = (2 * h) / Math.max(above - below, Number.EPSILON);
  return { stdError: Math.sqrt((p * (1 - p)) / n) / density, method: 'order statistics' };
}
