/**
 * Logistic (S-curve) trend y = K / (1 + exp(−r·(t − t0))) fitted by nonlinear least squares on
 * log y with Levenberg–Marquardt. Working on logs makes the noise multiplicative, as in the
 * exponential trend (usage noise grows with the level), and lets the two share one likelihood.
 * Parameters are θ = (log K, r, t0): log K keeps the saturation level positive and makes its
 * sampling distribution closer to normal than K's own right-skewed one.
 */

import { invertPositiveDefinite, solvePositiveDefinite } from './trend-fit-cholesky.ts';

export interface LogisticFit {
  /** Natural log of the saturation level K (K in the units of y). */
  readonly logK: number;
  /** Growth rate per month (negative for a declining S-curve). */
  readonly r: number;
  /** Month index of the midpoint, where y = K/2 (may lie outside the history). */
  readonly t0: number;
  /** Sum of squared (whitened, when ρ ≠ 0) residuals of log y. */
  readonly rss: number;
  /** (J̃ᵀJ̃)⁻¹ at the optimum, rows and columns (logK, r, t0); times σ² it is the covariance. */
  readonly unscaledCovariance: number[][];
  readonly iterations: number;
}

export type LogisticFitOutcome = { readonly ok: true; readonly fit: LogisticFit } | { readonly ok: false; readonly reason: string };

/** log(1 + eᵘ) without overflow for large u or loss of precision for very negative u. */
export function softplus(u: number): number {
  return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
}

/** log of the logistic curve at month t: log K − log(1 + exp(−r·(t − t0))). */
export function logisticLog(logK: number, r: number, t0: number, t: number): number {
  return logK - softplus(-r * (t - t0));
}

/** Saturation multiples of max(y) tried as starting values; the best linearised fit seeds LM. */
const START_MULTIPLES = [1.02, 1.05, 1.1, 1.2, 1.35, 1.5, 2, 3, 5, 10];
/** Beyond this multiple of the largest observation the saturation level is not identified. */
export const MAX_SATURATION_MULTIPLE = 50;
const MAX_ITERATIONS = 300;

/** Sum of squared log-scale residuals at θ, whitened for AR(1) errors with coefficient ρ. */
function sumOfSquares(logY: readonly number[], theta: readonly number[], rho: number): number {
  const [logK, r, t0] = theta as [number, number, number];
  let previous = 0;
  let sse = 0;
  for (let t = 0; t < logY.length; t++) {
    const e = (logY[t] as number) - logisticLog(logK, r, t0, t);
    const w = t === 0 ? Math.sqrt(1 - rho * rho) * e : e - rho * previous;
    previous = e;
    sse += w * w;
  }
  return sse;
}

/**
 * Starting values by linearisation: for a guessed K, log(K/y − 1) = −r·t + r·t0 is a straight
 * line, so a least-squares line gives r and t0; keep the guess with the smallest log-scale SSE.
 */
function startingValues(y: readonly number[]): number[] | null {
  const n = y.length;
  let maxY = 0;
  for (const v of y) maxY = Math.max(maxY, v);
  let best: number[] | null = null;
  let bestSse = Number.POSITIVE_INFINITY;
  const logY = y.map(Math.log);
  const tMean = (n - 1) / 2;
  const stt = (n * (n * n - 1)) / 12;
  for (const multiple of START_MULTIPLES) {
    const k = multiple * maxY;
    let zMean = 0;
    const z = y.map((v) => Math.log(k / v - 1));
    for (const v of z) zMean += v;
    zMean /= n;
    let stz = 0;
    for (let t = 0; t < n; t++) stz += (t - tMean) * ((z[t] as number) - zMean);
    const slope = stz / stt;
    const r = -slope;
    if (!Number.isFinite(r) || Math.abs(r) < 1e-9) continue;
    const t0 = (zMean - slope * tMean) / r;
    const theta = [Math.log(k), r, t0];
    const sse = sumOfSquares(logY, theta, 0);
    if (sse < bestSse) {
      bestSse = sse;
      best = theta;
    }
  }
  return best;
}

