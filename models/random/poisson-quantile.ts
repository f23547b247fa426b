/**
 * Poisson inverse CDF from our own uniforms (jstat's Poisson sampler calls Math.random, so it
 * can be neither seeded nor stratified).
 *
 * Mean ≤ 10⁶: an exact table. The probabilities of the counts within mean ± (10·√mean + 10) are
 * built by the ratio recurrence p(k+1) = p(k)·mean/(k+1) outward from the mode, normalised by
 * their sum; the mass left outside is below 1e-20, far under the 2⁻³³ resolution of a uniform.
 * The table has at most ~20,000 entries and a guide table makes each lookup O(1).
 *
 * Mean > 10⁶: a Cornish–Fisher expansion (skewness 1/√mean and excess kurtosis 1/mean) with a
 * continuity correction. Its error is a small fraction of a count, so a draw is off by one count
 * (in a million or more) only when its exact quantile sits at a rounding boundary: about 1 draw
 * in 10⁴ at means 10⁶–10⁷, measured against the exact table.
 */

import { createCumulativeSearch } from './cumulative-search.ts';
import { inverseNormalCdf } from './normal.ts';

/** Largest mean served by the exact table; above it the Cornish–Fisher expansion takes over. */
export const POISSON_TABLE_MAX_MEAN = 1e6;

/** The exact cumulative table of Poisson(mean) over its window: cdf[i] = P(X ≤ start + i). */
export function poissonCumulativeTable(mean: number): { start: number; cdf: Float64Array } {
  const halfWidth = Math.ceil(10 * Math.sqrt(mean) + 10);
  const mode = Math.floor(mean);
  const start = Math.max(0, mode - halfWidth);
  const end = mode + halfWidth;
  const weights = new Float64Array(end - start + 1);
  // Relative weights around the mode (weight 1), so nothing under- or overflows for any mean.
  weights[mode - start] = 1;
  for (let k = mode + 1; k <= end; k++) weights[k - start] = ((weights[k - 1 - start] as number) * mean) / k;
  for (let k = mode - 1; k >= start; k--) weights[k - start] = ((weights[k + 1 - start] as number) * (k + 1)) / mean;
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i] as number;
  let running = 0;
  for (let i = 0; i < weights.length; i++) {
    running += weights[i] as number;
    weights[i] = running / total;
  }
  weights[weights.length - 1] = 1;
  return { start, cdf: weights };
}

/** Cornish–Fisher quantile of Poisson(mean), a count, for a large mean and a probability u in (0, 1). */
export function poissonQuantileCornishFisher(mean: number, u: number): number {
  const z = inverseNormalCdf(u);
  const sd = Math.sqrt(mean);
  const skew = 1 / sd;
  const z2 = z * z;
  const w = z + ((z2 - 1) * skew) / 6 + ((z2 * z - 3 * z) / mean) / 24 - ((2 * z2 * z - 5 * z) / mean) / 36;
  // The continuous approximation G satisfies F(k) ≈ G(k + ½): the smallest k with F(k) ≥ u.
  const k = Math.ceil(mean + sd * w - 0.5);
  return k > 0 ? k : 0;
}

/** The quantile function of Poisson(mean), mean ≥ 0: u in (0, 1) → a count. */
export function poissonQuantileFunction(mean: number): (u: number) => number {
  if (mean === 0) return () => 0;
  if (mean > POISSON_TABLE_MAX_MEAN) return (u) => poissonQuantileCornishFisher(mean, u);
  const { start, cdf } = poissonCumulativeTable(mean);
  const search = createCumulativeSearch(cdf);
  return (u) => start + search(u);
}
