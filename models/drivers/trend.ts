/**
 * The `trend` driver's statistics: fit a monthly history with a linear, exponential or
 * logistic trend (or let AICc weigh them), then project it over the forecast with parameter,
 * model and residual uncertainty. See docs/trend.md for the method and its backtest figures.
 */

import { choleskyLower } from './trend-fit-cholesky.ts';
import { MAX_AUTOCORRELATION, MIN_AUTOCORRELATION } from './trend-fit-autocorrelation.ts';
import { MIN_LOGISTIC_MONTHS, fitCandidate, prepareHistory } from './trend-fit-candidate.ts';
import { softplus } from './trend-fit-logistic.ts';

export { MIN_LOGISTIC_MONTHS } from './trend-fit-candidate.ts';

export type TrendModel = 'linear' | 'exponential' | 'logistic';
export type TrendModelChoice = 'auto' | TrendModel;
/** Deviations from the trend: independent month to month, or AR(1) (persisting). */
export type TrendNoise = 'independent' | 'ar1';

/** One fitted candidate: estimates, their sampling covariance and the fit's statistics. */
export interface TrendModelFit {
  readonly model: TrendModel;
  readonly noise: TrendNoise;
  /**
   * Point estimates. linear: a (value at the first history month), b (change per month);
   * exponential: a, b of log y = a + b·t, and growthPerMonth = e^b − 1; logistic: logK, r
   * (per month), t0 (midpoint month index) and K = e^logK.
   */
  readonly params: Readonly<Record<string, number>>;
  /** Names (keys of `params`) of the rows and columns of `covariance`, in order. */
  readonly paramNames: readonly string[];
  /** Sampling covariance of the `paramNames` parameters (innovation variance × (X̃ᵀX̃)⁻¹). */
  readonly covariance: number[][];
  /** Standard deviation of the deviations from the trend; see `residualScale`. */
  readonly residualSd: number;
  /** 'level': additive noise in the series' units; 'log': multiplicative noise on log values (≈ CV). */
  readonly residualScale: 'level' | 'log';
  /** Standard deviation of the AR(1) innovations (n − p − 1 degrees of freedom); = residualSd when independent. */
  readonly innovationSd: number;
  /** Lag-1 autocorrelation ρ of the deviations (0 when independent). */
  readonly autocorrelation: number;
  /** Standard error of ρ, √((1 − ρ²)/n) (0 when independent). */
  readonly autocorrelationSd: number;
  /** Last history value (series units): with AR(1) errors its deviation carries into the forecast. */
  readonly lastValue: number;
  /** Small-sample Akaike criterion on the scale of the original values (lower is better). */
  readonly aicc: number;
  /** Akaike weight among the candidates, exp(−ΔAICc/2) normalised to sum to 1. */
  readonly weight: number;
  /** Number of history months fitted. */
  readonly n: number;
}

/** The fit the trend driver keeps: the best candidate's fields plus every candidate. */
export interface TrendFit extends TrendModelFit {
  /** What was asked for. */
  readonly choice: TrendModelChoice;
  /** Every candidate that fitted, best (lowest AICc) first; projections mix them by weight. */
  readonly candidates: readonly TrendModelFit[];
  /** Candidates that were tried but could not be fitted, with the reason in words. */
  readonly skipped: readonly { readonly model: TrendModel; readonly noise: TrendNoise; readonly reason: string }[];
}

export type TrendFitErrorCode = 'too-short' | 'not-finite' | 'not-positive' | 'no-fit';

export interface TrendFitError {
  readonly error: TrendFitErrorCode;
  /** A sentence for the user that names the series and the fix. */
  readonly message: string;
}

export interface TrendFitOptions {
  /** Error structures to try (default both: the Akaike weights decide). */
  readonly noise?: readonly TrendNoise[];
}

/** Fewest history months for a linear or exponential trend (2 coefficients + noise, AICc needs n > 4). */
export const MIN_TREND_MONTHS = 6;

const MODELS: readonly TrendModel[] = ['linear', 'exponential', 'logistic'];
const NOISES: readonly TrendNoise[] = ['independent', 'ar1'];