/** Normal equations J̃ᵀJ̃ and gradient J̃ᵀw of the whitened log-scale residuals at θ. */
function normalEquations(logY: readonly number[], theta: readonly number[], rho: number): { jtj: number[][]; jte: number[] } {
  const [logK, r, t0] = theta as [number, number, number];
  const jtj = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  const jte = [0, 0, 0];
  const row = [0, 0, 0];
  const previousRow = [0, 0, 0];
  let previousE = 0;
  const firstWeight = Math.sqrt(1 - rho * rho);
  for (let t = 0; t < logY.length; t++) {
    const u = -r * (t - t0);
    // d/du softplus(u) is the logistic function of u.
    const sigmoid = 1 / (1 + Math.exp(-u));
    const e = (logY[t] as number) - (logK - softplus(u));
    const d0 = 1;
    const d1 = sigmoid * (t - t0);
    const d2 = -sigmoid * r;
    let w: number;
    if (t === 0) {
      w = firstWeight * e;
      row[0] = firstWeight * d0;
      row[1] = firstWeight * d1;
      row[2] = firstWeight * d2;
    } else {
      w = e - rho * previousE;
      row[0] = d0 - rho * (previousRow[0] as number);
      row[1] = d1 - rho * (previousRow[1] as number);
      row[2] = d2 - rho * (previousRow[2] as number);
    }
    previousE = e;
    previousRow[0] = d0;
    previousRow[1] = d1;
    previousRow[2] = d2;
    for (let i = 0; i < 3; i++) {
      const ri = row[i] as number;
      jte[i] = (jte[i] as number) + ri * w;
      const ji = jtj[i] as number[];
      for (let j = 0; j < 3; j++) ji[j] = (ji[j] as number) + ri * (row[j] as number);
    }
  }
  return { jtj, jte };
}

/**
 * Levenberg–Marquardt fit of the logistic curve to positive monthly values y (t = 0..n−1),
 * log-scale errors AR(1) with coefficient `rho` (0: independent). `start` (log K, r, t0)
 * replaces the linearised starting values, e.g. the fit at a neighbouring ρ.
 */
export function fitLogistic(y: readonly number[], rho = 0, start?: readonly number[]): LogisticFitOutcome {
  let maxY = 0;
  for (const v of y) maxY = Math.max(maxY, v);
  const logY = y.map(Math.log);
  const initial = start ?? startingValues(y);
  if (initial === null) return { ok: false, reason: 'the history shows no growth or decline to fit an S-curve to' };

  let theta: number[] = [...initial];
  let sse = sumOfSquares(logY, theta, rho);
  // Marquardt's scaling of the damping by diag(JᵀJ) makes it insensitive to the very different
  // units of log K, r (per month) and t0 (months).
  let lambda = 1e-3;
  let iterations = 0;
  let converged = false;
  const maxLogK = Math.log(MAX_SATURATION_MULTIPLE * maxY);
  const notIdentified = {
    ok: false,
    reason: `the saturation level is not identified by this history (the best fit puts it above ${MAX_SATURATION_MULTIPLE}× the largest value)`,
  } as const;
  for (; iterations < MAX_ITERATIONS && !converged; iterations++) {
    // Pure exponential growth drives K to infinity one slow step at a time: stop early.
    if ((theta[0] as number) > maxLogK + 1) return notIdentified;
    const { jtj, jte } = normalEquations(logY, theta, rho);
    // Raise the damping until a step goes downhill (or none can).
    for (;;) {
      const damped = jtj.map((row, i) => row.map((v, j) => (i === j ? v * (1 + lambda) + 1e-300 : v)));
      const step = solvePositiveDefinite(damped, jte);
      if (step !== null) {
        const candidate: number[] = theta.map((v, i) => v + (step[i] as number));
        const candidateSse = sumOfSquares(logY, candidate, rho);
        if (Number.isFinite(candidateSse) && candidateSse <= sse) {
          const relativeGain = (sse - candidateSse) / Math.max(sse, 1e-300);
          const relativeStep = Math.max(...step.map((s, i) => Math.abs(s) / (Math.abs(theta[i] ?? 0) + 1e-6)));
          theta = candidate;
          sse = candidateSse;
          lambda = Math.max(lambda / 10, 1e-12);
          if (relativeGain < 1e-12 || relativeStep < 1e-10) converged = true;
          break;
        }
      }
      lambda *= 10;
      if (lambda > 1e12) {
        // No downhill step at any damping: θ is a (numerical) minimum.
        converged = true;
        break;
      }
    }
  }
  if (!converged) return { ok: false, reason: `the S-curve fit did not converge in ${MAX_ITERATIONS} iterations` };

  const [logK, r, t0] = theta as [number, number, number];
  if (!Number.isFinite(logK) || !Number.isFinite(r) || !Number.isFinite(t0)) {
    return { ok: false, reason: 'the S-curve fit diverged' };
  }
  if (logK > maxLogK) return notIdentified;
  const { jtj } = normalEquations(logY, theta, rho);
  const unscaledCovariance = invertPositiveDefinite(jtj);
  if (unscaledCovariance === null) {
    return { ok: false, reason: 'the S-curve parameters are not identified by this history' };
  }
  return { ok: true, fit: { logK, r, t0, rss: sse, unscaledCovariance, iterations } };
}
