/**
 * Fit one candidate of the trend driver — a trend shape (linear, exponential, logistic) with
 * independent or AR(1) errors — and score it by AICc on the scale of the original values.
 */

import type { TrendModel, TrendModelFit, TrendNoise } from './trend.ts';
import { autoregressiveLogLikelihood, maximiseOverAutocorrelation } from './trend-fit-autocorrelation.ts';
import { fitStraightLine } from './trend-fit-line.ts';
import type { StraightLineFit } from './trend-fit-line.ts';
import { fitLogistic } from './trend-fit-logistic.ts';
import type { LogisticFit } from './trend-fit-logistic.ts';

/** Fewest history months for a logistic trend: 3 coefficients need curvature to be visible. */
export const MIN_LOGISTIC_MONTHS = 8;

/** The history, prepared once for every candidate. */
export interface PreparedHistory {
  readonly values: readonly number[];
  /** log of every value, or null when some value is ≤ 0 (no log-scale models then). */
  readonly logValues: readonly number[] | null;
  readonly sumLogValues: number;
  /** Mean |value|, which scales the variance floor of the linear fit. */
  readonly meanAbs: number;
}

export type CandidateOutcome = { readonly ok: true; readonly fit: Omit<TrendModelFit, 'weight'> } | { readonly ok: false; readonly reason: string };

/** Prepare consecutive monthly values (all finite) for candidate fits. */
export function prepareHistory(values: readonly number[]): PreparedHistory {
  let meanAbs = 0;
  for (const v of values) meanAbs += Math.abs(v);
  meanAbs /= values.length;
  const positive = values.every((v) => v > 0);
  const logValues = positive ? values.map(Math.log) : null;
  let sumLogValues = 0;
  if (logValues !== null) for (const v of logValues) sumLogValues += v;
  return { values, logValues, sumLogValues, meanAbs };
}

/**
 * AICc = −2·log L + 2k + 2k(k+1)/(n−k−1), where k counts the innovation variance and ρ as
 * parameters; undefined (Infinity) when n ≤ k + 1.
 */
function aicc(logLikelihood: number, n: number, k: number): number {
  if (n <= k + 1) return Number.POSITIVE_INFINITY;
  return -2 * logLikelihood + 2 * k + (2 * k * (k + 1)) / (n - k - 1);
}

/** Asymptotic standard error of an estimated AR(1) coefficient: √((1 − ρ²)/n). */
function autocorrelationSd(rho: number, n: number): number {
  return Math.sqrt((1 - rho * rho) / n);
}

interface CoreFit {
  readonly params: Record<string, number>;
  readonly paramNames: readonly string[];
  readonly unscaledCovariance: number[][];
  readonly rss: number;
}

function fromLine(line: StraightLineFit, model: 'linear' | 'exponential'): CoreFit {
  const params: Record<string, number> = { a: line.intercept, b: line.slope };
  if (model === 'exponential') params.growthPerMonth = Math.expm1(line.slope);
  return { params, paramNames: ['a', 'b'], unscaledCovariance: line.unscaledCovariance, rss: line.rss };
}

function fromLogistic(fit: LogisticFit): CoreFit {
  return {
    params: { logK: fit.logK, r: fit.r, t0: fit.t0, K: Math.exp(fit.logK) },
    paramNames: ['logK', 'r', 't0'],
    unscaledCovariance: fit.unscaledCovariance,
    rss: fit.rss,
  };
}

/** Fit `model` with `noise` errors to the prepared history; the reason in words when it cannot. */
export function fitCandidate(model: TrendModel, noise: TrendNoise, history: PreparedHistory): CandidateOutcome {
  const { values, logValues } = history;
  const n = values.length;
  const logScale = model !== 'linear';
  if (logScale && logValues === null) return { ok: false, reason: 'it needs every month above 0' };
  if (model === 'logistic' && n < MIN_LOGISTIC_MONTHS) {
    return { ok: false, reason: `it needs at least ${MIN_LOGISTIC_MONTHS} months of history` };
  }
  const z = logScale ? (logValues as readonly number[]) : values;
  // A perfect fit would have log L = +∞; the floor keeps AICc finite and comparable.
  const varianceFloor = logScale ? 1e-24 : (1e-12 * Math.max(history.meanAbs, 1e-300)) ** 2;

  let fitAt: (rho: number) => CoreFit | null;
  if (model === 'logistic') {
    const independent = fitLogistic(values, 0);
    if (!independent.ok) return independent;
    const start = [independent.fit.logK, independent.fit.r, independent.fit.t0];
    fitAt = (rho) => {
      if (rho === 0) return fromLogistic(independent.fit);
      const outcome = fitLogistic(values, rho, start);
      return outcome.ok ? fromLogistic(outcome.fit) : null;
    };
  } else {
    fitAt = (rho) => {
      const line = fitStraightLine(z, rho);
      return line === null ? null : fromLine(line, model);
    };
  }

  let rho = 0;
  if (noise === 'ar1') {
    const best = maximiseOverAutocorrelation((r) => {
      const fit = fitAt(r);
      return fit === null ? null : autoregressiveLogLikelihood(fit.rss, n, r, varianceFloor);
    });
    if (best === null) return { ok: false, reason: 'no fit with autocorrelated errors' };
    rho = best;
  }
  const core = fitAt(rho);
  if (core === null) return { ok: false, reason: 'the fit failed at the estimated autocorrelation' };

  const p = core.paramNames.length;
  const q = noise === 'ar1' ? 1 : 0;
  const dof = n - p - q;
  if (dof < 1) return { ok: false, reason: `it needs more than ${p + q} months of history` };
  const innovationVariance = core.rss / dof;
  const innovationSd = Math.sqrt(innovationVariance);
  // On the log scale y = e^z, so f(y) = f(z)·|dz/dy| = f(z)/y: log L(y) = log L(z) − Σ log y.
  // That puts the log-scale candidates on the same footing as the linear one.
  const jacobian = logScale ? history.sumLogValues : 0;
  const logLikelihood = autoregressiveLogLikelihood(core.rss, n, rho, varianceFloor) - jacobian;
  return {
    ok: true,
    fit: {
      model,
      noise,
      params: core.params,
      paramNames: core.paramNames,
      covariance: core.unscaledCovariance.map((row) => row.map((v) => v * innovationVariance)),
      residualSd: innovationSd / Math.sqrt(1 - rho * rho),
      residualScale: logScale ? 'log' : 'level',
      innovationSd,
      autocorrelation: rho,
      autocorrelationSd: noise === 'ar1' ? autocorrelationSd(rho, n) : 0,
      lastValue: values[n - 1] as number,
      aicc: aicc(logLikelihood, n, p + 1 + q),
      n,
    },
  };
}
