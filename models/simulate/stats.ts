/**
 * Statistics over the full sample: mean, standard deviation and percentiles by linear
 * interpolation between order statistics (the common "type 7" definition used by Excel's
 * PERCENTILE.INC and NumPy). Percentiles come from selection, not sorting: the few order
 * statistics needed are found in linear time (random/float-order.ts).
 */
import { moments, momentsAndOrderStatistics, orderStatistics, sameValue, selectByQuickselect } from '../random/float-order.ts';
import type { MonthStats, Stats } from './result.ts';

/** From this size on, order statistics come from the histogram selection, which leaves the sample untouched. */
const ORDER_STATISTICS_FROM = 2048;

export const PERCENTILES = [5, 10, 25, 50, 75, 90, 95] as const;

/** Where a percentile (in %) of n values lies by type-7 interpolation: `weight` of the way from order statistic `below` to `above`. */
export interface PercentilePosition {
  below: number;
  above: number;
  weight: number;
}

/** The position of the `percentile` (in %) of n values. */
export function percentilePosition(n: number, percentile: number): PercentilePosition {
  const h = ((n - 1) * percentile) / 100;
  const below = Math.floor(h);
  return { below, above: Math.min(below + 1, n - 1), weight: h - below };
}

/** The percentile at `position` from its two order statistics. */
export function interpolateAt(position: PercentilePosition, below: number, above: number): number {
  return below + position.weight * (above - below);
}

/** The order statistics type-7 interpolation needs for these percentiles of n values. */
function neededRanks(n: number, percentiles: readonly number[]): { positions: PercentilePosition[]; needed: number[] } {
  const positions = percentiles.map((p) => percentilePosition(n, p));
  const needed = [...new Set(positions.flatMap((q) => [q.below, q.above]))].sort((x, y) => x - y);
  return { positions, needed };
}

function interpolate(positions: readonly PercentilePosition[], needed: readonly number[], found: readonly number[]): number[] {
  const at = new Map(needed.map((k, j) => [k, found[j]!]));
  return positions.map((q) => interpolateAt(q, at.get(q.below)!, at.get(q.above)!));
}

/** Percentiles (in %) of `values` by type-7 interpolation; `values` may be reordered (small samples are). */
export function percentilesInPlace(values: Float64Array, percentiles: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return percentiles.map(() => NaN);
  const { positions, needed } = neededRanks(n, percentiles);
  const found = n < ORDER_STATISTICS_FROM ? selectByQuickselect(values, needed) : orderStatistics(values, needed);
  return interpolate(positions, needed, found);
}

/** Mean and sample standard deviation (two-pass: the mean, then squared deviations from it). */
export function meanAndSd(values: Float64Array): { mean: number; sd: number } {
  const { mean, sd } = moments(values);
  return { mean: values.length ? mean : 0, sd };
}

const summaryRanks = new Map<number, { positions: PercentilePosition[]; needed: number[] }>();

/** Full summary statistics of a sample (the input is left untouched). */
export function summarize(values: Float64Array): Stats {
  const n = values.length;
  if (n === 0) return { mean: 0, sd: 0, p5: NaN, p10: NaN, p25: NaN, p50: NaN, p75: NaN, p90: NaN, p95: NaN };
  // One value throughout (a fixed fee, a month before a workload starts): every statistic is
  // that value, as the two passes below would find it, from one pass that stops at the first
  // difference (so it costs nothing on a sample that varies). ±∞ and NaN take the general path.
  const first = values[0]!;
  if (Number.isFinite(first) && sameValue(values)) return { mean: first, sd: 0, p5: first, p10: first, p25: first, p50: first, p75: first, p90: first, p95: first };
  let ranks = summaryRanks.get(n);
  if (!ranks) {
    ranks = neededRanks(n, PERCENTILES);
    if (summaryRanks.size > 64) summaryRanks.clear();
    summaryRanks.set(n, ranks);
  }
  // One pass for the mean and the histogram, one for the deviations and the gathering.
  const { mean, sd, values: found } = momentsAndOrderStatistics(values, ranks.needed);
  const [p5, p10, p25, p50, p75, p90, p95] = interpolate(ranks.positions, ranks.needed, found) as [number, number, number, number, number, number, number];
  return { mean, sd, p5, p10, p25, p50, p75, p90, p95 };
}

/** Stats per month of a month-major per-trial-month series; `onProgress` hears (months done, months). */
export function summarizeMonths(values: Float64Array, trials: number, labels: readonly string[], onProgress?: (done: number, total: number) => void): MonthStats[] {
  return summarizeEachMonth(labels, (m) => values.subarray(m * trials, (m + 1) * trials), onProgress);
}

/** Stats per month of the sample `sampleOf(m)` gives for month m (read before the next month is asked for); `onProgress` hears (months done, months). */
export function summarizeEachMonth(labels: readonly string[], sampleOf: (month: number) => Float64Array, onProgress?: (done: number, total: number) => void): MonthStats[] {
  return labels.map((month, m) => {
    const stats = { month, ...summarize(sampleOf(m)) };
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