/** True when `fitTrend` could not fit the history. */
export function isTrendFitError(result: TrendFit | TrendFitError): result is TrendFitError {
  return 'error' in result;
}

function monthsWord(n: number): string {
  return n === 1 ? '1 month' : `${n} months`;
}

/**
 * Fit a trend to consecutive monthly values (t = 0..n−1, series units). Every candidate
 * (model × error structure; `auto` tries all three models) gets an Akaike weight; the best
 * one's fields head the result. `series` names the history in messages.
 */
export function fitTrend(
  values: readonly number[],
  model: TrendModelChoice,
  series = 'history',
  options: TrendFitOptions = {},
): TrendFit | TrendFitError {
  const n = values.length;
  const label = model === 'auto' ? 'trend' : `${model} trend`;
  const minimum = model === 'logistic' ? MIN_LOGISTIC_MONTHS : MIN_TREND_MONTHS;
  if (n < minimum) {
    return {
      error: 'too-short',
      message: `${label} needs at least ${monthsWord(minimum)} of history, '${series}' has ${n}`,
    };
  }
  const badIndex = values.findIndex((v) => !Number.isFinite(v));
  if (badIndex >= 0) {
    return {
      error: 'not-finite',
      message: `'${series}' month ${badIndex + 1} of ${n} is not a finite number (${String(values[badIndex])})`,
    };
  }
  const nonPositiveIndex = values.findIndex((v) => v <= 0);
  if (nonPositiveIndex >= 0 && (model === 'exponential' || model === 'logistic')) {
    return {
      error: 'not-positive',
      message: `${label} needs every month of '${series}' above 0, month ${nonPositiveIndex + 1} of ${n} is ${String(values[nonPositiveIndex])}; use the linear model`,
    };
  }
  const history = prepareHistory(values);
  const fits: Omit<TrendModelFit, 'weight'>[] = [];
  const skipped: { model: TrendModel; noise: TrendNoise; reason: string }[] = [];
  for (const candidate of model === 'auto' ? MODELS : [model]) {
    for (const noise of options.noise ?? NOISES) {
      const outcome = fitCandidate(candidate, noise, history);
      if (outcome.ok) fits.push(outcome.fit);
      else skipped.push({ model: candidate, noise, reason: outcome.reason });
    }
  }
  if (fits.length === 0) {
    const reasons = skipped.map((s) => `${s.model} with ${s.noise} errors: ${s.reason}`).join('; ');
    return { error: 'no-fit', message: `${label} could not be fitted to '${series}' (${reasons})` };
  }
  // Akaike weights: the relative likelihood of each candidate given the data, exp(−ΔAICc/2).
  const minAicc = Math.min(...fits.map((f) => f.aicc));
  const relative = fits.map((f) => Math.exp(-(f.aicc - minAicc) / 2));
  const total = relative.reduce((sum, v) => sum + v, 0);
  // The sort is stable: among equal AICc the simpler candidate (tried first) stays first.
  const candidates = fits.map((f, j) => ({ ...f, weight: (relative[j] as number) / total })).sort((x, y) => x.aicc - y.aicc);
  const best = candidates[0] as TrendModelFit;
  return { ...best, choice: model, candidates, skipped };
}

/** Largest exponent kept in projected log values, so every projected value stays finite. */
const MAX_LOG_VALUE = 700;
/** Floor of the Wilson–Hilferty cube root: caps the variance multiplier ν/χ² at 1000. */
const MIN_CHI_SQUARE_ROOT = 0.1;
/** Trials computed together before their values are written out month-major. */
const TRIAL_BLOCK = 256;
/** Parameter draws taken per trial whatever the model, so the draw count per trial is fixed. */
const PARAMETER_DRAWS = 3;
/** Standard normal draws per trial besides one per step: candidate, variance, parameters, ρ. */
export const TREND_DRAWS_PER_TRIAL = 3 + PARAMETER_DRAWS;

/**
 * Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9), used
 * only to turn cumulative candidate weights into thresholds for the candidate draw.
 */
