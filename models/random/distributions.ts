/**
 * Distributions of uncertain drivers, in one normalised form, sampled by their inverse CDF so
 * that any uniform source works: plain streams, Latin hypercube strata, copula-rearranged draws.
 * Every quantile function is nondecreasing in u, which is what keeps rank correlation meaningful.
 */

import jStat from 'jstat';
import { betaQuantileFunction } from './beta-quantile.ts';
import { createCumulativeSearch } from './cumulative-search.ts';
import { inverseNormalCdf } from './normal.ts';
import { poissonQuantileFunction } from './poisson-quantile.ts';

/** A distribution in normalised parameters (what the scenario's many forms reduce to). */
export type Distribution =
  | { kind: 'normal'; mean: number; sd: number }
  | { kind: 'lognormal'; mu: number; sigma: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'triangular'; min: number; mode: number; max: number }
  | { kind: 'pert'; min: number; mode: number; max: number; lambda: number }
  | { kind: 'beta'; alpha: number; beta: number }
  | { kind: 'gamma'; shape: number; scale: number }
  | { kind: 'poisson'; mean: number }
  | { kind: 'bernoulli'; p: number }
  | { kind: 'discrete'; values: number[]; weights: number[] };

export type DistributionKind = Distribution['kind'];

/** How a two-number range is read: 0.8 = {p10, p90}, 0.9 = {p5, p95}. */
export type RangeLevel = 0.8 | 0.9;

/** The lower and upper probabilities of each range level. */
export const RANGE_PROBABILITIES: Readonly<Record<RangeLevel, readonly [number, number]>> = {
  0.8: [0.1, 0.9],
  0.9: [0.05, 0.95],
};

/** The PERT's Beta shape parameters (α, β): 1 + λ·(mode − min)/(max − min) and 1 + λ·(max − mode)/(max − min). */
export function pertShape(d: { min: number; mode: number; max: number; lambda: number }): [number, number] {
  const width = d.max - d.min;
  return [1 + (d.lambda * (d.mode - d.min)) / width, 1 + (d.lambda * (d.max - d.mode)) / width];
}

function triangularQuantile(min: number, mode: number, max: number): (u: number) => number {
  const width = max - min;
  const split = (mode - min) / width;
  const left = width * (mode - min);
  const right = width * (max - mode);
  return (u) => (u <= split ? min + Math.sqrt(u * left) : max - Math.sqrt((1 - u) * right));
}

/** Values sorted ascending with equal values merged, and their cumulative probabilities. */
function discreteTable(values: readonly number[], weights: readonly number[]): { values: Float64Array; cdf: Float64Array } {
  const order = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
  const merged: number[] = [];
  const mass: number[] = [];
  let total = 0;
  for (const i of order) {
    const w = weights[i] as number;
    if (!(w > 0)) continue;
    total += w;
    const v = values[i] as number;
    if (merged.length > 0 && merged[merged.length - 1] === v) mass[mass.length - 1] = (mass[mass.length - 1] as number) + w;
    else {
      merged.push(v);
      mass.push(w);
    }
  }
  const cdf = new Float64Array(merged.length);
  let running = 0;
  for (let i = 0; i < mass.length; i++) {
    running += mass[i] as number;
    cdf[i] = running / total;
  }
  if (cdf.length > 0) cdf[cdf.length - 1] = 1;
  return { values: Float64Array.from(merged), cdf };
}

/**
 * The inverse CDF of d: a nondecreasing map from u in (0, 1) to a value in d's units. Tables
 * (Poisson, discrete) are built once here, so call this once per distribution, not per draw.
 * The distribution must pass validateDistribution.
 */
export function quantileFunction(d: Distribution): (u: number) => number {
  switch (d.kind) {
    case 'normal': {
      const { mean, sd } = d;
      return (u) => mean + sd * inverseNormalCdf(u);
    }
    case 'lognormal': {
      const { mu, sigma } = d;
      return (u) => Math.exp(mu + sigma * inverseNormalCdf(u));
    }
    case 'uniform': {
      const { min } = d;
      const width = d.max - d.min;
      return (u) => min + width * u;
    }
    case 'triangular':
      return triangularQuantile(d.min, d.mode, d.max);
    case 'pert': {
      const [alpha, beta] = pertShape(d);
      const { min } = d;
      const width = d.max - d.min;
      const quantile = betaQuantileFunction(alpha, beta);
      return (u) => min + width * quantile(u);
    }
    case 'beta':
      return betaQuantileFunction(d.alpha, d.beta);
    case 'gamma': {
      const { shape, scale } = d;
      return (u) => jStat.gamma.inv(u, shape, scale);
    }
    case 'poisson':
      return poissonQuantileFunction(d.mean);
    case 'bernoulli': {
      // 1 on the top p of the unit interval, so the draw increases with u.
      const threshold = 1 - d.p;
      return (u) => (u > threshold ? 1 : 0);
    }
    case 'discrete': {
      const table = discreteTable(d.values, d.weights);
      const search = createCumulativeSearch(table.cdf);
      return (u) => table.values[search(u)] as number;
    }
  }
}

