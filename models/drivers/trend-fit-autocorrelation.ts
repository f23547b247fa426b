/**
 * AR(1) errors for trend fits: month-to-month persistence of the deviations from the trend,
 * u_t = ρ·u_{t−1} + η_t with η ~ N(0, σ²). Real usage series wander around their trend for
 * months at a time; treating such deviations as independent makes bands far too narrow.
 * ρ is estimated by maximising the exact (Prais–Winsten) profile likelihood.
 */

/** Largest autocorrelation considered: beyond it the trend's level is no longer identified. */
export const MAX_AUTOCORRELATION = 0.98;
/** Smallest (most negative) autocorrelation considered. */
export const MIN_AUTOCORRELATION = -0.9;

/**
 * Prais–Winsten whitening: w₀ = √(1−ρ²)·v₀, w_t = v_t − ρ·v_{t−1}. Turns AR(1) errors into
 * independent ones with the innovation variance, so least squares on w is exact ML given ρ.
 */
export function praisWinsten(values: readonly number[], rho: number): number[] {
  const n = values.length;
  const out = new Array<number>(n);
  if (n === 0) return out;
  out[0] = Math.sqrt(1 - rho * rho) * (values[0] as number);
  for (let t = 1; t < n; t++) out[t] = (values[t] as number) - rho * (values[t - 1] as number);
  return out;
}

/**
 * Gaussian log-likelihood of n AR(1) errors at coefficient ρ, with the innovation variance at
 * its maximum rss/n (rss: sum of squared whitened residuals). ρ = 0 gives the independent case.
 */
export function autoregressiveLogLikelihood(rss: number, n: number, rho: number, varianceFloor: number): number {
  const variance = Math.max(rss / n, varianceFloor);
  return -0.5 * n * (Math.log(2 * Math.PI * variance) + 1) + 0.5 * Math.log(1 - rho * rho);
}

const GRID_STEP = 0.1;
const GOLDEN = (Math.sqrt(5) - 1) / 2;

/**
 * ρ in [MIN_AUTOCORRELATION, MAX_AUTOCORRELATION] maximising `logLikelihood` (null where a
 * fit fails): a coarse grid, then golden-section search between the best point's neighbours.
 */
export function maximiseOverAutocorrelation(logLikelihood: (rho: number) => number | null): number | null {
  const grid: number[] = [];
  for (let rho = MIN_AUTOCORRELATION; rho < MAX_AUTOCORRELATION - 1e-9; rho += GRID_STEP) grid.push(Math.round(rho * 1e6) / 1e6);
  grid.push(MAX_AUTOCORRELATION);
  const value = (rho: number): number => {
    const v = logLikelihood(rho);
    return v === null || !Number.isFinite(v) ? Number.NEGATIVE_INFINITY : v;
  };
  const values = grid.map(value);
  let best = 0;
  for (let i = 1; i < grid.length; i++) if ((values[i] as number) > (values[best] as number)) best = i;
  if (!Number.isFinite(values[best] as number)) return null;
  let lo = grid[Math.max(best - 1, 0)] as number;
  let hi = grid[Math.min(best + 1, grid.length - 1)] as number;
  let x1 = hi - GOLDEN * (hi - lo);
  let x2 = lo + GOLDEN * (hi - lo);
  let f1 = value(x1);
  let f2 = value(x2);
  // 20 golden steps shrink the bracket (0.2 wide) to 1.3e-5.
  for (let iteration = 0; iteration < 20; iteration++) {
    if (f1 >= f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - GOLDEN * (hi - lo);
      f1 = value(x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + GOLDEN * (hi - lo);
      f2 = value(x2);
    }
  }
  const refined = (lo + hi) / 2;
  return value(refined) >= (values[best] as number) ? refined : (grid[best] as number);
}
