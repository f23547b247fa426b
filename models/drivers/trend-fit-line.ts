/**
 * Least squares of a series on a straight line in time, t = 0..n−1, with independent errors or
 * with AR(1) errors (generalised least squares by the Prais–Winsten transform). Serves both the
 * linear trend (on the values) and the exponential trend (on their logarithms).
 */

import { invertPositiveDefinite } from './trend-fit-cholesky.ts';
import { praisWinsten } from './trend-fit-autocorrelation.ts';

export interface StraightLineFit {
  /** Fitted value at t = 0, in the units of `y`. */
  readonly intercept: number;
  /** Change per month, in the units of `y`. */
  readonly slope: number;
  /**
   * Sum of squared whitened residuals (the ordinary residual sum of squares when ρ = 0), in
   * the units of `y` squared: n times the ML innovation variance.
   */
  readonly rss: number;
  /**
   * (X̃ᵀX̃)⁻¹ for the whitened design [1, t], rows and columns (intercept, slope). Multiplied by
   * the innovation variance it is the sampling covariance of the two coefficients.
   */
  readonly unscaledCovariance: number[][];
}

/**
 * Line through y[t] at t = 0..n−1 (n ≥ 3) by least squares, errors AR(1) with coefficient `rho`
 * (0: ordinary least squares); coefficients in y's units and y's units per month.
 */
export function fitStraightLine(y: readonly number[], rho = 0): StraightLineFit | null {
  const n = y.length;
  if (n < 3) throw new RangeError(`a straight-line fit needs at least 3 points, got ${n}`);
  // Whiten the response and the two design columns, then solve the 2×2 normal equations.
  const ones = praisWinsten(
    Array.from({ length: n }, () => 1),
    rho,
  );
  const times = praisWinsten(
    Array.from({ length: n }, (_, t) => t),
    rho,
  );
  const response = praisWinsten(y, rho);
  let s11 = 0;
  let s12 = 0;
  let s22 = 0;
  let s1y = 0;
  let s2y = 0;
  for (let t = 0; t < n; t++) {
    const x1 = ones[t] as number;
    const x2 = times[t] as number;
    const v = response[t] as number;
    s11 += x1 * x1;
    s12 += x1 * x2;
    s22 += x2 * x2;
    s1y += x1 * v;
    s2y += x2 * v;
  }
  const unscaledCovariance = invertPositiveDefinite([
    [s11, s12],
    [s12, s22],
  ]);
  if (unscaledCovariance === null) return null;
  const [[c11, c12], [, c22]] = unscaledCovariance as [[number, number], [number, number]];
  const intercept = c11 * s1y + c12 * s2y;
  const slope = c12 * s1y + c22 * s2y;
  let rss = 0;
  for (let t = 0; t < n; t++) {
    const w = (response[t] as number) - intercept * (ones[t] as number) - slope * (times[t] as number);
    rss += w * w;
  }
  return { intercept, slope, rss, unscaledCovariance };
}