/**
 * Writes the quantiles of u[0..n) under d into out[0..n) (same units as d; out may be u).
 * The common closed-form kinds run as tight loops without a call per draw.
 */
export function applyQuantile(d: Distribution, u: Float64Array, out: Float64Array, n: number): void {
  switch (d.kind) {
    case 'normal': {
      const { mean, sd } = d;
      for (let i = 0; i < n; i++) out[i] = mean + sd * inverseNormalCdf(u[i] as number);
      return;
    }
    case 'lognormal': {
      const { mu, sigma } = d;
      for (let i = 0; i < n; i++) out[i] = Math.exp(mu + sigma * inverseNormalCdf(u[i] as number));
      return;
    }
    case 'uniform': {
      const { min } = d;
      const width = d.max - d.min;
      for (let i = 0; i < n; i++) out[i] = min + width * (u[i] as number);
      return;
    }
    case 'bernoulli': {
      const threshold = 1 - d.p;
      for (let i = 0; i < n; i++) out[i] = (u[i] as number) > threshold ? 1 : 0;
      return;
    }
    default: {
      const quantile = quantileFunction(d);
      for (let i = 0; i < n; i++) out[i] = quantile(u[i] as number);
    }
  }
}

/** The normal distribution with quantile `low` at probability pLow and `high` at pHigh (0 < pLow < pHigh < 1). */
export function normalFromQuantiles(pLow: number, low: number, pHigh: number, high: number): Extract<Distribution, { kind: 'normal' }> {
  const zLow = inverseNormalCdf(pLow);
  const sd = (high - low) / (inverseNormalCdf(pHigh) - zLow);
  return { kind: 'normal', mean: low - sd * zLow, sd };
}

/** The lognormal distribution with quantile `low` (> 0) at probability pLow and `high` at pHigh. */
export function lognormalFromQuantiles(pLow: number, low: number, pHigh: number, high: number): Extract<Distribution, { kind: 'lognormal' }> {
  const zLow = inverseNormalCdf(pLow);
  const logLow = Math.log(low);
  const sigma = (Math.log(high) - logLow) / (inverseNormalCdf(pHigh) - zLow);
  return { kind: 'lognormal', mu: logLow - sigma * zLow, sigma };
}

/**
 * The distribution a range means: level 0.8 reads (lo, hi) as (p10, p90), level 0.9 as (p5, p95);
 * lognormal through the two quantiles when lo > 0 (positive and right-skewed, like most costs
 * and volumes), normal otherwise. An inverted range yields sd/sigma ≤ 0, which
 * validateDistribution reports; validateRange words it in the range's own terms.
 */
export function fromRange(lo: number, hi: number, level: RangeLevel): Distribution {
  const [pLow, pHigh] = RANGE_PROBABILITIES[level];
  return lo > 0 ? lognormalFromQuantiles(pLow, lo, pHigh, hi) : normalFromQuantiles(pLow, lo, pHigh, hi);
}

function rangeKeys(level: RangeLevel): [string, string] {
  return level === 0.8 ? ['p10', 'p90'] : ['p5', 'p95'];
}

/** A human message when (lo, hi) cannot be a range of the given level, else null. */
export function validateRange(lo: number, hi: number, level: RangeLevel): string | null {
  const [lowKey, highKey] = rangeKeys(level);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return `a range needs finite numbers (got ${lowKey} ${lo}, ${highKey} ${hi})`;
  if (!(lo < hi)) return `a range needs ${lowKey} < ${highKey} (got ${lowKey} ${lo}, ${highKey} ${hi})`;
  return null;
}

/** The expected value of d, in d's units. */
export function distributionMean(d: Distribution): number {
  switch (d.kind) {
    case 'normal':
      return d.mean;
    case 'lognormal':
      return Math.exp(d.mu + (d.sigma * d.sigma) / 2);
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'pert': {
      const [alpha, beta] = pertShape(d);
      return d.min + ((d.max - d.min) * alpha) / (alpha + beta);
    }
    case 'beta':
      return d.alpha / (d.alpha + d.beta);
    case 'gamma':
      return d.shape * d.scale;
    case 'poisson':
      return d.mean;
    case 'bernoulli':
      return d.p;
    case 'discrete': {
      let sum = 0;
      let total = 0;
      d.values.forEach((v, i) => {
        const w = d.weights[i] ?? 0;
        sum += v * w;
        total += w;
      });
      return sum / total;
    }
  }
}

