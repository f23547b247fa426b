/**
 * The shape of a sample for charts: 101 percentiles (an exact CDF at 1 % steps, from the full
 * sample) and an equal-width histogram. Results never hold raw trials, so this is what the
 * app draws histograms, CDFs and the drivers' mini histograms from.
 */
import { percentilesInPlace } from './stats.ts';
import type { SampleShape } from './result.ts';

/** Histogram bins of a sample shape. */
export const SHAPE_BINS = 40;

const PERCENT_STEPS = Array.from({ length: 101 }, (_, p) => p);

/**
 * Percentiles 0…100 and a histogram of `values` (left untouched). The histogram spans the
 * 0.5th to the 99.5th percentile so that a few extreme trials do not squash the picture; the
 * trials outside fall into the first and last bins, so the counts still add up to the sample.
 */
export function sampleShape(values: Float64Array, bins = SHAPE_BINS): SampleShape {
  // One selection for the 101 percentiles and the histogram's span (on a copy: small samples are reordered).
  const found = percentilesInPlace(Float64Array.from(values), [...PERCENT_STEPS, 0.5, 99.5]);
  const percentiles = found.slice(0, PERCENT_STEPS.length);
  const [min, max] = found.slice(PERCENT_STEPS.length) as [number, number];
  return { percentiles, histogram: { min, max, counts: histogramCounts(values, min, max, bins) } };
}

/**
 * Counts of `values` in `bins` equal bins over [min, max], values outside in the end bins. (A
 * loop in a function of its own, returning as soon as it ends: V8 compiles a loop while it runs,
 * and code compiled so would be thrown away at whatever follows the loop, call after call.)
 */
function histogramCounts(values: Float64Array, min: number, max: number, bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  const width = (max - min) / bins;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const bin = width > 0 ? Math.floor((v - min) / width) : 0;
    counts[Math.min(bins - 1, Math.max(0, bin))]! += 1;
  }
  return counts;
}