function normalQuantile(p: number): number {
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const tail = (q: number): number =>
    (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}

/** Trend shapes as small integers so the trial loop branches on a number, not a string. */
const LINEAR = 0;
const EXPONENTIAL = 1;
const LOGISTIC = 2;
type Kind = typeof LINEAR | typeof EXPONENTIAL | typeof LOGISTIC;

/**
 * Per-candidate constants of the projection in flat typed arrays, one entry (or block of
 * entries) per candidate: the trial loop reads numbers only, so V8 keeps it optimised
 * (objects whose fields are sometimes small integers and sometimes doubles change hidden
 * class and deoptimise it).
 */
interface ProjectionPlans {
  readonly kind: Uint8Array;
  /** θ̂ padded to PARAMETER_DRAWS entries per candidate. */
  readonly estimate: Float64Array;
  /** Row-major lower Cholesky factor of each covariance, PARAMETER_DRAWS² entries per candidate. */
  readonly lower: Float64Array;
  readonly innovationSd: Float64Array;
  readonly rho: Float64Array;
  readonly rhoSd: Float64Array;
  /** Last history value on the fit's scale (value or log value). */
  readonly lastZ: Float64Array;
  /** Wilson–Hilferty constants for χ² with ν = n − p − (1 with AR(1)) degrees of freedom. */
  readonly whMean: Float64Array;
  readonly whSd: Float64Array;
}

function projectionPlans(members: readonly TrendModelFit[]): ProjectionPlans {
  const count = members.length;
  const plans: ProjectionPlans = {
    kind: new Uint8Array(count),
    estimate: new Float64Array(count * PARAMETER_DRAWS),
    lower: new Float64Array(count * PARAMETER_DRAWS * PARAMETER_DRAWS),
    innovationSd: new Float64Array(count),
    rho: new Float64Array(count),
    rhoSd: new Float64Array(count),
    lastZ: new Float64Array(count),
    whMean: new Float64Array(count),
    whSd: new Float64Array(count),
  };
  members.forEach((fit, j) => {
    const p = fit.paramNames.length;
    const estimate = fit.paramNames.map((name) => fit.params[name] ?? Number.NaN);
    const factor = choleskyLower(fit.covariance, true);
    const kind: Kind = fit.model === 'linear' ? LINEAR : fit.model === 'exponential' ? EXPONENTIAL : LOGISTIC;
    const lastZ = kind === LINEAR ? fit.lastValue : Math.log(fit.lastValue);
    const dof = fit.n - p - (fit.noise === 'ar1' ? 1 : 0);
    if (
      p > PARAMETER_DRAWS ||
      factor === null ||
      estimate.some((v) => !Number.isFinite(v)) ||
      !(fit.innovationSd >= 0) ||
      !Number.isFinite(lastZ) ||
      !(Math.abs(fit.autocorrelation) < 1) ||
      !(fit.autocorrelationSd >= 0) ||
      !(dof >= 1)
    ) {
      throw new RangeError(`the ${fit.model} trend fit has invalid parameters or covariance`);
    }
    plans.kind[j] = kind;
    estimate.forEach((v, r) => {
      plans.estimate[j * PARAMETER_DRAWS + r] = v;
    });
    const offset = j * PARAMETER_DRAWS * PARAMETER_DRAWS;
    for (let r = 0; r < p; r++) for (let c = 0; c <= r; c++) plans.lower[offset + r * PARAMETER_DRAWS + c] = factor[r]?.[c] ?? 0;
    plans.innovationSd[j] = fit.innovationSd;
    plans.rho[j] = fit.autocorrelation;
    plans.rhoSd[j] = fit.autocorrelationSd;
    plans.lastZ[j] = lastZ;
    // Wilson–Hilferty: χ²_ν ≈ ν·(1 − 2/(9ν) + g·√(2/(9ν)))³ with g standard normal.
    plans.whMean[j] = 1 - 2 / (9 * dof);
    plans.whSd[j] = Math.sqrt(2 / (9 * dof));
  });
  return plans;
}

/** The trend at month t on the fit's scale: a + b·t, or log K − log(1 + e^{−r(t − t0)}). */
function trendAt(kind: number, a: number, b: number, c: number, t: number): number {
  return kind === LOGISTIC ? a - softplus(-b * (t - c)) : a + b * t;
}

/**
 * The fitted trend itself (the point estimate, no noise) at month indexes `t` of the history
 * (0 = its first month), in series units: a + b·t, e^{a + b·t} (the median of the log-scale
 * fit), or K / (1 + e^{−r(t − t0)}). For drawing the fit over the history it was fitted to.
 */
export function trendValues(fit: TrendModelFit, t: readonly number[]): number[] {
  const [a, b, c] = fit.paramNames.map((name) => fit.params[name] ?? Number.NaN) as [number, number, number | undefined];
  const kind = fit.model === 'linear' ? LINEAR : fit.model === 'exponential' ? EXPONENTIAL : LOGISTIC;
  return t.map((month) => {
    const z = trendAt(kind, a, b, c ?? 0, month);
    return kind === LINEAR ? z : Math.exp(z);
  });
}

/**
 * The AR(1) deviation g months after `deviation`, given one standard normal `draw`: ρ^g of it
 * plus the variance of g innovations, σ²(1 − ρ^{2g})/(1 − ρ²) (σ² itself when g = 1).
 */
function advanceDeviation(deviation: number, rho: number, sd: number, g: number, draw: number): number {
  if (g === 1) return rho * deviation + sd * draw;
  const decay = rho ** g;
  return decay * deviation + sd * Math.sqrt((1 - decay * decay) / (1 - rho * rho)) * draw;
}

/**
 * Per-trial paths of the trend at future months t = n−1+k (series units, clipped at ≥ 0),
 * month-major: out[m·trials + i] is step m of trial i; steps k ≥ 1 strictly increasing.
 * `normal` supplies standard normal draws, TREND_DRAWS_PER_TRIAL + steps per trial, in this
 * order: candidate, residual variance, three parameter draws, autocorrelation, one per step.
 */
export function projectTrend(
  fit: TrendFit,
  steps: readonly number[] | { readonly from: number; readonly count: number },
  trials: number,
  normal: () => number,
  out?: Float64Array,
): Float64Array {
  const stepList = 'from' in steps ? Array.from({ length: steps.count }, (_, m) => steps.from + m) : steps;
  const months = stepList.length;
  stepList.forEach((k, m) => {
    if (!Number.isInteger(k) || k < 1) throw new RangeError(`trend steps are whole months ahead (≥ 1), got ${k}`);
    if (m > 0 && k <= (stepList[m - 1] as number)) throw new RangeError('trend steps must be strictly increasing');
  });
  if (!Number.isInteger(trials) || trials < 1) throw new RangeError(`trials must be a positive integer, got ${trials}`);
  const result = out ?? new Float64Array(months * trials);
  if (result.length < months * trials) {
    throw new RangeError(`out holds ${result.length} values, ${months} months × ${trials} trials need ${months * trials}`);
  }
  // Projecting the Akaike-weighted mixture of the candidates makes the bands carry the
  // uncertainty about which model is right, not only the uncertainty within the best one.
  const members: readonly TrendModelFit[] = fit.candidates.length > 0 ? fit.candidates : [fit];
  const plans = projectionPlans(members);
  // A trial follows member j when its candidate draw falls below the j-th cumulative-weight quantile.
  const thresholds = new Float64Array(members.length);
  let cumulative = 0;
  members.forEach((member, j) => {
    cumulative += member.weight;
    thresholds[j] = j === members.length - 1 ? Number.POSITIVE_INFINITY : normalQuantile(cumulative);
  });
  const t = new Float64Array(months);
  const gap = new Float64Array(months);
  for (let m = 0; m < months; m++) {
    const k = stepList[m] as number;
    t[m] = fit.n - 1 + k;
    gap[m] = m === 0 ? k : k - (stepList[m - 1] as number);
  }
  const z = new Float64Array(PARAMETER_DRAWS);
  const theta = new Float64Array(PARAMETER_DRAWS);
  const lastT = fit.n - 1;
  // Trials are computed trial-major into a small block, then written month-major: writing
  // out[m·trials + i] trial by trial would touch a new cache line (and page) on every store.
  const blockTrials = Math.min(TRIAL_BLOCK, trials);
  const block = new Float64Array(blockTrials * months);

  for (let blockStart = 0; blockStart < trials; blockStart += blockTrials) {
    const blockEnd = Math.min(blockStart + blockTrials, trials);
    for (let i = blockStart; i < blockEnd; i++) {
      const pick = normal();
      let j = 0;
      while (pick >= (thresholds[j] as number)) j++;
      // σ² from its scaled inverse-χ² distribution, then θ from N(θ̂, σ²/σ̂² · Σ̂) and the
      // innovations from N(0, σ²): the Bayesian predictive under a flat prior, which for the
      // independent linear model is exactly the Student-t prediction interval.
      const root = Math.max((plans.whMean[j] as number) + (plans.whSd[j] as number) * normal(), MIN_CHI_SQUARE_ROOT);
      const scale = 1 / Math.sqrt(root * root * root);
      for (let k = 0; k < PARAMETER_DRAWS; k++) z[k] = normal();
      const rhoDraw = (plans.rho[j] as number) + (plans.rhoSd[j] as number) * normal();
      const rho = rhoDraw < MIN_AUTOCORRELATION ? MIN_AUTOCORRELATION : rhoDraw > MAX_AUTOCORRELATION ? MAX_AUTOCORRELATION : rhoDraw;
      const lowerOffset = j * PARAMETER_DRAWS * PARAMETER_DRAWS;
      for (let r = 0; r < PARAMETER_DRAWS; r++) {
        let sum = 0;
        for (let c = 0; c <= r; c++) sum += (plans.lower[lowerOffset + r * PARAMETER_DRAWS + c] as number) * (z[c] as number);
        theta[r] = (plans.estimate[j * PARAMETER_DRAWS + r] as number) + scale * sum;
      }
      const kind = plans.kind[j] as number;
      const a = theta[0] as number;
      const b = theta[1] as number;
      const c = theta[2] as number;
      const sd = scale * (plans.innovationSd[j] as number);
      // The deviation of the last history month under this trial's θ carries on as AR(1); with
      // independent errors ρ = 0 and it is forgotten at once.
      let deviation = (plans.lastZ[j] as number) - trendAt(kind, a, b, c, lastT);
      const row = (i - blockStart) * months;
      // One loop per shape keeps the per-month work branch-free.
      if (kind === LINEAR) {
        for (let m = 0; m < months; m++) {
          deviation = advanceDeviation(deviation, rho, sd, gap[m] as number, normal());
          const value = a + b * (t[m] as number) + deviation;
          block[row + m] = value > 0 ? value : 0;
        }
      } else if (kind === EXPONENTIAL) {
        for (let m = 0; m < months; m++) {
          deviation = advanceDeviation(deviation, rho, sd, gap[m] as number, normal());
          const logValue = a + b * (t[m] as number) + deviation;
          block[row + m] = Math.exp(logValue < MAX_LOG_VALUE ? logValue : MAX_LOG_VALUE);
        }
      } else {
        // K·e^{deviation} / (1 + e^{−r(t − t0)}). The tail e^{−r(t − t0)} shrinks by e^{−r} per
        // consecutive month, which saves an exponential per month.
        const perMonth = Math.exp(-b);
        let tail = Number.POSITIVE_INFINITY;
        for (let m = 0; m < months; m++) {
          const g = gap[m] as number;
          deviation = advanceDeviation(deviation, rho, sd, g, normal());
          tail = m > 0 && g === 1 && tail < Number.POSITIVE_INFINITY ? tail * perMonth : Math.exp(-b * ((t[m] as number) - c));
          const logScale = a + deviation;
          block[row + m] = Math.exp(logScale < MAX_LOG_VALUE ? logScale : MAX_LOG_VALUE) / (1 + tail);
        }
      }
    }
    for (let m = 0; m < months; m++) {
      const base = m * trials;
      for (let i = blockStart; i < blockEnd; i++) result[base + i] = block[(i - blockStart) * months + m] as number;
    }
  }
  return result;
}