/** The variance of d, in d's units squared. */
export function distributionVariance(d: Distribution): number {
  switch (d.kind) {
    case 'normal':
      return d.sd * d.sd;
    case 'lognormal': {
      const s2 = d.sigma * d.sigma;
      return Math.expm1(s2) * Math.exp(2 * d.mu + s2);
    }
    case 'uniform':
      return (d.max - d.min) ** 2 / 12;
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    }
    case 'pert': {
      const [alpha, beta] = pertShape(d);
      const s = alpha + beta;
      return ((d.max - d.min) ** 2 * alpha * beta) / (s * s * (s + 1));
    }
    case 'beta': {
      const s = d.alpha + d.beta;
      return (d.alpha * d.beta) / (s * s * (s + 1));
    }
    case 'gamma':
      return d.shape * d.scale * d.scale;
    case 'poisson':
      return d.mean;
    case 'bernoulli':
      return d.p * (1 - d.p);
    case 'discrete': {
      const mean = distributionMean(d);
      let sum = 0;
      let total = 0;
      d.values.forEach((v, i) => {
        const w = d.weights[i] ?? 0;
        sum += w * (v - mean) ** 2;
        total += w;
      });
      return sum / total;
    }
  }
}

/** The smallest and largest values d can take (±Infinity when unbounded). */
export function distributionSupport(d: Distribution): { min: number; max: number } {
  switch (d.kind) {
    case 'normal':
      return { min: -Infinity, max: Infinity };
    case 'lognormal':
      return { min: 0, max: Infinity };
    case 'uniform':
    case 'triangular':
    case 'pert':
      return { min: d.min, max: d.max };
    case 'beta':
      return { min: 0, max: 1 };
    case 'gamma':
      return { min: 0, max: Infinity };
    case 'poisson':
      return { min: 0, max: d.mean === 0 ? 0 : Infinity };
    case 'bernoulli':
      return { min: d.p === 1 ? 1 : 0, max: d.p === 0 ? 0 : 1 };
    case 'discrete': {
      const table = discreteTable(d.values, d.weights);
      return { min: table.values[0] ?? Number.NaN, max: table.values[table.values.length - 1] ?? Number.NaN };
    }
  }
}

/** The p-quantile of d (p a probability in [0, 1]; 0 and 1 give the support's ends), in d's units. */
export function distributionQuantile(d: Distribution, p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return distributionSupport(d).min;
  if (p === 1) return distributionSupport(d).max;
  return quantileFunction(d)(p);
}

function finiteIssue(kind: string, params: Record<string, number>): string | null {
  for (const [name, value] of Object.entries(params)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) return `${kind} needs finite numbers (got ${name} ${String(value)})`;
  }
  return null;
}

/** A human message naming what is wrong with d's parameters, or null when d can be sampled. */
export function validateDistribution(d: Distribution): string | null {
  switch (d.kind) {
    case 'normal':
      return finiteIssue('normal', { mean: d.mean, sd: d.sd }) ?? (d.sd > 0 ? null : `normal needs sd > 0 (got sd ${d.sd})`);
    case 'lognormal':
      return finiteIssue('lognormal', { mu: d.mu, sigma: d.sigma }) ?? (d.sigma > 0 ? null : `lognormal needs sigma > 0 (got sigma ${d.sigma})`);
    case 'uniform':
      return finiteIssue('uniform', { min: d.min, max: d.max }) ?? (d.min < d.max ? null : `uniform needs min < max (got min ${d.min}, max ${d.max})`);
    case 'triangular':
    case 'pert': {
      const params: Record<string, number> = { min: d.min, mode: d.mode, max: d.max };
      if (d.kind === 'pert') params['lambda'] = d.lambda;
      const finite = finiteIssue(d.kind, params);
      if (finite) return finite;
      if (!(d.min <= d.mode && d.mode <= d.max)) return `${d.kind} needs min ≤ mode ≤ max (got min ${d.min}, mode ${d.mode}, max ${d.max})`;
      if (!(d.min < d.max)) return `${d.kind} needs min < max (got min ${d.min}, max ${d.max})`;
      if (d.kind === 'pert' && !(d.lambda >= 0)) return `pert needs lambda ≥ 0 (got lambda ${d.lambda})`;
      return null;
    }
    case 'beta':
      return (
        finiteIssue('beta', { alpha: d.alpha, beta: d.beta }) ??
        (d.alpha > 0 && d.beta > 0 ? null : `beta needs alpha > 0 and beta > 0 (got alpha ${d.alpha}, beta ${d.beta})`)
      );
    case 'gamma':
      return (
        finiteIssue('gamma', { shape: d.shape, scale: d.scale }) ??
        (d.shape > 0 && d.scale > 0 ? null : `gamma needs shape > 0 and scale > 0 (got shape ${d.shape}, scale ${d.scale})`)
      );
    case 'poisson':
      return finiteIssue('poisson', { mean: d.mean }) ?? (d.mean >= 0 ? null : `poisson needs mean ≥ 0 (got mean ${d.mean})`);
    case 'bernoulli':
      return finiteIssue('bernoulli', { p: d.p }) ?? (d.p >= 0 && d.p <= 1 ? null : `bernoulli needs p between 0 and 1 (got p ${d.p})`);
    case 'discrete': {
      if (d.values.length === 0) return 'discrete needs at least one value';
      if (d.values.length !== d.weights.length) {
        return `discrete needs one weight per value (got ${d.values.length} values, ${d.weights.length} weights)`;
      }
      for (let i = 0; i < d.values.length; i++) {
        const v = d.values[i] as number;
        if (!Number.isFinite(v)) return `discrete needs finite values (got value ${String(v)} at position ${i + 1})`;
        const w = d.weights[i] as number;
        if (!(Number.isFinite(w) && w >= 0)) return `discrete needs weights ≥ 0 (got weight ${String(w)} at position ${i + 1})`;
      }
      if (!d.weights.some((w) => w > 0)) return 'discrete needs at least one weight > 0 (got all weights 0)';
      return null;
    }
  }
}

/** A number for a sentence: whole numbers from 1,000 up, three significant digits below; locale-independent. */
export function formatForSentence(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const magnitude = Math.abs(x);
  if (magnitude >= 1e15 || magnitude < 1e-4) return x.toPrecision(3).replace(/^-/, '−');
  const rounded = magnitude >= 1000 ? Math.round(x) : Number(x.toPrecision(3));
  const [whole = '', fraction] = String(Math.abs(rounded)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (rounded < 0 ? '−' : '') + grouped + (fraction !== undefined ? `.${fraction}` : '');
}

function formatPercent(p: number): string {
  return `${formatForSentence(p * 100)} %`;
}

/**
 * A short plain-English sentence of what d means, e.g. "lognormal: 80 % chance between 20 and
 * 45, median 30, mean 31.2". `level` picks the central range quoted (0.8: P10–P90, 0.9: P5–P95).
 */
export function describeDistribution(d: Distribution, level: RangeLevel = 0.8): string {
  const invalid = validateDistribution(d);
  if (invalid) return `not usable: ${invalid}`;
  const f = formatForSentence;
  const [pLow, pHigh] = RANGE_PROBABILITIES[level];
  const quantile = quantileFunction(d);
  const range = `${formatForSentence(level * 100)} % chance between ${f(quantile(pLow))} and ${f(quantile(pHigh))}`;
  const mean = f(distributionMean(d));
  const median = f(quantile(0.5));
  switch (d.kind) {
    case 'normal':
      return `normal: ${range}, mean ${mean}`;
    case 'lognormal':
      return `lognormal: ${range}, median ${median}, mean ${mean}`;
    case 'uniform':
      return `uniform: any value between ${f(d.min)} and ${f(d.max)} equally likely, mean ${mean}`;
    case 'triangular':
      return `triangular: between ${f(d.min)} and ${f(d.max)}, most likely ${f(d.mode)}, mean ${mean}`;
    case 'pert':
      return `PERT: between ${f(d.min)} and ${f(d.max)}, most likely ${f(d.mode)}, mean ${mean}`;
    case 'beta':
      return `beta (alpha ${f(d.alpha)}, beta ${f(d.beta)}): a share between 0 and 1, ${range}, mean ${mean}`;
    case 'gamma':
      return `gamma: ${range}, median ${median}, mean ${mean}`;
    case 'poisson':
      return `Poisson count: ${range}, mean ${mean}`;
    case 'bernoulli':
      return `yes/no: 1 with probability ${formatPercent(d.p)}, otherwise 0`;
    case 'discrete': {
      const table = discreteTable(d.values, d.weights);
      if (table.values.length > 6) {
        return `one of ${table.values.length} values between ${f(table.values[0] as number)} and ${f(table.values[table.values.length - 1] as number)}, mean ${mean}`;
      }
      const parts = Array.from(table.values, (v, i) => `${f(v)} (${formatPercent((table.cdf[i] as number) - (i > 0 ? (table.cdf[i - 1] as number) : 0))})`);
      return `one of ${parts.join(', ')}`;
    }
  }
}
